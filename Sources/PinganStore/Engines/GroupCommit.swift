import Synchronization

/// The state of group commit for a provider's one writer (``BatchedWriter``, docs/ARCHITECTURE.md "The store"): with
/// a durable COMMIT each (SQLite's `synchronous = FULL` fsync, 5 ms on the reference machine; PostgreSQL's flush of
/// its write-ahead log, behind the audit chain's lock) the writer would be capped at a few hundred transactions per
/// second. Write transactions that queue behind each other therefore share one `BEGIN … COMMIT`: each runs in its
/// own SAVEPOINT (a failing one rolls back to it alone and fails at once), and each successful one is acknowledged
/// only after the shared COMMIT — so an acknowledged write is still durable, and a failed COMMIT fails every member.
///
/// The holder of the writer lock decides: if others are waiting for the lock and the batch is young and small, it
/// leaves the transaction open for them and waits for its ``Ticket``; otherwise it commits. Waiting for the lock
/// cannot be cancelled, so someone always closes an open batch. All state is touched only under the writer lock.
final class GroupCommit: Sendable {
    /// How many transactions at most share one commit.
    let maximumMembers: Int
    /// How long a batch stays open at most before its holder commits, whoever is waiting.
    static let maximumAge = Duration.milliseconds(10)

    /// A member's wait for the shared COMMIT.
    final class Ticket: Sendable {
        private struct State {
            var outcome: Result<Void, any Error>?
            var continuation: CheckedContinuation<Void, any Error>?
        }

        private let state = Mutex(State())

        /// Resolves the ticket (once).
        func resolve(_ outcome: Result<Void, any Error>) {
            let waiting = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard state.outcome == nil else { return nil }
                state.outcome = outcome
                defer { state.continuation = nil }
                return state.continuation
            }
            waiting?.resume(with: outcome)
        }

        /// Waits until the ticket is resolved; throws the COMMIT's error if it failed.
        func wait() async throws {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if state.outcome == nil { state.continuation = continuation }
                    return state.outcome
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        }
    }

    private struct State {
        var open = false
        var generation = 0
        var openedAt = ContinuousClock.now
        var members: [Ticket] = []
        var count = 0
        var memory = BatchMemory()
    }

    private let state = Mutex(State())
    private let commits = Atomic<Int>(0)

    /// Batches of at most `maximumMembers` transactions.
    init(maximumMembers: Int) {
        self.maximumMembers = maximumMembers
    }

    /// Batches committed so far.
    var commitCount: Int { commits.load(ordering: .relaxed) }

    /// Whether a batch is open (a transaction has begun and not yet ended).
    var isOpen: Bool { state.withLock { $0.open } }

    /// The generation of the connection the open batch began on (``BatchedWriter/Connection``), if one is open.
    var openGeneration: Int? { state.withLock { $0.open ? $0.generation : nil } }

    /// Marks a batch begun on the connection of `generation`.
    func begin(generation: Int) {
        state.withLock { state in
            state.open = true
            state.generation = generation
            state.openedAt = .now
            state.count = 0
            state.members = []
            state.memory = BatchMemory()
        }
    }

    /// What the open batch's members learnt (``BatchMemory``); empty in each new batch.
    var memory: BatchMemory { state.withLock { $0.memory } }

    /// Counts a member and answers the savepoint name it runs in.
    func join() -> String {
        state.withLock { state in
            state.count += 1
            return "pingan_w\(state.count)"
        }
    }

    /// Whether the holder should leave the batch open for `othersWaiting` transactions.
    func shouldStayOpen(othersWaiting: Bool) -> Bool {
        guard othersWaiting else { return false }
        return state.withLock { state in
            state.count < maximumMembers && ContinuousClock.now - state.openedAt < Self.maximumAge
        }
    }

    /// Adds a successful member that waits for the COMMIT.
    func park(_ ticket: Ticket) {
        state.withLock { $0.members.append(ticket) }
    }

    /// Ends the batch and resolves every waiting member with `outcome`.
    func end(_ outcome: Result<Void, any Error>) {
        if case .success = outcome { commits.wrappingAdd(1, ordering: .relaxed) }
        let members = state.withLock { state -> [Ticket] in
            defer {
                state.open = false
                state.members = []
                state.count = 0
            }
            return state.members
        }
        for member in members { member.resolve(outcome) }
    }
}
