import AuditMetrics
import Foundation

/// The descriptions of a population's reported clusters, one slot per cluster, filled by the
/// workers of ``ScanRun`` (each slot written once, by one worker) and read in cluster order.
final class DescriptionSlots: @unchecked Sendable {
    private var slots: [ClusterDescription?]
    private let lock = NSLock()

    init(count: Int) {
        slots = [ClusterDescription?](repeating: nil, count: count)
    }

    func set(_ index: Int, _ description: ClusterDescription) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = description
    }

    /// Every slot, in order (each was set).
    var values: [ClusterDescription] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
