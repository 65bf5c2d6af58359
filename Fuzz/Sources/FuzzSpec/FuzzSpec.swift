import AuditApplication
import AuditData
import FuzzSupport
import Foundation

/// The audit spec's YAML reader: the input is a spec file; a spec that reads is also checked,
/// written in the manifest's form (JSON, the spec file's view) and read back from it, as
/// `manifest.json` and `vigie verify` do.
@main
enum Main {
    static func main() { runFuzzer { data, count in fuzzSpec(fuzzBytes(data, count)) } }
}

func fuzzSpec(_ input: UnsafeRawBufferPointer) -> CInt {
    guard let text = fuzzText(input), let spec = try? AuditSpec(yaml: text) else { return 0 }
    _ = try? spec.validate()
    _ = spec.columnRequests
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    if let json = try? encoder.encode(spec), let back = String(data: json, encoding: .utf8) {
        _ = try? AuditSpec(yaml: back)
    }
    return 0
}
