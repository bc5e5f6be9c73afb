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
}

extension DatabaseProvider {
    /// Whether the database answers a trivial query.
    public func ping() async throws {
        try await read { db in _ = try await db.raw("SELECT 1 AS one").all() }
    }
}
