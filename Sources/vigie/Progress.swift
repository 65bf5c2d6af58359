import AuditData
import AuditReport
import Foundation

/// Row-count progress on standard error: a live line on a terminal, nothing otherwise.
final class Progress: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private let text: ReportText

    init(quiet: Bool, language: ReportLanguage = .en) {
        enabled = !quiet && isatty(STDERR_FILENO) == 1
        text = ReportText(language)
    }

    func update(_ progress: LoadProgress) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        let seconds = max(now.timeIntervalSince(start), 0.001)
        var line = "\r" + text(.cliProgressReading) + " "
        if let fraction = progress.fraction {
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(Int(fraction * 100)) % "
        }
        line += text(.cliProgressRows, ["rows": String(progress.rows), "speed": String(Int(Double(progress.rows) / seconds))])
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
