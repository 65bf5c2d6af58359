import Foundation

/// The results of the protected attributes audited side by side (``ModelAudit``), one slot per
/// attribute, each written once by one worker, read in the attributes' order: the result, or
/// the error the attribute's audit threw.
final class AttributeSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<Value, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    /// Every slot's value in order, or the error of the first attribute (in order) that failed.
    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { try $0!.get() }
    }
}
