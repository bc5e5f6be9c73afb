import Logging
import NIOCore
import PinganCore
import PostgresKit
import PostgresNIO
import SQLKit
import Synchronization

/// PostgreSQL, for several Pingan processes sharing one database (DESIGN "Scale"), through PostgresNIO's
/// connection pool. ``run()`` must be running (it keeps the pool) while the provider is used.
public final class PostgresProvider: DatabaseProvider {
    /// See ``DatabaseProvider/engine``.
    public let engine = DatabaseEngine.postgres

    private let client: PostgresClient
    private let logger: Logger
    private let counters: ConnectionCounters
    private let maximumConnections: Int
    private let writes: BatchedWriter
    private let writeConnection: WriteConnection

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

        var writeTLS = PostgresConnection.Configuration.TLS.disable
        switch tls {
        case .disable: break
        case .prefer: writeTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
        case .require: writeTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
        }
        var writeConfiguration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: writeTLS)
        writeConfiguration.options.additionalStartupParameters = [("TimeZone", "UTC")]
        let counters = ConnectionCounters()
        let writeConnection = WriteConnection(configuration: writeConfiguration, logger: logger)
        self.counters = counters
        self.writeConnection = writeConnection
        // A batch takes the audit chain's lock first. Every audited change takes it anyway and holds it to COMMIT;
        // taken first, it orders every other lock a batch takes after it, so the batches of two processes cannot
        // deadlock: an action's change (the lock) followed in one batch by an intake (the case-number row) would
        // otherwise meet another process's batch holding the row and waiting for the lock
        // (`GroupCommitTests.twoProcessesWritingAtOnceNeitherDeadlockNorLoseAWrite`).
        self.writes = BatchedWriter(
            begin: ["BEGIN", Dialect.advisoryLockStatement(.auditChain)], savepoints: .kept, maximumMembers: 48,
            connection: .init(
                open: { try await writeConnection.open() }, abandon: { _ in await writeConnection.drop() }),
            counters: counters, logger: logger)
    }

    /// The connection this process writes on, outside the pool: a batch of transactions (``BatchedWriter``) spans
    /// several callers' tasks, which a pooled connection lent to one closure cannot. Opened when first needed and
    /// again after a failure; used only by the writer lock's holder.
    private final class WriteConnection: Sendable {
        private let configuration: PostgresConnection.Configuration
        private let logger: Logger
        private let current = Mutex<(connection: PostgresConnection, generation: Int, watch: StatementWatch)?>(nil)
        private let sequence = Atomic<Int>(0)

        init(configuration: PostgresConnection.Configuration, logger: Logger) {
            self.configuration = configuration
            self.logger = logger
        }

        func open() async throws -> (db: any SQLDatabase, generation: Int) {
            if let open = current.withLock({ $0 }), !open.connection.isClosed {
                return (LiveConnectionDatabase(connection: open.connection, watch: open.watch), open.generation)
            }
            let id = sequence.wrappingAdd(1, ordering: .relaxed).newValue
            let connection = try await PostgresConnection.connect(
                configuration: configuration, id: id, logger: logger)
            let watch = StatementWatch()
            connection.closeFuture.whenComplete { _ in watch.connectionClosed() }
            current.withLock { $0 = (connection, id, watch) }
            return (LiveConnectionDatabase(connection: connection, watch: watch), id)
        }

        func drop() async {
            let open = current.withLock { state in
                defer { state = nil }
                return state
            }
            try? await open?.connection.close()
        }

        deinit {
            if let open = current.withLock({ $0 }) { open.connection.close().whenComplete { _ in } }
        }
    }

    /// The write connection as an `SQLDatabase` whose statements fail once the connection closes.
    ///
    /// PostgresNIO writes a query into the connection's channel without a promise for the write itself, so a query
    /// sent after the channel closed is never answered: the caller waits forever. Found when the server ended the
    /// write connection (`pg_terminate_backend`): the `ROLLBACK` after the failed `BEGIN` hung
    /// (`TransactionTests.aLostWriteConnectionIsReopenedForTheNextWrite`, about one run in five under load). A
    /// statement is refused when the connection is already closed, and one sent as it closes fails with it
    /// (``StatementWatch``).
    private struct LiveConnectionDatabase: ForwardingDatabase {
        let connection: PostgresConnection
        let watch: StatementWatch
        let base: any SQLDatabase

        init(connection: PostgresConnection, watch: StatementWatch) {
            self.connection = connection
            self.watch = watch
            self.base = connection.sql(queryLogLevel: .trace)
        }

        func execute(
            sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
        )
            -> EventLoopFuture<Void>
        {
            guard !connection.isClosed else { return eventLoop.makeFailedFuture(BatchedWriter.ConnectionLost()) }
            return watch.run(on: eventLoop) { base.execute(sql: query, onRow) }
        }

        func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
            try await execute(sql: query, onRow).get()
        }
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
        try await writes.transaction(body)
    }

    /// How many COMMITs this process's writer has made: fewer than the transactions when they shared commits.
    public var commitCount: Int { writes.commitCount }

    /// See ``DatabaseProvider/statistics``.
    public var statistics: DatabaseStatistics { counters.statistics(poolSize: maximumConnections) }

    /// See ``DatabaseProvider/run()``: runs the connection pool until cancelled.
    public func run() async throws {
        await client.run()
    }

    /// See ``DatabaseProvider/shutdown()``: closes the write connection; the pool closes when ``run()`` is cancelled.
    public func shutdown() async throws {
        // After the write in flight, and after committing a batch left open for a waiting write.
        try await writes.close { [writeConnection] in await writeConnection.drop() }
    }
}

/// The statements in flight on one write connection, failed when the connection closes: a statement PostgresNIO
/// writes into a channel that has just closed is never answered (``PostgresProvider``'s `LiveConnectionDatabase`),
/// so each statement's result is whichever comes first, its answer or the connection's end.
final class StatementWatch: Sendable {
    private struct State {
        var closed = false
        var inFlight: [EventLoopPromise<Void>] = []
    }

    private let state = Mutex(State())

    /// How many statements are in flight.
    var inFlightCount: Int { state.withLock { $0.inFlight.count } }

    /// Marks the connection closed and fails every statement in flight with ``BatchedWriter/ConnectionLost``.
    func connectionClosed() {
        let waiting = state.withLock { state in
            state.closed = true
            defer { state.inFlight = [] }
            return state.inFlight
        }
        for promise in waiting { promise.fail(BatchedWriter.ConnectionLost()) }
    }

    /// Sends a statement with `start` unless the connection has closed, and answers its result, or
    /// ``BatchedWriter/ConnectionLost`` if the connection closes first.
    func run(on eventLoop: any EventLoop, _ start: () -> EventLoopFuture<Void>) -> EventLoopFuture<Void> {
        let promise = eventLoop.makePromise(of: Void.self)
        let closed = state.withLock { state in
            if !state.closed { state.inFlight.append(promise) }
            return state.closed
        }
        guard !closed else {
            promise.fail(BatchedWriter.ConnectionLost())
            return promise.futureResult
        }
        start().cascade(to: promise)
        promise.futureResult.whenComplete { [self] _ in
            state.withLock { $0.inFlight.removeAll { $0 == promise } }
        }
        return promise.futureResult
    }
}
