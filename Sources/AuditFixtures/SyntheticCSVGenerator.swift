import Foundation

/// A deterministic, streaming generator of synthetic CSV rows: row `index` is a pure function
/// of the seed and the index, so the first k rows of an N-row file equal a k-row file, and
/// memory stays flat whatever the number of rows (a 1 MiB buffer is flushed as it fills).
protocol SyntheticCSVGenerator: Sendable {
    /// The header line, with its line feed.
    static var headerBytes: [UInt8] { get }
    /// Appends data row `index` (0-based), with its line feed.
    func encodeRow(_ index: Int, into out: inout CSVByteBuffer)
}

extension SyntheticCSVGenerator {
    /// Writes a header and `rows` data rows to a new (or truncated) file at `url`.
    ///
    /// - Throws: any error from creating or writing the file.
    func writeRows(_ rows: Int, to url: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) {
            try fm.removeItem(at: url)
        }
        guard fm.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try writeRows(rows, to: handle)
    }

    /// Writes a header and `rows` data rows to an open handle (e.g.
    /// `FileHandle.standardOutput`). The handle is not closed.
    ///
    /// - Throws: any error from writing to the handle.
    func writeRows(_ rows: Int, to handle: FileHandle) throws {
        precondition(rows >= 0, "rows must be non-negative")
        var out = CSVByteBuffer(handle: handle)
        out.append(bytes: Self.headerBytes)
        for index in 0..<rows {
            encodeRow(index, into: &out)
            try out.flushIfNeeded()
        }
        try out.flush()
    }
}
