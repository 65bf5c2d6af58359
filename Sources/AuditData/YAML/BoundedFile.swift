#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a small input file whole — a spec, a grid, a tariff, a drought rule — refusing, before
/// any byte is read, what is not a regular file (a pipe, standard input, a device such as
/// `/dev/zero`, a folder) and a file larger than the limit. The file is opened without
/// blocking, so a named pipe with no writer is refused at once. Errors name the file and
/// never show its content.
package enum BoundedFile {
    /// The bytes of `path`, at most `limit`; `what` names the document in errors ("grid"),
    /// and is their key.
    package static func contents(of path: String, limit: Int, what document: String) throws(SpecError) -> [UInt8] {
        let what = "\(document) file"
        func failure(_ message: String) -> SpecError { SpecError(file: path, key: document, message: message) }
        if path == "-" { throw failure("cannot read the \(what) from standard input: give a file") }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw failure("cannot read the \(what): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw failure("the \(what) is not a regular file (a pipe, a device or a folder): give a file")
        }
        guard info.st_size <= limit else {
            throw failure("the \(what) is \(info.st_size) bytes, more than the \(limit) bytes it may hold")
        }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                throw failure("cannot read the \(what): \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        }
        // A file that grew while being read beyond the limit is refused too.
        guard count <= limit else { throw failure("the \(what) is more than the \(limit) bytes it may hold") }
        return Array(bytes[..<count])
    }
}
