import AuditData
import Foundation

/// A tariff applied to the allocation (volumes) to audit the bills it produces (spec `tariff:`).
public struct TariffSpec: Sendable, Equatable {
    /// Path of the tariff file (`model:`, YAML); relative to the spec's folder.
    public var path: String
    /// The meter-type column (`individuel` / `collectif`).
    public var meter: String

    public init(path: String, meter: String) {
        self.path = path
        self.meter = meter
    }
}

/// `{model, meter}` in the file's view; `{file: base name, column}` in the report's.
extension TariffSpec: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case path = "model"
        case meter
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try c.decode(String.self, forKey: .path, missing: "missing: the tariff file"),
                  meter: try c.decode(String.self, forKey: .meter, missing: "missing: the meter-type column"))
    }

    public func encode(to encoder: Encoder) throws {
        switch encoder.specView {
        case .file:
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encode(meter, forKey: .meter)
        case .report:
            try AppliedModel(path: path, column: meter).encode(to: encoder)
        }
    }
}

/// A decision model applied to the data as `report.json` names it: its file's base name and
/// the column it reads.
struct AppliedModel: Encodable {
    let file: String
    let column: String

    init(path: String, column: String) {
        file = URL(fileURLWithPath: path).lastPathComponent
        self.column = column
    }
}
