import Foundation
import Logging
import PinganConfig
import PinganStore

/// Opens the database a configuration names and keeps it running for the length of a piece of work.
public enum Database {
    /// Opens the provider for `url`; for PostgreSQL, ``PinganStore/DatabaseProvider/run()`` must run while it is used
    /// (``with(_:logger:_:)`` does that).
    public static func open(_ url: DatabaseURL, logger: Logger) async throws -> any DatabaseProvider {
        switch url {
        case .sqlite(let path):
            return try await SQLiteProvider.open(path: path, logger: logger)
        case .postgres(let location):
            return try PostgresProvider(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: PostgresProvider.TLSMode(rawValue: location.tlsMode) ?? .prefer,
                logger: logger)
        }
    }

    /// Opens the database, runs its background work beside `body`, and closes it when `body` ends.
    public static func with<T: Sendable>(
        _ url: DatabaseURL, logger: Logger, _ body: @Sendable (any DatabaseProvider) async throws -> T
    ) async throws -> T {
        let provider = try await open(url, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await provider.run() }
            defer { group.cancelAll() }
            do {
                let result = try await body(provider)
                try await provider.shutdown()
                return result
            } catch {
                try? await provider.shutdown()
                throw error
            }
        }
    }
}
