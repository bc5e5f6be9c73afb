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

    /// What the members of a batch answer when its connection was lost before their shared COMMIT: their
    /// transaction ended with the connection, and nothing of it was committed.
    struct ConnectionLost: Error, CustomStringConvertible {
        var description: String { "the database connection was lost before the commit; nothing was written" }
    }

    private let lock = AsyncLock()
    private let batch = GroupCommit()
    private let begin: [String]
    private let connection: Connection
    private let counters: ConnectionCounters
    private let logger: Logger

    /// A writer that starts each batch with the statements `begin` (`BEGIN IMMEDIATE` on SQLite) on `connection`.
    init(begin: [String], connection: Connection, counters: ConnectionCounters, logger: Logger) {
        self.begin = begin
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
                    try await control("COMMIT", on: opened.db)
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
        let result: Result<T, any Error>
        do {
            try await control("SAVEPOINT \(savepoint)", on: db)
            let value = try await body(db)
            try await control("RELEASE SAVEPOINT \(savepoint)", on: db)
            result = .success(value)
        } catch {
            do {
                try await control("ROLLBACK TO SAVEPOINT \(savepoint)", on: db)
                try await control("RELEASE SAVEPOINT \(savepoint)", on: db)
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
            try await control("COMMIT", on: db)
            batch.end(.success(()))
            return (result, nil)
        } catch {
            logger.error("commit failed", metadata: ["error": "\(String(reflecting: error))"])
            await connection.abandon(db)
            batch.end(.failure(error))
            return (result.flatMap { _ in .failure(error) }, nil)
        }
    }
}
