import Foundation

/// The load of a regular file on several threads: the data rows cut into segments at line
/// starts, each segment read by a copy of the empty `StoreBuilder` with its own window
/// (`CSVReader.forEachRow(selecting:from:to:_:)`), then the builders appended in file order
/// (`StoreBuilder.append`): categories coded in order of first appearance in the file, rows
/// located on their lines in the file. The store is the one a single thread reading the
/// whole file gives, byte for byte, whatever the number of threads and segments.
///
/// **Row boundaries.** A segment's start is a guess: the line start nearest its share of the
/// file (`CSVReader.segmentStarts`). A line feed inside a quoted field is not a row boundary,
/// so the guess is checked against the rows: merging in file order, each segment must start
/// where the scan of the one before stopped (the first row at or after its end). A segment
/// that does not was cut inside a quoted field; it is read again, on the merging thread, from
/// where the one before stopped.
///
/// **Lines.** Each segment counts lines from 0 at its start; its first line is the first line
/// of the segment before plus the lines that one crossed (newlines counted per segment, then
/// offset), so every row keeps its exact line.
///
/// **Errors.** A segment that starts at a true row boundary and meets a refused value, or
/// protected attributes with more groups than allowed once merged, make the load start again
/// on one thread (`DataLoader`): the error reported is then the first in file order, with the
/// message, line and column a single thread gives, whatever the number of threads.
enum SegmentedLoad {
    /// How the rows are cut: at most `segmentsPerThread` segments per thread (the work
    /// balanced over threads that finish at different times), none under `minimumSegmentBytes`.
    struct Plan: Sendable {
        var threads: Int
        var minimumSegmentBytes = 4 << 20
        var segmentsPerThread = 4

        /// The number of segments for `bytes` bytes of rows; fewer than 2: read on one thread.
        func segments(bytes: Int) -> Int {
            guard threads > 1 else { return 1 }
            return min(threads * segmentsPerThread, bytes / max(minimumSegmentBytes, 1))
        }
    }

    /// One segment's rows, or the error that stopped it.
    private struct Part {
        var builder: StoreBuilder
        var scan: CSVSegmentScan
    }

    /// What the threads share: the reader (whose segment reads change nothing in it), the
    /// empty builder each copies, the segments, and room for each segment's result (each
    /// thread writes only its own segments' slots, into storage allocated before they start).
    private final class Work: @unchecked Sendable {
        let reader: CSVReader
        let template: StoreBuilder
        let starts: [Int]
        let ends: [Int]
        let parts: UnsafeMutableBufferPointer<Part?>

        init(reader: CSVReader, template: StoreBuilder, starts: [Int]) {
            self.reader = reader
            self.template = template
            self.starts = starts
            self.ends = Array(starts.dropFirst()) + [Int.max]
            parts = .allocate(capacity: starts.count)
            parts.initialize(repeating: nil)
        }

        deinit {
            _ = parts.deinitialize()
            parts.deallocate()
        }

        /// The rows starting in `[start, end)`, read by a copy of the empty builder.
        func read(from start: Int, to end: Int) throws -> Part {
            var builder = template
            let scan = try reader.forEachRow(selecting: template.selected, from: start, to: end) { row in try builder.read(row) }
            return Part(builder: builder, scan: scan)
        }
    }

    /// The builder holding every row, read on `plan.threads` threads; `nil` when the file is
    /// read on one thread: a pipe, a file too small to share, or an error to report as one
    /// thread reports it (the caller reads the file again on one thread).
    static func run(reader: CSVReader, template: StoreBuilder, plan: Plan,
                    progress: ((LoadProgress) -> Void)?) throws -> StoreBuilder? {
        guard let fileEnd = reader.regularFileEnd else { return nil }
        let count = plan.segments(bytes: fileEnd - reader.dataOffset)
        guard count > 1 else { return nil }
        let starts = try reader.segmentStarts(count: count, fileEnd: fileEnd)
        let work = Work(reader: reader, template: template, starts: starts)
        let workers = min(plan.threads, count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            for j in stride(from: w, to: count, by: workers) {
                work.parts[j] = try? work.read(from: work.starts[j], to: work.ends[j])
            }
        }
        var merged = template
        // Appending moves each segment's chunks (`ColumnChunks`), without copying values: the
        // columns are written once, at their size, by `StoreBuilder.finish`.
        var expected = starts[0]
        var firstLine = reader.dataLine
        for j in 0..<count {
            var part = work.parts[j]
            work.parts[j] = nil
            if starts[j] != expected {
                // Cut inside a quoted field: read again from the true row boundary.
                part = try? work.read(from: expected, to: work.ends[j])
            }
            guard let part else { return nil }  // an error, reported by one thread
            merged.append(part.builder, lineOffset: firstLine)
            firstLine += part.scan.lines
            expected = part.scan.stop
            progress?(LoadProgress(rows: merged.rows, bytesRead: min(expected, fileEnd), fileSize: fileEnd))
        }
        return merged.exceedsGroupLimits ? nil : merged
    }
}
