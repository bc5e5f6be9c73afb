import Logging
import NIOCore
import PinganCore
import PostgresKit
import PostgresNIO
import SQLKit

/// PostgreSQL, for several Pingan processes sharing one database (DESIGN "Scale"), through PostgresNIO's
/// connection pool. ``run()`` must be running (it keeps the pool) while the provider is used.
public final class PostgresProvider: DatabaseProvider {
    /// See ``DatabaseProvider/engine``.
    public let engine = DatabaseEngine.postgres

    private let client: PostgresClient
    private let logger: Logger
    private let counters = ConnectionCounters()
    private let maximumConnections: Int

    /// Creates a provider for the server at the given location.
    public init(
        host: String, port: Int, username: String, password: String?, database: String, tls: TLSMode,
        maximumConnections: Int = 20, logger: Logger
    ) throws {
        let tlsSetting: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: tlsSetting = .disable
        case .prefer: tlsSetting = .prefer(.makeClientConfiguration())
        case .require: tlsSetting = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tlsSetting)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.maximumConnections = maximumConnections
    }

    /// How the connection uses TLS.
    public enum TLSMode: String, Sendable {
        /// Plain TCP (loopback and private networks only).
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection.
        case require
    }

    /// See ``DatabaseProvider/read(_:)``.
    public func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await counters.read {
            try await client.withConnection { connection in
                try await body(connection.sql(queryLogLevel: .trace))
            }
        }
    }

    /// See ``DatabaseProvider/transaction(_:)``.
    @discardableResult
    public func transaction<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await counters.transaction {
            try await client.withConnection { connection in
                try await inTransaction(connection.sql(queryLogLevel: .trace), begin: "BEGIN", logger: logger, body)
            }
        }
    }

    /// See ``DatabaseProvider/statistics``.
    public var statistics: DatabaseStatistics { counters.statistics(poolSize: maximumConnections) }

    /// See ``DatabaseProvider/run()``: runs the connection pool until cancelled.
    public func run() async throws {
        await client.run()
    }

    /// See ``DatabaseProvider/shutdown()``: the pool closes when ``run()`` is cancelled.
    public func shutdown() async throws {}
}
