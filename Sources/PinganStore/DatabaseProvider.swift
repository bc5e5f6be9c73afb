import Logging
import PinganCore
import SQLKit

/// The database engines Pingan runs on (DESIGN "One store, two engines").
public enum DatabaseEngine: String, Sendable {
    /// SQLite, the embedded default: one file, one writer.
    case sqlite
    /// PostgreSQL, for several Pingan processes on one database.
    case postgres
}

/// A database Pingan can read from and write to: the one seam between the store and the engines.
///
/// Reads run on a reader connection; writes run in a transaction that commits fully or not at all. Every query of
/// the store goes through one of these two doors, so engine differences stay in the providers and ``Dialect``.
public protocol DatabaseProvider: Sendable {
    /// Which engine this is.
    var engine: DatabaseEngine { get }

    /// Runs `body` with a connection for reading.
    func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    @discardableResult
    func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T

    /// Keeps the provider's background work (a connection pool) running until the task is cancelled.
    func run() async throws

    /// Closes every connection.
    func shutdown() async throws

    /// Counters of the provider's connections, for `/metrics`.
    var statistics: DatabaseStatistics { get }
}

/// What a provider reports about its connections (issue 2 §8 "database pool" metrics).
public struct DatabaseStatistics: Sendable, Equatable {
    /// Connections the provider may hold (SQLite: readers + the writer; PostgreSQL: the pool's maximum).
    public var poolSize: Int
    /// Reads running now.
    public var readsInUse: Int
    /// Transactions running now.
    public var transactionsInUse: Int
    /// Transactions waiting for SQLite's one writer (always 0 on PostgreSQL, whose pool queues internally).
    public var transactionsWaiting: Int
    /// Reads since start.
    public var readsTotal: Int
    /// Transactions since start.
    public var transactionsTotal: Int

    /// Creates statistics.
    public init(
        poolSize: Int, readsInUse: Int, transactionsInUse: Int, transactionsWaiting: Int, readsTotal: Int,
        transactionsTotal: Int
    ) {
        self.poolSize = poolSize
        self.readsInUse = readsInUse
        self.transactionsInUse = transactionsInUse
        self.transactionsWaiting = transactionsWaiting
        self.readsTotal = readsTotal
        self.transactionsTotal = transactionsTotal
    }
}

extension DatabaseProvider {
    /// Whether the database answers a trivial query.
    public func ping() async throws {
        try await read { db in _ = try await db.raw("SELECT 1 AS one").all() }
    }

    /// ``ping()`` that gives up after `timeout` with ``DatabaseUnreachable``: a PostgreSQL pool retries a refused
    /// connection forever, and start-up and readiness checks must answer instead.
    public func ping(timeout: Duration) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.ping() }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw DatabaseUnreachable(engine: engine, timeout: timeout)
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }
}

/// The database did not answer in time.
public struct DatabaseUnreachable: Error, CustomStringConvertible {
    /// The engine.
    public var engine: DatabaseEngine
    /// How long it waited.
    public var timeout: Duration

    /// One line for people.
    public var description: String {
        "the \(engine.rawValue) database did not answer within \(timeout.components.seconds) s "
            + "(check the URL, that the server runs and accepts the user, and that the database exists)"
    }
}
