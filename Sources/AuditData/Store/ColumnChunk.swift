#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The values one segment read into one column, in anonymous pages mapped for them
/// (`ColumnChunks`): grown by doubling, unmapped when released.
final class ColumnChunk<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity = 0
    private var bytes = 0

    init() {
        base = UnsafeMutablePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }

    deinit {
        if bytes > 0 { munmap(UnsafeMutableRawPointer(base), bytes) }
    }

    @inline(__always)
    func append(_ value: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: value)
        count += 1
    }

    /// Appends `values`, growing as often as needed.
    func append(contentsOf values: UnsafeBufferPointer<Element>) {
        guard let source = values.baseAddress, !values.isEmpty else { return }
        while count + values.count > capacity { grow() }
        (base + count).initialize(from: source, count: values.count)
        count += values.count
    }

    /// Doubles the room (at least 64 KiB of pages): new pages mapped, the values copied, the
    /// old pages unmapped (the copies add up to less than one pass over the column).
    private func grow() {
        let stride = max(MemoryLayout<Element>.stride, 1)
        let newBytes = max(bytes * 2, 64 << 10)
        let raw = Self.map(newBytes)
        if bytes > 0 {
            raw.copyMemory(from: UnsafeRawPointer(base), byteCount: count * stride)
            munmap(UnsafeMutableRawPointer(base), bytes)
        }
        base = raw.bindMemory(to: Element.self, capacity: newBytes / stride)
        bytes = newBytes
        capacity = newBytes / stride
    }

    private static func map(_ bytes: Int) -> UnsafeMutableRawPointer {
        guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), raw != MAP_FAILED else {
            fatalError("out of memory: could not map \(bytes) bytes for a column")
        }
        return raw
    }
}
