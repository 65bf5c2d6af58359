import AuditApplication
import Foundation

/// An audit's output folder, read for a register record: `report.json` (schema 1.1) and
/// `manifest.json` (version 1), checked against each other.
///
/// Refused, with a message naming the file and what was expected: a path that is not a
/// folder; a folder without `report.json` or `manifest.json` (not a Vigie audit); a report
/// whose `generator.name` is not `vigie` or whose `schema_version` is not one this version
/// reads; a manifest of another version; a `report.json` whose SHA-256 is not the one
/// `manifest.json` records (the report was changed after the audit).
public struct AuditFolder: Sendable {
    /// The `report.json` schema versions this module reads.
    public static let supportedReportSchemas = ["1.1", "1.2", "1.3"]
    /// The `manifest.json` format version it reads.
    public static let supportedManifestVersion = 1

    public let path: String
    /// The measured facts.
    public let facts: AuditFacts
    /// The system card as declared (`report.json` `system`): each key (nested `fria` keys
    /// dotted: `fria.risks`) with its texts, a list field keeping its items. Empty when the
    /// spec had no card.
    public let card: [String: [String]]

    public static func read(_ folder: String) throws(RegisterError) -> AuditFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RegisterError(.sentence(.registerNotFolder, arguments: ["folder": "\(folder)"]))
        }
        let base = URL(fileURLWithPath: folder)
        func contents(_ name: String) throws(RegisterError) -> Data {
            let path = base.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RegisterError(.sentence(.registerNotAudit, arguments: ["path": "\(path)", "folder": "\(folder)"]))
            }
            return data
        }
        let reportData = try contents("report.json")
        let manifestData = try contents("manifest.json")
        let reportPath = base.appendingPathComponent("report.json").path
        let manifestPath = base.appendingPathComponent("manifest.json").path
        let report = try JSONDocument.parse(reportData, file: reportPath)
        let manifest = try JSONDocument.parse(manifestData, file: manifestPath)

        let generator = try report.member("generator").string("name")
        guard generator == "vigie" else {
            throw RegisterError(.sentence(.registerGenerator, arguments: ["path": "\(reportPath)", "generator": "\(generator)"]))
        }
        let schema = try report.string("schema_version")
        guard supportedReportSchemas.contains(schema) else {
            throw RegisterError(.sentence(.registerSchema, arguments: ["path": "\(reportPath)", "schema": "\(schema)", "current": "\(supportedReportSchemas.joined(separator: ", "))"]))
        }
        let manifestVersion = try manifest.integer("manifest_version")
        guard manifestVersion == supportedManifestVersion else {
            throw RegisterError(.sentence(.manifestVersionField, arguments: ["file": manifestPath, "version": "\(manifestVersion)", "current": "\(supportedManifestVersion)"]))
        }

        let outputs = try manifest.array("outputs").map { (item) throws(RegisterError) -> AuditFile in
            AuditFile(role: "output", name: try item.string("name"), sha256: try item.string("sha256"), path: nil)
        }
        let inputs = try manifest.array("inputs").map { (item) throws(RegisterError) -> AuditFile in
            AuditFile(role: try item.string("role"), name: try item.string("name"), sha256: try item.string("sha256"), path: try item.optional("path")?.string())
        }
        guard let recorded = outputs.first(where: { $0.name == "report.json" }) else {
            throw RegisterError(.sentence(.registerNoReportEntry, arguments: ["path": "\(manifestPath)"]))
        }
        let actual = SHA256Hashing.hex(reportData)
        guard recorded.sha256 == actual else {
            throw RegisterError(.sentence(.registerReportHash, arguments: ["path": "\(reportPath)", "actual": "\(actual)", "recorded": "\(recorded.sha256)", "folder": "\(folder)"]))
        }
        let vigie = try manifest.member("vigie")
        let facts = try AuditFacts.read(
            report: report, inputs: inputs, outputs: outputs,
            vigieVersion: try vigie.string("version"), vigieCommit: try vigie.string("commit"),
            manifestSHA256: SHA256Hashing.hex(manifestData)
        )
        let card = try Self.card(try report.optional("system"))
        return AuditFolder(path: folder, facts: facts, card: card)
    }

    /// The card's fields: a text, a list of texts, or (for `fria`) an object of them.
    static func card(_ system: JSONDocument?) throws(RegisterError) -> [String: [String]] {
        guard let system else { return [:] }
        var card: [String: [String]] = [:]
        func values(_ node: JSONDocument) throws(RegisterError) -> [String] {
            if case .string(let text) = node.value { return [text] }
            return try node.array().map { (item) throws(RegisterError) -> String in try item.string() }
        }
        for key in try system.keys() {
            let node = try system.member(key)
            if node.isObject {
                let nested = node
                for child in try nested.keys() { card["\(key).\(child)"] = try values(try nested.member(child)) }
            } else {
                card[key] = try values(node)
            }
        }
        return card.filter { !$0.value.isEmpty && !$0.value.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    /// The decision model input recorded in the manifest, if any.
    public var modelInput: AuditFile? { facts.inputs.first { $0.role == "model" } }
}
