import Foundation

/// Reads a data file once into a `ColumnStore`, keeping only the requested columns
/// (`ColumnRequest`): the audit's, a points grid's, an explanation's, together.
///
/// Documented behaviours:
/// - a missing protected value becomes the explicit `unknown` group (never dropped);
/// - a missing or unreadable label, decision or weight is an error naming file, line and
///   column: every row must say what happened to the person;
/// - a missing score is kept as missing and counted;
/// - other numbers follow the rule of the analysis that asked for them (`NumberRule`);
/// - a duplicated header name resolves to its first occurrence with a warning
///   (`name#2` selects the second);
/// - weights must be finite and non-negative;
/// - an identifier given twice is an error naming both lines.
///
/// The file is opened once (`CSVReader`); the run that hashes it for the manifest opens it
/// a second time, and nothing else reads it. Several threads read a large regular file's
/// rows at once, each its own segment through the one descriptor (`SegmentedLoad`).
public enum DataLoader {
    /// Reads `spec.path` with the columns of the spec's data part (`DataSpec.columnRequests`),
    /// after checking it; a decision model's columns are added to the request list
    /// (`AuditSpec.columnRequests` in `AuditApplication`). `threads`: see
    /// `load(path:dialect:requests:threads:progress:)`. `progress` is called every 65,536
    /// rows and at the end.
    public static func load(_ spec: DataSpec, threads: Int? = nil, progress: ((LoadProgress) -> Void)? = nil) throws -> ColumnStore {
        try spec.validate()
        guard let path = spec.path else { throw SpecError(key: "data", problem: .sentence(.specNoData, arguments: [:])) }
        return try load(path: path, dialect: spec.csv, requests: spec.columnRequests, threads: threads, progress: progress)
    }

    /// Reads the requested columns of `path` in one pass, on `threads` threads (the audit's
    /// `--threads`; `nil`: one per core) when it is a regular file of at least 8 MiB of rows
    /// (`SegmentedLoad`: segments at line starts, checked against quoted line breaks, merged in
    /// file order): the store, its codes and lines, and every error are the same whatever the
    /// number of threads. `progress` is called every 65,536 rows (one thread) or per segment,
    /// and at the end.
    ///
    /// - Throws: `CSVError` naming file, line and column: a column not in the header, a
    ///   value a request refuses, an identifier given twice, and every format error of `CSVReader`.
    public static func load(path: String, dialect: CSVDialect, requests: [ColumnRequest], threads: Int? = nil,
                            progress: ((LoadProgress) -> Void)? = nil) throws -> ColumnStore {
        let reader = try CSVReader(path: path, dialect: dialect)
        let plan = SegmentedLoad.Plan(threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
        return try load(reader: reader, requests: requests, plan: plan, progress: progress)
    }

    /// The load with a given reader and plan (tests cut tiny files into tiny segments read
    /// through tiny windows, to put segment and window boundaries everywhere).
    static func load(reader: CSVReader, requests: [ColumnRequest], plan: SegmentedLoad.Plan,
                     progress: ((LoadProgress) -> Void)? = nil) throws -> ColumnStore {
        let template = try StoreBuilder(reader: reader, requests: requests)
        if let builder = try SegmentedLoad.run(reader: reader, template: template, plan: plan, progress: progress) {
            return try builder.finish()
        }
        let builder = try readOnOneThread(reader: reader, template: template, progress: progress)
        return try builder.finish()
    }

    /// Every row read by a copy of `template`, on this thread. A function of its own because
    /// `finish` is `consuming` and cannot move a variable that the row closure captured: it
    /// took a copy, the variable kept every chunk referenced until `finish` returned, and the
    /// load held every column twice for a moment (1,488 MB at 10 million rows on one thread,
    /// 843 MB since). Returned, the builder is moved into `finish`, which holds the only
    /// reference to each chunk and releases it once copied.
    private static func readOnOneThread(reader: CSVReader, template: StoreBuilder, progress: ((LoadProgress) -> Void)?) throws -> StoreBuilder {
        let fileSize = progress == nil ? 0 : reader.fileSize
        var builder = template
        try reader.forEachRow(selecting: builder.selected) { row in
            try builder.read(row)
            if builder.rows & 0xFFFF == 0 { progress?(LoadProgress(rows: builder.rows, bytesRead: reader.bytesRead, fileSize: fileSize)) }
        }
        progress?(LoadProgress(rows: builder.rows, bytesRead: fileSize, fileSize: fileSize))
        return builder
    }
}

/// How far a load has gone, for progress bars.
public struct LoadProgress: Sendable, Equatable {
    /// Data rows read so far.
    public let rows: Int
    /// Bytes of the file read so far, and its size (0 if unknown).
    public let bytesRead: Int
    public let fileSize: Int

    /// Fraction of the file read, in [0, 1], when the size is known.
    public var fraction: Double? {
        fileSize > 0 ? min(1, Double(bytesRead) / Double(fileSize)) : nil
    }
}
