import Synchronization

/// A lock for async code: waiters queue in order and resume one at a time. Used to serialise SQLite's one writer
/// connection and to give each reader connection to one task at a time.
final class AsyncLock: Sendable {
    private struct State {
        var locked = false
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())

    /// Runs `body` holding the lock.
    func withLock<T>(_ body: () async throws -> T) async throws -> T {
        await lock()
        defer { unlock() }
        return try await body()
    }

    /// Whether tasks are queued for the lock (meaningful to its holder: they will get it, in order, since waiting
    /// cannot be cancelled).
    var hasWaiters: Bool { state.withLock { !$0.waiters.isEmpty } }

    private func lock() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = state.withLock { state -> Bool in
                if state.locked {
                    state.waiters.append(continuation)
                    return false
                }
                state.locked = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    private func unlock() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if state.waiters.isEmpty {
                state.locked = false
                return nil
            }
            return state.waiters.removeFirst()
        }
        // Ownership passes straight to the next waiter; `locked` stays true.
        next?.resume()
    }
}
