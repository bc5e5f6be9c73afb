import Synchronization

/// Counters a provider keeps about its connections; cheap atomics, read by `/metrics`.
final class ConnectionCounters: Sendable {
    private let readsInUse = Atomic<Int>(0)
    private let transactionsInUse = Atomic<Int>(0)
    private let transactionsWaiting = Atomic<Int>(0)
    private let readsTotal = Atomic<Int>(0)
    private let transactionsTotal = Atomic<Int>(0)

    /// Counts a read while `body` runs.
    func read<T>(_ body: () async throws -> T) async rethrows -> T {
        readsTotal.wrappingAdd(1, ordering: .relaxed)
        readsInUse.wrappingAdd(1, ordering: .relaxed)
        defer { readsInUse.wrappingSubtract(1, ordering: .relaxed) }
        return try await body()
    }

    /// Marks a transaction waiting for the writer until `acquired` is called.
    func waiting() {
        transactionsWaiting.wrappingAdd(1, ordering: .relaxed)
    }

    /// Counts a transaction while `body` runs; `wasWaiting` ends the wait that ``waiting()`` began.
    func transaction<T>(wasWaiting: Bool = false, _ body: () async throws -> T) async rethrows -> T {
        if wasWaiting { transactionsWaiting.wrappingSubtract(1, ordering: .relaxed) }
        transactionsTotal.wrappingAdd(1, ordering: .relaxed)
        transactionsInUse.wrappingAdd(1, ordering: .relaxed)
        defer { transactionsInUse.wrappingSubtract(1, ordering: .relaxed) }
        return try await body()
    }

    /// A snapshot.
    func statistics(poolSize: Int) -> DatabaseStatistics {
        DatabaseStatistics(
            poolSize: poolSize, readsInUse: readsInUse.load(ordering: .relaxed),
            transactionsInUse: transactionsInUse.load(ordering: .relaxed),
            transactionsWaiting: transactionsWaiting.load(ordering: .relaxed),
            readsTotal: readsTotal.load(ordering: .relaxed),
            transactionsTotal: transactionsTotal.load(ordering: .relaxed))
    }
}
