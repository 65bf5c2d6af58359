import AuditData
import Foundation

/// Files the fuzz targets need: each input written to a private temporary folder (the
/// readers take paths, as the command line does), and fixed companion files.
public enum FuzzFiles {
    /// A private folder for this process, created once.
    public static let folder: String = {
        var template = Array((NSTemporaryDirectory() + "/vigie-fuzz-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "cannot create a temporary folder")
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }()

    /// Writes `bytes` to `folder/name` and returns the path.
    public static func write(_ bytes: UnsafeRawBufferPointer, as name: String) -> String {
        let path = folder + "/" + name
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Writes `text` to `folder/name` once and returns the path.
    public static func fixed(_ name: String, _ text: String) -> String {
        let path = folder + "/" + name
        if !FileManager.default.fileExists(atPath: path) { FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) }
        return path
    }

    /// A YAML scalar for a name taken from the input.
    public static func yaml(_ text: String) -> String { YAMLQuoted.scalar(text) }
}

/// The fuzz input as text, when it is UTF-8 (YAML and JSON readers take text).
public func fuzzText(_ input: UnsafeRawBufferPointer) -> String? {
    String(validating: input.bindMemory(to: UInt8.self), as: UTF8.self)
}

/// libFuzzer's driver (compiler-rt `FuzzerInterface.h`): parses libFuzzer's flags and runs
/// `callback` on each input. Called from each target's `main`, so that SwiftPM's executable
/// targets link as usual (libFuzzer's own `main` is then not linked).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// A fuzz target's entry: one input at a time, as `(bytes, count)`.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

/// Runs libFuzzer on `target` with the process's arguments, and exits with its status.
public func runFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    let status = LLVMFuzzerRunDriver(&argc, &argv, target)
    exit(status)
}

/// The input as a buffer (libFuzzer passes a null pointer for the empty input).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : count)
}
