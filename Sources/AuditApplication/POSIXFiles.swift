import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls that writing outputs safely needs, with their errors as messages.
///
/// Foundation's file API follows symbolic links and cannot create a file exclusively or a
/// folder with an unpredictable name, so the writer calls the system directly: `mkdtemp`
/// (a new folder, mode 0700, random name, never an existing path or link), `open` with
/// `O_CREAT | O_EXCL | O_NOFOLLOW` (a new file, never through a link), `fsync`, and `rename`
/// or Linux's `renameat2(RENAME_EXCHANGE)` (two paths swapped in one step).
enum POSIXFiles {
    /// What `lstat` says a path is (a link is never followed).
    enum Kind: Equatable {
        case absent, folder, symbolicLink, other
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The system's message for the current `errno`.
    static func lastError() -> String { String(cString: strerror(errno)) }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// Whether `path` is a regular file (not a link, folder, pipe or device), and its size.
    static func regularFileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// The entries of a folder, `.` and `..` left out; nil when it cannot be listed.
    static func entries(_ folder: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: folder)
    }

    /// A new, empty folder `parent/prefixXXXXXX` (six random characters), mode 0700.
    static func makeUniqueFolder(in parent: String, prefix: String) throws(Failure) -> String {
        var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard made != nil else { throw Failure(description: "cannot create a folder in '\(parent)': \(lastError())") }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The process's file-creation mask.
    static func creationMask() -> mode_t {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    /// Writes `data` to the new file `path` (which must not exist), then flushes it to disk.
    static func writeNewFile(_ path: String, _ data: Data, mode: mode_t) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw Failure(description: "cannot create '\(path)': \(lastError())") }
        defer { close(fd) }
        var failure: String?
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                offset += n
            }
        }
        if let failure { throw Failure(description: "cannot write '\(path)': \(failure)") }
        guard fsync(fd) == 0 else { throw Failure(description: "cannot flush '\(path)' to disk: \(lastError())") }
    }

    /// Flushes a folder's entries (the names of the files in it) to disk.
    static func syncFolder(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(description: "cannot open '\(path)': \(lastError())") }
        defer { close(fd) }
        // Some file systems refuse fsync on a folder (EINVAL): the data are then as safe as they can be.
        guard fsync(fd) == 0 || errno == EINVAL else { throw Failure(description: "cannot flush '\(path)' to disk: \(lastError())") }
    }

    /// Swaps two existing paths in one step (Linux `renameat2(RENAME_EXCHANGE)`).
    /// - Returns: false when the system or the file system cannot (then nothing changed).
    static func exchange(_ a: String, _ b: String) throws(Failure) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 2  // RENAME_EXCHANGE, linux/fs.h
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 { return true }
        if errno == EINVAL || errno == ENOSYS || errno == ENOTSUP { return false }
        throw Failure(description: "cannot swap '\(a)' and '\(b)': \(lastError())")
        #else
        return false
        #endif
    }

    /// `rename(2)`: replaces `to` if it is a file or an empty folder.
    static func move(_ from: String, to: String) throws(Failure) {
        guard rename(from, to) == 0 else { throw Failure(description: "cannot move '\(from)' to '\(to)': \(lastError())") }
    }

    /// Removes `path` and everything under it, never following a link.
    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Whether a process with this id exists (it may belong to another user).
    static func processIsAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}

extension POSIXFiles {
    /// A new file `parent/prefixXXXXXX` (random name, created exclusively, mode 0600), open for writing.
    static func makeUniqueFile(in parent: String, prefix: String) throws(Failure) -> (path: String, fd: Int32) {
        var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure(description: "cannot create a file in '\(parent)': \(lastError())") }
        return (template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }, fd)
    }
}
