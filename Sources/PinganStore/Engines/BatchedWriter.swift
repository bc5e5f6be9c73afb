import Logging
import SQLKit

/// A provider's one write connection, with group commit (``GroupCommit``): write transactions of this process queue
/// for it in order, and those that queue behind each other share one `BEGIN … COMMIT`, each in its own SAVEPOINT. A
/// member that fails rolls back to its savepoint alone and fails at once; a member that succeeds is acknowledged only
/// after the shared COMMIT, so an acknowledged write is durable, and a failed COMMIT fails every member.
///
/// SQLite has one writer anyway. On PostgreSQL every intake and every audited change serialises on the audit chain's
/// lock and the case-number row until its COMMIT, so a transaction each made one flush of the write-ahead log per
/// change the ceiling (docs/ARCHITECTURE.md "The store"); sharing the COMMIT shares the flush.
final class BatchedWriter: Sendable {
    /// Where the writer's statements go, and what to do when the connection itself failed.
    struct Connection: Sendable {
        /// The write connection, opened (or reopened) when needed, with a number that changes when it is reopened.
        /// Called only by the lock's holder.
        var open: @Sendable () async throws -> (db: any SQLDatabase, generation: Int)
        /// Called by the lock's holder when a transaction-control statement failed (BEGIN, COMMIT, a savepoint's
        /// rollback): ends whatever transaction is left on the connection. SQLite rolls it back and keeps the
        /// connection; PostgreSQL closes the connection (the server rolls back) and the next batch opens a fresh one —
        /// no statement is sent on a connection that may be dead, since PostgresNIO never answers one written to a
        /// closed channel.
        var abandon: @Sendable (any SQLDatabase) async -> Void
    }

    /// What a member answers whose body succeeded although one of its statements failed (it caught the error): on
    /// PostgreSQL the statement aborted the transaction, so nothing the body did after it took effect.
    struct SwallowedStatementFailure: Error, CustomStringConvertible {
        var underlying: String
        var description: String {
            "a statement of the transaction failed and its error was ignored; nothing was written (\(underlying))"
        }
    }

    /// What the members of a batch answer when its connection was lost before their shared COMMIT: their
    /// transaction ended with the connection, and nothing of it was committed.
    struct ConnectionLost: Error, CustomStringConvertible {
        var description: String { "the database connection was lost before the commit; nothing was written" }
    }

    /// How a member's savepoint ends when its body succeeded.
    enum Savepoints: Sendable {
        /// `RELEASE SAVEPOINT` after each member (SQLite: in-process, and it keeps the savepoint stack flat).
        case released
        /// Left in place until the `COMMIT`: the next member's savepoint nests inside it, and a failed member rolls
        /// back to its own, which undoes only it. One round trip less per member on PostgreSQL, where round trips
        /// bound the writer. PostgreSQL aborts the whole transaction on any failed statement, and `COMMIT` of an
        /// aborted transaction rolls back without an error; the `RELEASE` failed in that case, so a body that
        /// swallowed a failed statement failed alone. Without it the member's connection (``BatchMemberDatabase``)
        /// records every failed statement, and such a member rolls back to its savepoint and fails as before.
        /// PostgreSQL keeps 64 subtransactions per transaction in shared memory before other sessions' snapshots
        /// slow down, so batches stay below that (``GroupCommit/maximumMembers``).
        case kept
    }

    private let lock = AsyncLock()
    private let batch: GroupCommit
    private let savepoints: Savepoints
    private let begin: [String]
    private let connection: Connection
    private let counters: ConnectionCounters
    private let logger: Logger

    /// A writer that starts each batch with the statements `begin` (`BEGIN IMMEDIATE` on SQLite) on `connection`, of at
    /// most `maximumMembers` transactions, ending each member's savepoint as `savepoints` says.
    init(
        begin: [String], savepoints: Savepoints, maximumMembers: Int, connection: Connection,
        counters: ConnectionCounters, logger: Logger
    ) {
        self.begin = begin
        self.savepoints = savepoints
        self.batch = GroupCommit(maximumMembers: maximumMembers)
        self.connection = connection
        self.counters = counters
        self.logger = logger
    }

    /// How many COMMITs the writer has made: fewer than the transactions when they shared commits.
    var commitCount: Int { batch.commitCount }

    /// Runs `body` as one write transaction (one member of a batch) and returns once it is durable.
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        counters.waiting()
        let (result, ticket) = try await lock.withLock {
            await counters.transaction(wasWaiting: true) { await member(body) }
        }
        try await ticket?.wait()
        return try result.get()
    }

    /// Waits for the writer, commits a batch left open for it, then runs `body` (closing the connection) with no
    /// transaction in flight; transactions that queue after it find the connection as `body` left it.
    func close(_ body: @Sendable () async throws -> Void) async throws {
        try await lock.withLock {
            if batch.isOpen, let opened = try? await connection.open(), batch.openGeneration == opened.generation {
                do {
                    try await commit(on: opened.db)
                    batch.end(.success(()))
                } catch {
                    await connection.abandon(opened.db)
                    batch.end(.failure(error))
                }
            } else if batch.isOpen {
                // The connection the batch began on is gone, and its transaction with it.
                batch.end(.failure(ConnectionLost()))
            }
            try await body()
        }
    }

    /// Runs `body` as one member of the open batch (beginning one if none is open) in its own savepoint, then either
    /// leaves the batch open for the transactions waiting behind it (answering the ticket to wait on) or commits it.
    private func member<T: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async -> (Result<T, any Error>, GroupCommit.Ticket?) {
        let opened: (db: any SQLDatabase, generation: Int)
        do {
            opened = try await connection.open()
        } catch {
            if batch.isOpen { batch.end(.failure(ConnectionLost())) }
            return (.failure(error), nil)
        }
        let db = opened.db
        // A batch open on a connection that has since been replaced died with it: its waiting members fail.
        if let generation = batch.openGeneration, generation != opened.generation {
            batch.end(.failure(ConnectionLost()))
        }
        if !batch.isOpen {
            do {
                for statement in begin { try await control(statement, on: db) }
            } catch {
                await connection.abandon(db)
                return (.failure(error), nil)
            }
            batch.begin(generation: opened.generation)
        }
        let savepoint = batch.join()
        let memory = batch.memory
        let learnt = memory.learnt
        let member = BatchMemberDatabase(base: db, memory: memory)
        let result: Result<T, any Error>
        do {
            try await control("SAVEPOINT \(savepoint)", on: db)
            let value = try await body(member)
            switch savepoints {
            case .released: try await control("RELEASE SAVEPOINT \(savepoint)", on: db)
            case .kept: if let failed = member.failedStatement { throw SwallowedStatementFailure(underlying: failed) }
            }
            result = .success(value)
        } catch {
            do {
                try await control("ROLLBACK TO SAVEPOINT \(savepoint)", on: db)
                if savepoints == .released { try await control("RELEASE SAVEPOINT \(savepoint)", on: db) }
                memory.learnt = learnt
                result = .failure(error)
            } catch let rollbackError {
                // The transaction itself is gone (SQLite ends it on some errors; a connection may drop): every
                // member fails.
                logger.error("savepoint rollback failed", metadata: ["error": "\(String(reflecting: rollbackError))"])
                // The waiting members fail with what ended the transaction, not with this member's own error.
                await connection.abandon(db)
                batch.end(.failure(rollbackError))
                return (.failure(error), nil)
            }
        }
        if case .success = result, batch.shouldStayOpen(othersWaiting: lock.hasWaiters) {
            let ticket = GroupCommit.Ticket()
            batch.park(ticket)
            return (result, ticket)
        }
        do {
            try await commit(on: db)
            batch.end(.success(()))
            return (result, nil)
        } catch {
            logger.error("commit failed", metadata: ["error": "\(String(reflecting: error))"])
            await connection.abandon(db)
            batch.end(.failure(error))
            return (result.flatMap { _ in .failure(error) }, nil)
        }
    }

    /// Writes what the batch's members deferred (``BatchMemory``), then commits.
    private func commit(on db: any SQLDatabase) async throws {
        try await batch.memory.flush(on: db)
        try await control("COMMIT", on: db)
    }
}
