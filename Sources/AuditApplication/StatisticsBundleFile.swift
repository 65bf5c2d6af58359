import AuditData
import AuditMetrics
import Foundation

/// A `.vstats` file (`vigie stats`, `docs/holders.md`): one data holder's sufficient statistics
/// for a multi-holder audit, with the spec they were computed under, the data file's SHA-256
/// and the Vigie that computed them.
///
/// **Format**: a first line that says what the file holds and that it is confidential (exact
/// counts per group, however small), then one JSON object with sorted keys:
/// `bundle_version`, `vigie` (version, commit), `spec` (the spec as `manifest.json` records
/// it, the data file by name), `data` (name, SHA-256, bytes) and `statistics`
/// (``HolderStatistics``: the holder's name, the protected attributes' groups, each table's
/// cells, the whole population's). Deterministic: the same data and spec give the same bytes.
public struct StatisticsBundleFile: Codable, Sendable, Equatable {
    /// The first line of every bundle.
    public static let firstLine = "VIGIE STATISTICS BUNDLE — CONFIDENTIAL: exact counts per group, however small; for the coordinator of a multi-holder audit under its agreement, never for publication (publish what `vigie merge` writes)"
    public static let formatVersion = 1
    /// The largest bundle read (256 MiB).
    static let sizeLimit = 256 << 20

    public var bundleVersion: Int
    public var vigie: Manifest.Build
    public var spec: AuditSpec
    public var data: Manifest.Input
    public var statistics: HolderStatistics

    enum CodingKeys: String, CodingKey {
        case bundleVersion = "bundle_version"
        case vigie, spec, data, statistics
    }

    public init(spec: AuditSpec, data: Manifest.Input, statistics: HolderStatistics) {
        bundleVersion = Self.formatVersion
        vigie = .current
        self.spec = spec
        self.data = data
        self.statistics = statistics
    }

    /// The file's bytes: the first line, then the JSON object.
    public func encoded() throws -> Data {
        var bytes = Data((Self.firstLine + "\n").utf8)
        bytes.append(try Manifest.json(self))
        return bytes
    }

    /// Reads and checks the bundle at `path`: a regular file of at most 256 MiB, the first line,
    /// the format version, the JSON (errors name the line and column), and the statistics'
    /// consistency (``HolderStatistics/validate()``).
    public static func read(_ path: String) throws -> StatisticsBundleFile {
        func fail(_ message: String) -> HolderBundleError { HolderBundleError(file: path, message: message) }
        guard POSIXFiles.kind(of: path) != .absent else { throw fail("no such file") }
        guard let size = POSIXFiles.regularFileSize(path) else { throw fail("not a regular file") }
        guard size <= sizeLimit else { throw fail("\(size) bytes, more than a statistics bundle may hold (256 MiB)") }
        guard let bytes = FileManager.default.contents(atPath: path) else { throw fail("cannot be read") }
        guard let newline = bytes.firstIndex(of: 0x0A), String(decoding: bytes[..<newline], as: UTF8.self) == firstLine else {
            throw fail("line 1: expected the first line of a statistics bundle written by `vigie stats` (\"VIGIE STATISTICS BUNDLE — CONFIDENTIAL: …\")")
        }
        let json = Data(bytes[(newline + 1)...])
        let bundle: StatisticsBundleFile
        do {
            if let version = try? JSONDecoder().decode(VersionOnly.self, from: json), version.bundleVersion != formatVersion {
                throw fail("bundle_version: \(version.bundleVersion); this Vigie reads version \(formatVersion)")
            }
            bundle = try JSONDecoder().decode(StatisticsBundleFile.self, from: json)
        } catch let error as HolderBundleError {
            throw error
        } catch {
            // Lines of the JSON part are the file's lines after the first.
            let location = JSONErrorLocation.describe(error, in: json)
            if let colon = location.firstIndex(of: ":"), let line = Int(location[..<colon]) {
                throw fail("line \(line + 1):\(location[location.index(after: colon)...])")
            }
            throw fail(location)
        }
        do { try bundle.statistics.validate() } catch { throw fail("statistics: \(error.message)") }
        return bundle
    }

    struct VersionOnly: Decodable {
        let bundleVersion: Int
        enum CodingKeys: String, CodingKey { case bundleVersion = "bundle_version" }
    }
}

/// A statistics bundle that cannot be read or merged, naming the file.
public struct HolderBundleError: Error, CustomStringConvertible {
    public let file: String
    public let message: String
    public var description: String { "\(file): \(message)" }
}
