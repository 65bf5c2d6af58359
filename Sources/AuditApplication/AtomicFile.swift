import Foundation

/// Writes one file all at once: into a new file beside it with an unpredictable name
/// (`mkstemp`: created exclusively, never through a link), flushed to disk, then renamed
/// over the target (a link at the target is replaced, never followed). On failure the
/// target is as it was and the temporary file is removed. `vigie init --out` and
/// `vigie generate --out` write through it.
package enum AtomicFile {
    /// Writes what `body` writes to the handle it is given into `path`.
    package static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let staged = try stage(for: path, body)
        do {
            try POSIXFiles.move(staged.temporary, to: staged.target)
        } catch {
            unlink(staged.temporary)
            throw error
        }
        try? POSIXFiles.syncFolder((staged.target as NSString).deletingLastPathComponent)
    }

    /// The first half of ``write(to:_:)``: what `body` writes, in a new file beside `path`
    /// (created exclusively, unpredictable name), flushed to disk, for the caller to rename
    /// over `target` (`ReportWriter` does so for the files beside an output folder, right
    /// after the folder's swap). On failure nothing stays.
    package static func stage(for path: String, _ body: (FileHandle) throws -> Void) throws -> (temporary: String, target: String) {
        let (parent, base) = try ReportWriter.split(path)
        guard POSIXFiles.kind(of: path) != .folder else { throw ReportWriterError(problem: .sentence(.writerIsFolder, arguments: ["path": "\(path)"])) }
        let (temporary, fd) = try POSIXFiles.makeUniqueFile(in: parent, prefix: ".\(base.prefix(100)).vigie-")
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            try body(handle)
            guard fchmod(fd, 0o666 & ~POSIXFiles.creationMask()) == 0, fsync(fd) == 0 else {
                throw ReportWriterError(problem: .sentence(.writerCannotWriteFile, arguments: ["path": "\(path)", "reason": "\(POSIXFiles.lastError())"]))
            }
            try handle.close()
        } catch {
            try? handle.close()
            unlink(temporary)
            throw error
        }
        return (temporary, parent + "/" + base)
    }

    /// Writes `data` into `path`.
    package static func write(_ data: Data, to path: String) throws {
        try write(to: path) { try $0.write(contentsOf: data) }
    }
}
