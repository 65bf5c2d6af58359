/// One column's values during the load, before the store is assembled: a list of chunks, each
/// the values one segment read (`SegmentedLoad`), in file order, in pages mapped for it alone.
///
/// **Why not an array.** A growing `Array` doubles its storage and copies (for a moment the
/// column is held 1.5 to 3 times), and the segments' arrays, allocated by the reading threads,
/// stay in those threads' malloc arenas once freed: their memory is not given back to the
/// system and cannot hold the merged columns. Here a chunk grows in pages of its own, the old
/// ones unmapped at once (pages not written take no memory), merging segments moves chunks without copying values
/// (`append(_:)`), and `takeArray(_:)` writes the column once into an array of its exact size,
/// unmapping each chunk as soon as it is copied: the load holds the rows about once, plus
/// one column, instead of twice.
///
/// Appending never writes into a chunk shared with another copy of the builder (a copy made
/// before the reads); it starts a new chunk instead.
struct ColumnChunks<Element: BitwiseCopyable> {
    /// Full chunks, in file order, then the one being written.
    private var sealed: [ColumnChunk<Element>] = []
    private var tail: ColumnChunk<Element>?
    /// Values in all chunks.
    private(set) var count = 0

    init() {}

    /// The chunks in file order.
    var chunks: [ColumnChunk<Element>] { tail.map { sealed + [$0] } ?? sealed }

    @inline(__always)
    mutating func append(_ value: Element) {
        if !isKnownUniquelyReferenced(&tail) { startChunk() }
        tail.unsafelyUnwrapped.append(value)
        count += 1
    }

    /// Appends `values` (a field's bytes) in one copy.
    mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
        if !isKnownUniquelyReferenced(&tail) { startChunk() }
        tail.unsafelyUnwrapped.append(contentsOf: values)
        count += values.count
    }

    private mutating func startChunk() {
        if let tail { sealed.append(tail) }
        tail = ColumnChunk()
    }

    /// Moves the chunks of `other` (the segment that follows) after these, without copying values.
    mutating func append(_ other: ColumnChunks<Element>) {
        sealed = chunks + other.chunks
        tail = nil
        count += other.count
    }

    /// The same chunks, in the same order and with the same counts, each value turned by
    /// `transform` (a column widened while read: `CodeChunks`).
    func mapChunks<T: BitwiseCopyable>(_ transform: (Element) -> T) -> ColumnChunks<T> {
        mapChunks { _, value in transform(value) }
    }

    /// The same chunks, each value of chunk `k` turned by `transform(k, value)` (`k` indexing
    /// `chunks`: a coded column's values looked up in its chunk's table, `NumberChunks`).
    func mapChunks<T: BitwiseCopyable>(_ transform: (_ chunk: Int, _ value: Element) -> T) -> ColumnChunks<T> {
        var result = ColumnChunks<T>()
        for (k, chunk) in chunks.enumerated() {
            let copy = ColumnChunk<T>()
            for j in 0..<chunk.count { copy.append(transform(k, chunk.base[j])) }
            result.sealed.append(copy)
            result.count += chunk.count
        }
        return result
    }

    /// Releases every chunk.
    mutating func removeAll() {
        sealed = []
        tail = nil
        count = 0
    }

    /// The values as one array of exactly `count` elements, `transform` applied to each value
    /// of chunk `k` (`transform(k, value)`, `k` indexing `chunks`); every chunk is released
    /// once copied (when these chunks are the only reference to it).
    mutating func takeArray<T: BitwiseCopyable>(_ transform: (_ chunk: Int, _ value: Element) -> T) -> [T] {
        let total = count
        return [T](unsafeUninitializedCapacity: total) { out, initialized in
            take(into: UnsafeMutableRawBufferPointer(out), as: T.self, transform)
            initialized = total
        }
    }

    /// Writes the values, `transform` applied to each value of chunk `k`, one after the other
    /// into `out` (value `i` at byte offset `i · MemoryLayout<T>.size`; `out` holds at least
    /// `count` of them); every chunk is released once copied. How a narrow column
    /// (`GroupCodes`) is written from 4-byte codes without an intermediate array.
    mutating func take<T: BitwiseCopyable>(into out: UnsafeMutableRawBufferPointer, as _: T.Type, _ transform: (_ chunk: Int, _ value: Element) -> T) {
        var taken = chunks
        removeAll()
        precondition(out.count >= taken.reduce(0) { $0 + $1.count } * MemoryLayout<T>.size, "room for every value")
        guard let start = out.baseAddress else { return }
        var i = 0
        for k in taken.indices {
            let chunk = taken[k]
            let base = chunk.base, n = chunk.count
            for j in 0..<n { start.storeBytes(of: transform(k, base[j]), toByteOffset: (i &+ j) &* MemoryLayout<T>.size, as: T.self) }
            i += n
            taken[k] = ColumnChunk()
        }
    }

    /// The values as one array, each chunk released once copied.
    mutating func takeArray() -> [Element] {
        var taken = chunks
        removeAll()
        let total = taken.reduce(0) { $0 + $1.count }
        let result = [Element](unsafeUninitializedCapacity: total) { out, initialized in
            var i = 0
            for k in taken.indices {
                let chunk = taken[k]
                if chunk.count > 0 { (out.baseAddress! + i).initialize(from: chunk.base, count: chunk.count) }
                i += chunk.count
                taken[k] = ColumnChunk()
            }
            initialized = i
        }
        return result
    }
}
