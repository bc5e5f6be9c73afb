import Foundation
import Logging
import NIOCore
import PinganCore
import SQLKit
import SQLiteKit
import SQLiteNIO
import Synchronization

/// SQLite, the embedded engine (DESIGN "Stack"): one writer connection that serialises every write transaction and
/// a few reader connections, all on one file in WAL mode with foreign keys on and a busy timeout.
///
/// `synchronous = FULL` makes every commit durable before it is acknowledged, so a crash or power cut loses no
/// acknowledged write.
public final class SQLiteProvider: DatabaseProvider {
    /// See ``DatabaseProvider/engine``.
    public let engine = DatabaseEngine.sqlite

    private let writer: SQLiteConnection
    private let writeLock = AsyncLock()
    private let batch = GroupCommit()
    private let readers: [(connection: SQLiteConnection, lock: AsyncLock)]
    private let nextReader = Atomic<Int>(0)
    private let counters = ConnectionCounters()
    private let logger: Logger

    /// Each connection's page cache (up to 64 MiB, filled as pages are read) and a memory map of the file (reads of
    /// the database file without a system call each): at 100,000 cases the default 2 MiB cache sent most page reads
    /// to `pread` (measured in docs/PERFORMANCE.md, "Case ledger").
    static let memoryPragmas = ["PRAGMA cache_size = -65536", "PRAGMA mmap_size = 1073741824"]

    /// Opens (creating when absent) the database file at `path` with `readerCount` reader connections.
    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteProvider {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
        do {
            for pragma in [
                "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                "PRAGMA busy_timeout = 5000",
            ] + Self.memoryPragmas {
                _ = try await writer.query(pragma).get()
            }
            var readers: [(SQLiteConnection, AsyncLock)] = []
            for _ in 0..<max(1, readerCount) {
                let reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger).get()
                for pragma in ["PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA query_only = ON"]
                    + Self.memoryPragmas
                {
                    _ = try await reader.query(pragma).get()
                }
                readers.append((reader, AsyncLock()))
            }
            return SQLiteProvider(writer: writer, readers: readers, logger: logger)
        } catch {
            try? await writer.close().get()
            throw error
        }
    }

    private init(writer: SQLiteConnection, readers: [(SQLiteConnection, AsyncLock)], logger: Logger) {
        self.writer = writer
        self.readers = readers.map { (connection: $0.0, lock: $0.1) }
        self.logger = logger
    }

    /// See ``DatabaseProvider/read(_:)``.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count
        let reader = readers[index]
        return try await reader.lock.withLock {
            try await counters.read { try await body(reader.connection.sql(queryLogLevel: .trace)) }
        }
    }

    /// See ``DatabaseProvider/transaction(_:)``. Transactions that queue for the writer share a commit
    /// (``GroupCommit``); each still succeeds or fails on its own, and returns only once its writes are durable.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        counters.waiting()
        let (result, ticket) = try await writeLock.withLock {
            await counters.transaction(wasWaiting: true) { await member(body) }
        }
        try await ticket?.wait()
        return try result.get()
    }

    /// Runs `body` as one member of the open batch (beginning one if none is open) in its own savepoint, then either
    /// leaves the batch open for the transactions waiting behind it (answering the ticket to wait on) or commits it.
    private func member<T: Sendable>(
        _ body: @Sendable (any SQLDatabase) async throws -> T
    ) async -> (Result<T, any Error>, GroupCommit.Ticket?) {
        let db = writer.sql(queryLogLevel: .trace)
        if !batch.isOpen {
            do {
                try await control("BEGIN IMMEDIATE", on: db)
            } catch {
                return (.failure(error), nil)
            }
            batch.begin()
        }
        let savepoint = batch.join()
        let result: Result<T, any Error>
        do {
            try await control("SAVEPOINT \(savepoint)", on: db)
            let value = try await body(db)
            try await control("RELEASE \(savepoint)", on: db)
            result = .success(value)
        } catch {
            do {
                try await control("ROLLBACK TO \(savepoint)", on: db)
                try await control("RELEASE \(savepoint)", on: db)
                result = .failure(error)
            } catch let rollbackError {
                // The transaction itself is gone (SQLite ends it on some errors): every member fails.
                logger.error("savepoint rollback failed", metadata: ["error": "\(String(reflecting: rollbackError))"])
                try? await control("ROLLBACK", on: db)
                batch.end(.failure(error))
                return (.failure(error), nil)
            }
        }
        if case .success = result, batch.shouldStayOpen(othersWaiting: writeLock.hasWaiters) {
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
            try? await control("ROLLBACK", on: db)
            batch.end(.failure(error))
            return (result.flatMap { _ in .failure(error) }, nil)
        }
    }

    /// How many COMMITs the writer has made: fewer than the transactions when they shared commits.
    public var commitCount: Int { batch.commitCount }

    /// See ``DatabaseProvider/statistics``.
    public var statistics: DatabaseStatistics { counters.statistics(poolSize: readers.count + 1) }

    /// See ``DatabaseProvider/run()``: SQLite has no background work; this waits for cancellation.
    public func run() async throws {
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }

    /// See ``DatabaseProvider/shutdown()``.
    public func shutdown() async throws {
        for reader in readers {
            try await reader.connection.close().get()
        }
        try await writer.close().get()
    }
}
