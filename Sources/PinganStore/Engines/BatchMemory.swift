import Logging
import NIOCore
import PinganCore
import SQLKit
import Synchronization

/// What the members of one write batch (``BatchedWriter``) learn and defer, so that later members need not read it
/// again and the batch writes it once: the audit chain's head and its new entries, and the case-number sequences.
///
/// Every audited change read the chain's head (`SELECT … ORDER BY seq DESC LIMIT 1`) and inserted its entry; every
/// intake (受理) incremented its number sequence. Inside one batch neither can change under it — the batch holds the
/// chain and the sequences alone from its `BEGIN` (SQLite's one writer; on PostgreSQL the chain's advisory lock,
/// taken first, and the sequence row's lock once touched), and every change to them goes through
/// ``AuditLog/append(_:at:)`` and ``CaseRepository/nextSequence(prefix:year:)`` — so only the first member reads
/// them, and the entries and the sequences' new values are written by ``flush(on:)``, which the writer runs right
/// before the batch's `COMMIT`. On PostgreSQL that is two to three round trips fewer per intake inside the writer,
/// whose round trips bound its throughput (docs/PERFORMANCE.md "Intake, fourth pass").
///
/// Until the flush, the batch's new audit entries are not in `audit_log`: the log is read only outside write
/// transactions (``AuditLog/entries(_:)``, ``AuditLog/verify(batchSize:expectedHead:)`` through `provider.read`), and
/// code that must read it inside one would have to flush first.
///
/// A member that rolls back to its savepoint takes back everything it taught and deferred: the writer restores the
/// ``Learnt`` it found. A failed flush fails the whole batch, like a failed `COMMIT`. A new batch starts empty.
final class BatchMemory: Sendable {
    /// The newest entry of the audit chain: its sequence number and hash.
    struct AuditHead: Sendable, Equatable {
        var seq: Int64
        var hash: String
    }

    /// A case-number sequence (``CaseRepository/nextSequence(prefix:year:)``).
    struct SequenceKey: Sendable, Hashable {
        var prefix: String
        var year: Int
    }

    /// A sequence's last number handed out in the batch, and the last its row holds.
    struct Sequence: Sendable, Equatable {
        var issued: Int
        var stored: Int
    }

    /// Everything members taught and deferred so far; restored as a whole when a member rolls back.
    struct Learnt: Sendable {
        /// The audit chain's head as the batch left it, once a member appended to the chain.
        var auditHead: AuditHead?
        /// Audit entries appended in the batch and not yet inserted, in chain order.
        var pendingEntries: [AuditEntry] = []
        /// The sequences members took numbers from.
        var sequences: [SequenceKey: Sequence] = [:]
    }

    private let state = Mutex(Learnt())

    /// What the batch has learnt and deferred so far.
    var learnt: Learnt {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }

    /// Changes what the batch has learnt and deferred.
    func update<R>(_ change: (inout Learnt) -> R) -> R {
        state.withLock { change(&$0) }
    }

    /// Writes what the members deferred — the audit entries and the sequences' last numbers — on the batch's
    /// connection; the writer calls it before `COMMIT`.
    func flush(on db: any SQLDatabase) async throws {
        let learnt = update { learnt in
            defer {
                learnt.pendingEntries = []
                learnt.sequences = learnt.sequences.mapValues { .init(issued: $0.issued, stored: $0.issued) }
            }
            return learnt
        }
        try await AuditLog.insert(learnt.pendingEntries, on: db)
        for (key, sequence) in learnt.sequences where sequence.issued != sequence.stored {
            try await CaseRepository.storeSequence(prefix: key.prefix, year: key.year, last: sequence.issued, on: db)
        }
    }
}

/// A batch member's connection: the writer's, with the batch's ``BatchMemory`` beside it. Statements go straight
/// to `base`; the first that fails is remembered (``BatchedWriter/Savepoints/kept``).
final class BatchMemberDatabase: ForwardingDatabase, Sendable {
    let base: any SQLDatabase
    let memory: BatchMemory
    private let failure = Mutex<String?>(nil)

    init(base: any SQLDatabase, memory: BatchMemory) {
        self.base = base
        self.memory = memory
    }

    /// The error of the first statement that failed on this connection, if one did.
    var failedStatement: String? { failure.withLock { $0 } }

    private func record(_ error: any Error) {
        failure.withLock { $0 = $0 ?? String(describing: error) }
    }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow).flatMapErrorThrowing { error in
            self.record(error)
            throw error
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        do {
            try await base.execute(sql: query, onRow)
        } catch {
            self.record(error)
            throw error
        }
    }
}
