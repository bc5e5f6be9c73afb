import Foundation
import Logging
import NIOCore
import NIOPosix
import PinganCore
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite, the embedded engine (DESIGN "Stack"): one writer connection that serialises every write transaction and
/// a few reader connections, all on one file in WAL mode with foreign keys on and a busy timeout.
///
/// `synchronous = FULL` makes every commit durable before it is acknowledged, so a crash or power cut loses no
/// acknowledged write.
public final class SQLiteProvider: DatabaseProvider {
    /// See ``DatabaseProvider/engine``.
    public let engine = DatabaseEngine.sqlite

    private let writer: SQLiteDirectConnection
    private let checkpointer: (db: SQLiteDirectDatabase, lock: AsyncLock)
    private let writes: BatchedWriter
    private let readers: [(db: SQLiteDirectDatabase, lock: AsyncLock)]
    private let nextReader = Atomic<Int>(0)
    private let counters: ConnectionCounters
    private let logger: Logger

    /// Each connection's page cache (up to 64 MiB, filled as pages are read) and a memory map of the file (reads of
    /// the database file without a system call each): at 100,000 cases the default 2 MiB cache sent most page reads
    /// to `pread` (measured in docs/PERFORMANCE.md, "Case ledger").
    static let memoryPragmas = ["PRAGMA cache_size = -65536", "PRAGMA mmap_size = 1073741824"]

    /// How often ``run()`` copies the write-ahead log into the database file (a `PASSIVE` checkpoint, beside the
    /// writer rather than inside its COMMIT).
    static let checkpointInterval = Duration.milliseconds(250)

    /// The size of the write-ahead log, in pages, at which a COMMIT checkpoints it itself — the library's default
    /// is 1,000; here only a safety net for when ``run()`` is not running or falls behind.
    static let commitCheckpointPages = 10_000

    /// Opens (creating when absent) the database file at `path` with `readerCount` reader connections.
    public static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteProvider {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let writer = try await connect(
            path, placement: .callerThread,
            pragmas: [
                "PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA foreign_keys = ON",
                "PRAGMA wal_autocheckpoint = \(Self.commitCheckpointPages)",
            ] + Self.memoryPragmas, logger: logger)
        var opened = [writer]
        do {
            for _ in 0..<max(1, readerCount) {
                opened.append(
                    try await connect(
                        path, placement: .threadPool,
                        pragmas: ["PRAGMA foreign_keys = ON", "PRAGMA query_only = ON"] + Self.memoryPragmas,
                        logger: logger))
            }
            let checkpointer = try await connect(
                path, placement: .threadPool, pragmas: ["PRAGMA synchronous = FULL"], logger: logger)
            return SQLiteProvider(
                writer: writer, readers: Array(opened.dropFirst()), checkpointer: checkpointer, logger: logger)
        } catch {
            for connection in opened { connection.connection.close() }
            throw error
        }
    }

    /// Opens a connection to `path` (on the thread pool: opening reads the file) and runs `pragmas` on it.
    private static func connect(
        _ path: String, placement: SQLiteDirectDatabase.Placement, pragmas: [String], logger: Logger
    ) async throws -> SQLiteDirectDatabase {
        let db = SQLiteDirectDatabase(
            connection: try await NIOThreadPool.singleton.runIfActive { try SQLiteDirectConnection(path: path) },
            placement: placement, logger: logger)
        do {
            for pragma in pragmas { try await db.raw(SQLQueryString(pragma)).run() }
            return db
        } catch {
            db.connection.close()
            throw error
        }
    }

    private init(
        writer: SQLiteDirectDatabase, readers: [SQLiteDirectDatabase], checkpointer: SQLiteDirectDatabase,
        logger: Logger
    ) {
        self.writer = writer.connection
        self.readers = readers.map { (db: $0, lock: AsyncLock()) }
        self.checkpointer = (checkpointer, AsyncLock())
        self.logger = logger
        let counters = ConnectionCounters()
        self.counters = counters
        // The one writer connection lives as long as the provider; nothing to reopen.
        self.writes = BatchedWriter(
            begin: ["BEGIN IMMEDIATE"], savepoints: .released, maximumMembers: 64,
            connection: .init(open: { (writer, 0) }, abandon: { db in try? await control("ROLLBACK", on: db) }),
            counters: counters, logger: logger)
    }

    /// See ``DatabaseProvider/read(_:)``.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let index = nextReader.wrappingAdd(1, ordering: .relaxed).oldValue % readers.count
        let reader = readers[index]
        return try await reader.lock.withLock {
            try await counters.read { try await body(reader.db) }
        }
    }

    /// See ``DatabaseProvider/transaction(_:)``. Transactions that queue for the writer share a commit
    /// (``BatchedWriter``); each still succeeds or fails on its own, and returns only once its writes are durable.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writes.transaction(body)
    }

    /// How many COMMITs the writer has made: fewer than the transactions when they shared commits.
    public var commitCount: Int { writes.commitCount }

    /// See ``DatabaseProvider/statistics``.
    public var statistics: DatabaseStatistics { counters.statistics(poolSize: readers.count + 1) }

    /// See ``DatabaseProvider/run()``: checkpoints the write-ahead log every ``checkpointInterval`` until cancelled.
    ///
    /// A `PASSIVE` checkpoint copies what it can without waiting for the writer or the readers, on its own
    /// connection, so the writer's COMMIT no longer stops every 1,000 pages to copy and `fsync` the database file
    /// while every write waits behind it (docs/PERFORMANCE.md, "Intake, third pass").
    public func run() async throws {
        while !Task.isCancelled {
            try? await Task.sleep(for: Self.checkpointInterval)
            let closed: Bool
            do {
                // The handle is read and used only under the checkpointer's lock (shutdown closes it under the lock).
                closed = try await checkpointer.lock.withLock {
                    guard !checkpointer.db.connection.isClosed else { return true }
                    try await checkpointer.db.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                    return false
                }
            } catch {
                logger.warning("checkpoint failed", metadata: ["error": "\(String(reflecting: error))"])
                continue
            }
            if closed { return }
        }
    }

    /// See ``DatabaseProvider/shutdown()``: waits for each connection's work in flight, then closes it; the writer
    /// last, after committing a batch left open.
    public func shutdown() async throws {
        for connection in readers + [checkpointer] {
            try await connection.lock.withLock { connection.db.connection.close() }
        }
        // The last connection to close checkpoints the write-ahead log: disk work, off the caller's thread.
        try await writes.close { [writer] in try await NIOThreadPool.singleton.runIfActive { writer.close() } }
    }
}
