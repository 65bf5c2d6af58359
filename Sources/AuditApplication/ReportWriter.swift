import AuditAssessment
import AuditReport
import Foundation

/// Writes a set of report files into a folder all at once, or not at all.
///
/// Each file is first written to a hidden temporary file in the same folder, then all are
/// renamed into place; if any write fails, the temporaries are removed and the folder's
/// previous content is untouched.
public enum ReportWriter {
    /// Writes `files` (name → content) into `directory`, creating it if needed, and the
    /// `alongside` files (path → content; their folders must exist, e.g. `vigie audit --junit`)
    /// in the same step: every temporary is written before the first rename.
    public static func write(_ files: [(name: String, data: Data)], to directory: String, alongside: [(path: String, data: Data)] = []) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw ReportWriterError(message: "'\(directory)' exists and is not a folder") }
        } else {
            do {
                try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw ReportWriterError(message: "cannot create the output folder '\(directory)': \(error.localizedDescription)")
            }
        }
        let folder = URL(fileURLWithPath: directory)
        let tag = "\(ProcessInfo.processInfo.processIdentifier)"
        var temporaries: [(URL, URL)] = []
        let targets = files.map { (folder.appendingPathComponent($0.name), $0.data) } + alongside.map { (URL(fileURLWithPath: $0.path), $0.data) }
        do {
            for (final, data) in targets {
                let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(final.lastPathComponent).tmp-\(tag)")
                try data.write(to: temporary)
                temporaries.append((temporary, final))
            }
        } catch {
            for (temporary, _) in temporaries { try? fm.removeItem(at: temporary) }
            throw ReportWriterError(message: "cannot write into '\(directory)': \(error.localizedDescription)")
        }
        for (temporary, final) in temporaries {
            if rename(temporary.path, final.path) != 0 {
                for (t, _) in temporaries { try? fm.removeItem(at: t) }
                throw ReportWriterError(message: "cannot move the report into '\(final.path)'")
            }
        }
    }
}

/// A report could not be written.
public struct ReportWriterError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
