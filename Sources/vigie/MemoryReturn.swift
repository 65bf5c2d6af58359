#if canImport(Glibc)
import Glibc
#endif

/// How the command gives memory back to the system (issue 21: 10 million applicants in
/// under 1 GB).
///
/// An audit of millions of rows allocates and frees many arrays of a row each (8 to 80 MB at
/// 10 million rows: scores, orders, group codes). glibc's `malloc` maps a large block of its
/// own and unmaps it when freed — but only above its *mmap threshold*, which starts at 128 KiB
/// and rises, each time such a block is freed, to that block's size (up to 32 MiB). After the
/// first few frees, blocks of 10 to 32 MB come from the heap instead, and once freed they stay
/// in the process (the heap is trimmed from its top only): at 10 million rows the resident
/// memory was 30 to 60 MB above what the audit held, at its peak.
///
/// A fixed threshold of 8 MiB (`mallopt(M_MMAP_THRESHOLD)`, which also stops the rise) maps
/// every block of 8 MiB or more and gives it back when freed. Measured on the housing demo
/// (`Benchmarks/README.md`, "10M applicants under 1 GB"): at 10 million applicants the peak
/// falls from 981 MB to 945 MB; at 1 million (arrays of 1 to 8 MB, left to the heap) the time
/// does not change (1 MiB lowered the 1M peak by about 20 MB but cost 0.35 s of page faults,
/// so 8 MiB).
enum MemoryReturn {
    /// The threshold, in bytes.
    static let mmapThreshold: Int32 = 8 << 20

    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which Swift's `Glibc` module does not import.
    static let mmapThresholdParameter: Int32 = -3

    /// Sets the threshold for this process (glibc; elsewhere nothing). Called once, first thing.
    /// `mallopt` is looked up by name: `<malloc.h>` is not in Swift's `Glibc` module, and a C
    /// target for one call would be more to read than this.
    static func configure() {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        _ = mallopt(mmapThresholdParameter, mmapThreshold)
        #endif
    }
}
