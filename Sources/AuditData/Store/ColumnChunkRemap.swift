/// The codes of a coded column read in segments (`ColumnChunks<UInt32>`): each segment codes
/// its values in its own order of first appearance; merging the segments' encoders in file
/// order (`CategoricalEncoder.merge`) gives, for each chunk, the table from its codes to the
/// merged ones. The tables are kept per chunk and applied once, when the column is taken:
/// the codes are never copied to be remapped.
///
/// `remaps[k]` is chunk `k`'s table; `nil` (or `k` past the end) means its codes are already
/// merged codes (the first segment, or a column read on one thread).
enum ColumnChunkRemap {
    /// The tables after appending `theirs` (a segment's own tables, for its `theirCount`
    /// chunks) to `mine` (for `myCount` chunks), the segment's encoder merged into ours with
    /// `remap` (its code → our code).
    static func appended(_ mine: [[UInt32]?], count myCount: Int, _ theirs: [[UInt32]?], count theirCount: Int,
                         remap: [UInt32]) -> [[UInt32]?] {
        var result = mine
        result.reserveCapacity(myCount + theirCount)
        while result.count < myCount { result.append(nil) }
        for k in 0..<theirCount {
            if k < theirs.count, let own = theirs[k] {
                result.append(own.map { remap[Int($0)] })
            } else {
                result.append(remap)
            }
        }
        return result
    }

    /// The merged code of `code`, read in chunk `k`. `UInt32.max` (a missing value) stays.
    @inline(__always)
    static func code(_ code: UInt32, _ remaps: [[UInt32]?], _ k: Int) -> UInt32 {
        guard code != UInt32.max, k < remaps.count, let table = remaps[k] else { return code }
        return table[Int(code)]
    }
}
