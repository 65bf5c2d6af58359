import Foundation

/// One protected attribute of an audit: the column that defines the groups.
public struct ProtectedAttributeSpec: Sendable, Hashable {
    /// Header name of the column.
    public var column: String
    /// Banding of a numeric column; `.none` for a categorical one.
    public var binning: Binning
    /// The reference group; `nil` uses the audit's default rule.
    public var reference: ReferenceRule?
    /// Relabelling of raw values, applied before grouping (`{UE: EU}`); several raw values may map to one group.
    public var mapping: [String: String]

    public init(column: String, binning: Binning = .none, reference: ReferenceRule? = nil, mapping: [String: String] = [:]) {
        self.column = column
        self.binning = binning
        self.reference = reference
        self.mapping = mapping
    }

    /// Parses the command-line form: `sex`, `age:18,26,36,51,66` (bands) or `income:q4` (quantiles).
    public init(parsing text: String) throws(SpecError) {
        guard let colon = text.lastIndex(of: ":") else {
            self.init(column: text)
            return
        }
        let name = String(text[..<colon])
        let rest = String(text[text.index(after: colon)...])
        guard !name.isEmpty else { throw SpecError(key: "--protected", problem: .sentence(.specNoColumnBeforeColon, arguments: ["text": "\(text)"])) }
        if rest.hasPrefix("q"), let k = Int(rest.dropFirst()) {
            guard k >= 2 else { throw SpecError(key: "--protected", problem: .sentence(.specQuantileOption, arguments: ["text": "\(text)"])) }
            self.init(column: name, binning: .quantiles(k))
            return
        }
        var edges: [Double] = []
        for part in rest.split(separator: ",", omittingEmptySubsequences: false) {
            guard let edge = Double(part.trimmingCharacters(in: .whitespaces)) else {
                throw SpecError(key: "--protected", problem: .sentence(.specBandsOption, arguments: ["text": "\(text)", "part": "\(part)"]))
            }
            edges.append(edge)
        }
        try Self.validateBands(edges, key: "--protected \(text)")
        self.init(column: name, binning: .bands(edges))
    }

    /// Band edges must be finite and strictly increasing.
    static func validateBands(_ edges: [Double], key: String) throws(SpecError) {
        guard !edges.isEmpty else { throw SpecError(key: key, problem: .sentence(.specBandEdgeNeeded, arguments: [:])) }
        guard edges.allSatisfy({ $0.isFinite }) else { throw SpecError(key: key, problem: .sentence(.specBandsFinite, arguments: [:])) }
        for (a, b) in zip(edges, edges.dropFirst()) where !(a < b) {
            throw SpecError(key: key, problem: .sentence(.specBandsIncreasing, arguments: ["a": "\(a)", "b": "\(b)"]))
        }
    }
}
