import Foundation

/// Row-count progress on standard error: a live line on a terminal, nothing otherwise.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(quiet: Bool) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    func update(rows: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let seconds = now.timeIntervalSince(start)
        let spinner = ["|", "/", "-", "\\"][Int(seconds * 8) % 4]
        let line = "\r\(spinner) reading: \(rows.formatted()) rows (\(Int(Double(rows) / max(seconds, 0.001)).formatted()) rows/s)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
