#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A data file opened once for reading: the header and every later pass over the rows
/// share this descriptor (`lseek` back to the first row), so reading a file opens it once.
///
/// A regular file or a pipe (`--data <(…)`, a named pipe, read once, in one pass) is read.
/// A device (`/dev/zero`, which never ends), a folder, a socket and standard input (`-`)
/// are refused before anything is opened. An audit further refuses a pipe (it reads the data
/// file a second time to hash it: `AuditPipeline`), before opening it.
final class CSVFile {
    let path: String
    let descriptor: Int32

    init(path: String) throws(CSVError) {
        if path == "-" {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.dataStandardInput, arguments: [:]))
        }
        var info = stat()
        if stat(path, &info) == 0, let what = Self.unreadable(info.st_mode) {
            throw CSVError(file: path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.dataNotFile, arguments: ["what": "\(what)"]))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            throw CSVError(file: path, line: nil, column: nil, columnName: nil, problem: .cannotOpen(code: code, reason: String(cString: strerror(code))))
        }
        self.path = path
        self.descriptor = fd
    }

    /// What a file of this mode is, when it cannot be read as data: a device, a folder, a socket.
    static func unreadable(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG, S_IFIFO: nil
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFDIR: "a folder"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    deinit { close(descriptor) }
}

/// A sliding window over a file, filled with `read(2)` in chunks of at most
/// `chunkSize` bytes. Memory stays bounded by the longest row (plus one
/// chunk), never by the file size.
///
/// The window is `storage[begin..<end]`. When the scanner needs bytes beyond
/// `end` (a row is cut by the chunk boundary), `refill` moves the unfinished
/// row to the front of the storage, grows the storage only if that row fills it
/// completely, and reads the next chunk behind it. `storage[end]` always holds
/// a line feed sentinel so that the scanner's inner loops need a single
/// byte-class test per byte (see `CSVScanner`).
///
/// `scratch` has the same capacity as `storage`; the scanner un-escapes quoted
/// fields containing doubled quotes into it (an unescaped field is never longer
/// than its row).
struct CSVByteSource: ~Copyable {
    let path: String
    /// The open file; shared with the reader, which opened it once.
    private let file: CSVFile
    let chunkSize: Int
    let maxRowBytes: Int
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private(set) var scratch: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var begin = 0
    private(set) var end = 0
    private(set) var eof = false
    /// File offset of `storage[0]`.
    private(set) var storageOffset: Int
    /// Whether the window reads with `pread(2)` at its own offset (a segment of a regular file
    /// read by one of several threads sharing the descriptor), rather than `read(2)` at the
    /// descriptor's position.
    private let positional: Bool
    /// A positional window reads at most up to this file offset in one `refill` while it is
    /// before it, then in small pieces (the end of the row that straddles it): a segment reads
    /// little beyond its end.
    private let softEnd: Int

    /// A window over `file` from byte `startOffset` (the descriptor is positioned there).
    /// With `positional`, the window reads with `pread(2)` from `startOffset` and never moves
    /// the descriptor: several windows over one descriptor can read on several threads.
    init(file: CSVFile, startOffset: Int, chunkSize: Int, maxRowBytes: Int,
         positional: Bool = false, softEnd: Int = Int.max) throws(CSVError) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.path = file.path
        self.chunkSize = chunkSize
        self.maxRowBytes = max(maxRowBytes, chunkSize)
        self.positional = positional
        self.softEnd = softEnd
        if !positional && startOffset > 0 && lseek(file.descriptor, off_t(startOffset), SEEK_SET) < 0 {
            throw CSVError(file: file.path, line: nil, column: nil, columnName: nil,
                           problem: .sentence(.csvSeek, arguments: ["offset": "\(startOffset)", "reason": "\(String(cString: strerror(errno)))"]))
        }
        self.file = file
        self.capacity = chunkSize
        self.storage = Self.allocateWindow(capacity: chunkSize)
        self.scratch = .allocate(capacity: chunkSize + 1)
        self.storage[0] = UInt8(ascii: "\n")
        self.storageOffset = startOffset
    }

    /// `capacity` bytes of data, one sentinel byte, and `padding` zeroed bytes
    /// so that the scanner's 8-byte loads near the sentinel stay in bounds.
    static let padding = 8
    private static func allocateWindow(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let window = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1 + padding)
        window.initialize(repeating: 0, count: capacity + 1 + padding)
        return window
    }

    deinit {
        storage.deallocate()
        scratch.deallocate()
    }

    /// What a positional window reads at a time past its `softEnd`: 64 KiB.
    static let straddlingRead = 1 << 16

    /// File offset of `storage[index]`.
    func fileOffset(of index: Int) -> Int { storageOffset + index }

    /// Makes more bytes available after `end`, keeping `storage[begin..<end]`
    /// (which moves to the front). Sets `eof` when the file is exhausted.
    /// `line` and `openQuoteLine` only serve the error raised when a single
    /// row exceeds `maxRowBytes`.
    mutating func refill(line: Int, openQuoteLine: Int?) throws(CSVError) {
        precondition(!eof, "refill after end of file")
        if begin > 0 {
            let pending = end - begin
            if pending > 0 { storage.update(from: storage + begin, count: pending) }
            storageOffset += begin
            begin = 0
            end = pending
        }
        if end == capacity {
            let newCapacity = capacity * 2
            if newCapacity > maxRowBytes {
                var message = "a single row is longer than \(maxRowBytes) bytes"
                if let openQuoteLine {
                    message += "; the quoted field opened on line \(openQuoteLine) is probably never closed"
                }
                throw CSVError(file: path, line: line, column: nil, columnName: nil, message: message)
            }
            let grown = Self.allocateWindow(capacity: newCapacity)
            grown.update(from: storage, count: end)
            storage.deallocate()
            storage = grown
            scratch.deallocate()
            scratch = .allocate(capacity: newCapacity + 1)
            capacity = newCapacity
        }
        var wanted = min(chunkSize, capacity - end)
        var got: Int
        if positional {
            let position = storageOffset + end
            wanted = position < softEnd ? min(wanted, softEnd - position) : min(wanted, Self.straddlingRead)
            repeat {
                got = pread(file.descriptor, storage + end, wanted, off_t(position))
            } while got < 0 && errno == EINTR
        } else {
            repeat {
                got = read(file.descriptor, storage + end, wanted)
            } while got < 0 && errno == EINTR
        }
        if got < 0 {
            throw CSVError(file: path, line: line, column: nil, columnName: nil,
                           problem: .sentence(.csvReadError, arguments: ["reason": "\(String(cString: strerror(errno)))"]))
        }
        if got == 0 {
            eof = true
        }
        end += got
        storage[end] = UInt8(ascii: "\n")  // sentinel
    }
}
