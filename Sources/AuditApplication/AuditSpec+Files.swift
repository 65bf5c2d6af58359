import AuditData
import Foundation
import PostgresSource

extension AuditSpec {
    /// Reads a spec file. Relative paths (`data:`, the tariff, drought rule and grid files)
    /// are resolved against the spec's folder. Unknown keys, wrong types and bad values throw
    /// a `SpecError` naming file, line, column and key (`LocatedYAMLDecoder`).
    public init(contentsOfFile path: String) throws(SpecError) {
        self = try LocatedYAMLDecoder.decode(AuditSpec.self, contentsOfFile: path, what: "spec")
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        // A database URI (`data: postgresql://…`, docs/postgres.md) is not a path.
        self = mappingPaths { $0.hasPrefix("/") || PostgresLocation.isURI($0) ? $0 : folder.appendingPathComponent($0).standardizedFileURL.path }
    }

    /// Parses spec text; `file` only labels errors.
    public init(yaml text: String, file: String = "<spec>") throws(SpecError) {
        self = try LocatedYAMLDecoder(file: file, what: "spec").decode(AuditSpec.self, from: text)
    }

    /// The spec with every path absolute, resolved against the current folder (as
    /// `manifest.json` records it).
    public var withAbsolutePaths: AuditSpec {
        mappingPaths(Self.absolute)
    }

    /// Absolute form of a path, resolved against the current folder.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The spec with `transform` applied to each file path: the data, the tariff, the drought
    /// rule, the grid, `amend`'s holdout file.
    func mappingPaths(_ transform: (String) -> String) -> AuditSpec {
        var s = self
        s.data.path = data.path.map(transform)
        if let path = models.tariff?.path { s.models.tariff?.path = transform(path) }
        if let path = models.drought?.path { s.models.drought?.path = transform(path) }
        if let path = models.grid?.path { s.models.grid?.path = transform(path) }
        if let path = models.amend?.holdout { s.models.amend?.holdout = transform(path) }
        return s
    }
}
