import Dispatch

/// A computation run on another thread while the caller goes on: hashing the data file while
/// it is parsed, the scan for undeclared groups while the decision model is audited.
///
/// With `concurrently: false` (`vigie audit --threads 1`) nothing starts: the work runs on the
/// calling thread inside ``wait()``, so that one thread does everything, in the same order on
/// every run. Either way the value is the same: the work must not depend on what runs beside it
/// (each use says why its own does not).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private let work: @Sendable () throws -> Value
    /// Written once by the worker before `group.leave()`, read after `group.wait()`.
    private var result: Result<Value, Error>?

    init(concurrently: Bool, _ work: @escaping @Sendable () throws -> Value) {
        self.work = work
        guard concurrently else { return }
        group.enter()
        DispatchQueue.global().async {
            self.result = Result { try work() }
            self.group.leave()
        }
    }

    /// Waits for work that started on another thread, without starting work that did not (the
    /// caller gives up: an error elsewhere); its result is dropped.
    func settle() {
        group.wait()
    }

    /// The value, once the background work is done (or computed now, when not concurrent).
    func wait() throws -> Value {
        group.wait()
        if result == nil { result = Result { try work() } }
        return try result!.get()
    }
}
