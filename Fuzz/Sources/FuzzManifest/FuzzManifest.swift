import AuditApplication
import FuzzSupport
import Foundation

/// `manifest.json` as `vigie verify` reads it from a folder someone sent: the input is the
/// manifest; reading and checking it must never crash, and never touch anything outside.
@main
enum Main {
    static func main() { runFuzzer { data, count in fuzzManifest(fuzzBytes(data, count)) } }
}

func fuzzManifest(_ input: UnsafeRawBufferPointer) -> CInt {
    _ = FuzzFiles.write(input, as: "manifest.json")
    if let manifest = try? Manifest.read(folder: FuzzFiles.folder) {
        _ = try? manifest.spec.validate()
        _ = try? manifest.encoded()
    }
    return 0
}
