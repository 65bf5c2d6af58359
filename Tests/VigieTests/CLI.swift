import TestSupport
import Foundation

/// Runs the built `vigie` binary, as a user would.
enum CLI {
    static let root = RepositoryPaths.root

    /// The `vigie` executable beside the test bundle (`.build/debug/vigie`).
    static var binary: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            let url = folder.appendingPathComponent("vigie")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return root.appendingPathComponent(".build/debug/vigie")
    }

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs vigie; after `timeout` seconds it is killed (status 9 by signal: a hang is a failure, not a stuck suite).
    @discardableResult
    static func run(_ arguments: [String], in folder: URL? = nil, timeout: Double = 600, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        if let folder { process.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }


    /// Reads `metrics.csv` into (attribute, group, metric) → (value, status).
    static func metrics(_ folder: URL) throws -> [String: (value: Double?, status: String)] {
        let text = try String(contentsOf: folder.appendingPathComponent("metrics.csv"), encoding: .utf8)
        var table: [String: (Double?, String)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            table["\(f[0])|\(f[1])|\(f[2])"] = (Double(f[3]), f[5])
        }
        return table
    }
}

/// Temporary folders for one test, removed when the test's suite instance goes away.
final class Scratch {
    private var folders: [URL] = []

    func folder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigie-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        folders.append(url)
        return url
    }

    deinit {
        for url in folders { try? FileManager.default.removeItem(at: url) }
    }
}
