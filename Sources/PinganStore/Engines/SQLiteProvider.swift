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
    private let writes: BatchedWriter
    private let readers: [(connection: SQLiteConnection, lock: AsyncLock)]
    private let nextReader = Atomic<Int>(0)
    private let counters: ConnectionCounters
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
        let counters = ConnectionCounters()
        self.counters = counters
        // The one writer connection lives as long as the provider; nothing to reopen.
        self.writes = BatchedWriter(
            begin: ["BEGIN IMMEDIATE"],
            connection: .init(open: { (writer.sql(queryLogLevel: .trace), 0) }, failed: {}), counters: counters,
            logger: logger)
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
    /// (``BatchedWriter``); each still succeeds or fails on its own, and returns only once its writes are durable.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await writes.transaction(body)
    }

    /// How many COMMITs the writer has made: fewer than the transactions when they shared commits.
    public var commitCount: Int { writes.commitCount }

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
