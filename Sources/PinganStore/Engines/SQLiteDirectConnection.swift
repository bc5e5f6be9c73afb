import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import SQLiteNIO
// The SQLite library SQLiteNIO compiles in (symbols prefixed `sqlite_nio_`). The writer must use this same copy as
// the readers: two copies of SQLite in one process do not see each other's POSIX locks, and closing a file in one
// silently drops the other's locks (sqlite.org/howtocorrupt.html §2.2).
import VaporCSQLite

/// A connection driven directly through the SQLite library (docs/ARCHITECTURE.md "The store"), for the writer and
/// the readers of ``SQLiteProvider``.
///
/// SQLiteNIO hands every statement to a thread pool and every result row back through an event loop, so a write of
/// seven statements made some twenty thread switches while holding the one writer lock — on a busy machine most of
/// the lock's time was spent waiting to be scheduled (docs/PERFORMANCE.md, "Intake, third pass"). Here the caller
/// chooses where a statement runs (``SQLiteDirectDatabase/Placement``), rows are decoded where the statement steps,
/// and prepared statements are kept by their text and reused.
///
/// Used by one task at a time (the holder of the writer lock, or of a reader's lock); the library is compiled
/// thread-safe (`SQLITE_THREADSAFE=1`), so moving between threads is fine.
final class SQLiteDirectConnection: @unchecked Sendable {
    /// How many prepared statements are kept; past that the cache is emptied (statement texts with a varying number
    /// of binds would otherwise grow it without end).
    static let cachedStatementLimit = 256

    private var handle: OpaquePointer?
    private var statements: [String: OpaquePointer] = [:]

    /// How long a statement waits for another connection's lock before it fails with `SQLITE_BUSY` — set before
    /// the first statement, since even `PRAGMA journal_mode` needs a lock (another process closing the file, or
    /// recovering its WAL, holds one).
    static let busyTimeoutMilliseconds: Int32 = 5000

    /// The library's one-time set-up, done before the first connection opens (as SQLiteNIO does).
    private static let initialized: Int32 = sqlite_nio_sqlite3_initialize()

    /// Opens (creating when absent) the database file at `path`.
    init(path: String) throws {
        let initialized = Self.initialized
        guard initialized == SQLITE_OK else {
            throw SQLiteDirectError(code: initialized, message: "the SQLite library could not be initialised")
        }
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE
        var handle: OpaquePointer?
        let status = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard status == SQLITE_OK, let handle else {
            let error = SQLiteDirectError(code: status, message: handle.map(Self.message(of:)) ?? "cannot open \(path)")
            sqlite_nio_sqlite3_close_v2(handle)
            throw error
        }
        sqlite_nio_sqlite3_busy_timeout(handle, Self.busyTimeoutMilliseconds)
        self.handle = handle
    }

    deinit { close() }

    /// Whether ``close()`` was called.
    var isClosed: Bool { handle == nil }

    /// Finalises the kept statements and closes the connection; later statements fail.
    func close() {
        for statement in statements.values { sqlite_nio_sqlite3_finalize(statement) }
        statements = [:]
        if let handle { sqlite_nio_sqlite3_close_v2(handle) }
        handle = nil
    }

    /// Runs `sql` with `binds` on the calling thread, calling `onRow` for each result row.
    func run(_ sql: String, _ binds: [SQLiteData], decoder: SQLiteDataDecoder, onRow: (any SQLRow) -> Void) throws {
        guard let handle else { throw SQLiteDirectError(code: SQLITE_MISUSE, message: "the connection is closed") }
        let statement = try prepared(sql, on: handle)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            let status = bind(value, at: Int32(index + 1), to: statement)
            guard status == SQLITE_OK else { throw SQLiteDirectError(code: status, message: Self.message(of: handle)) }
        }
        var columns: SQLiteDirectRow.Columns?
        while true {
            let status = sqlite_nio_sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else {
                throw SQLiteDirectError(code: status, message: Self.message(of: handle))
            }
            let names = columns ?? SQLiteDirectRow.Columns(of: statement)
            columns = names
            let values = try (0..<Int32(names.names.count)).map { try Self.value(at: $0, of: statement) }
            onRow(SQLiteDirectRow(columns: names, values: values, decoder: decoder))
        }
    }

    private func prepared(_ sql: String, on handle: OpaquePointer) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let status = sqlite_nio_sqlite3_prepare_v3(
            handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw SQLiteDirectError(code: status, message: Self.message(of: handle))
        }
        if statements.count >= Self.cachedStatementLimit {
            for kept in statements.values { sqlite_nio_sqlite3_finalize(kept) }
            statements = [:]
        }
        statements[sql] = statement
        return statement
    }

    private func bind(_ value: SQLiteData, at index: Int32, to statement: OpaquePointer) -> Int32 {
        switch value {
        case .integer(let integer):
            return sqlite_nio_sqlite3_bind_int64(statement, index, Int64(integer))
        case .float(let double):
            return sqlite_nio_sqlite3_bind_double(statement, index, double)
        case .text(let text):
            return sqlite_nio_sqlite3_bind_text64(
                statement, index, text, UInt64(text.utf8.count), Self.transient, UInt8(SQLITE_UTF8))
        case .blob(let buffer):
            return buffer.withUnsafeReadableBytes { bytes in
                sqlite_nio_sqlite3_bind_blob64(statement, index, bytes.baseAddress, UInt64(bytes.count), Self.transient)
            }
        case .null:
            return sqlite_nio_sqlite3_bind_null(statement, index)
        }
    }

    private static func value(at column: Int32, of statement: OpaquePointer) throws -> SQLiteData {
        switch sqlite_nio_sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER:
            return .integer(Int(sqlite_nio_sqlite3_column_int64(statement, column)))
        case SQLITE_FLOAT:
            return .float(sqlite_nio_sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            guard let text = sqlite_nio_sqlite3_column_text(statement, column) else {
                throw SQLiteDirectError(code: SQLITE_NOMEM, message: "no memory for a text value")
            }
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite_nio_sqlite3_column_bytes(statement, column))
            var buffer = ByteBufferAllocator().buffer(capacity: count)
            if let bytes = sqlite_nio_sqlite3_column_blob(statement, column) {
                buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: count))
            }
            return .blob(buffer)
        case SQLITE_NULL:
            return .null
        case let type:
            throw SQLiteDirectError(code: SQLITE_MISMATCH, message: "unexpected column type \(type)")
        }
    }

    private static func message(of handle: OpaquePointer) -> String {
        sqlite_nio_sqlite3_errmsg(handle).map { String(cString: $0) } ?? "unknown error"
    }

    /// `SQLITE_TRANSIENT`: the library copies a bound value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// An error the SQLite library answered on a direct connection, with its extended result code.
public struct SQLiteDirectError: Error, CustomStringConvertible, Sendable {
    /// The extended result code (sqlite.org/rescode.html).
    public let code: Int32
    /// The library's message.
    public let message: String

    public var description: String { "SQLite error \(code): \(message)" }

    /// `SQLITE_CONSTRAINT_UNIQUE` or `SQLITE_CONSTRAINT_PRIMARYKEY`.
    public var isUniqueViolation: Bool { code == 2067 || code == 1555 }
}

/// A result row of a direct connection; decodes values exactly as SQLiteKit does (``SQLiteDataDecoder``).
struct SQLiteDirectRow: SQLRow {
    /// The result columns' names, shared by the rows of one statement.
    final class Columns: Sendable {
        let names: [String]

        init(of statement: OpaquePointer) {
            names = (0..<sqlite_nio_sqlite3_column_count(statement)).map {
                sqlite_nio_sqlite3_column_name(statement, $0).map { String(cString: $0) } ?? ""
            }
        }

        func index(of name: String) -> Int? { names.firstIndex(of: name) }
    }

    /// A column that the statement does not return.
    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "no column \(column) in the result" }
    }

    let columns: Columns
    let values: [SQLiteData]
    let decoder: SQLiteDataDecoder

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.index(of: column) != nil }

    func decodeNil(column: String) throws -> Bool {
        guard let index = columns.index(of: column) else { return true }
        return values[index] == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        guard let index = columns.index(of: column) else { throw MissingColumn(column: column) }
        return try decoder.decode(D.self, from: values[index])
    }
}

/// An ``SQLiteDirectConnection`` as an `SQLDatabase`.
struct SQLiteDirectDatabase: SQLDatabase {
    /// Where statements run.
    enum Placement: Sendable {
        /// The writer: on the thread of the task that holds the writer lock. Inside an open write transaction a
        /// statement never waits for a lock or the disk — its pages are in the page cache and the WAL is appended in
        /// memory — so it takes microseconds. The statements that can wait (``mayWait(_:)``) run on the thread pool,
        /// once per batch of transactions.
        case callerThread
        /// The readers: every statement on NIO's blocking-I/O thread pool, since a read (an export, a report) may
        /// take long; its rows come back in the same hand-off.
        case threadPool
    }

    let connection: SQLiteDirectConnection
    let placement: Placement
    let logger: Logger
    let encoder = SQLiteDataEncoder()
    let decoder = SQLiteDataDecoder()

    var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    /// Whether `sql` may wait — `BEGIN` for another process's write lock (up to the busy timeout), `COMMIT` for the
    /// `fsync` of `synchronous = FULL` and now and then a checkpoint, a `PRAGMA` that changes the journal — and so
    /// never runs on the caller's thread.
    static func mayWait(_ sql: String) -> Bool {
        sql.hasPrefix("BEGIN") || sql == "COMMIT" || sql.hasPrefix("PRAGMA")
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, rawBinds) = serialize(query)
        logger.trace("Executing query", metadata: ["sql": .string(sql)])
        let binds = try rawBinds.map { try encoder.encode($0) }
        if placement == .threadPool || Self.mayWait(sql) {
            try await NIOThreadPool.singleton.runIfActive { [connection, decoder] in
                try connection.run(sql, binds, decoder: decoder, onRow: onRow)
            }
        } else {
            try connection.run(sql, binds, decoder: decoder, onRow: onRow)
        }
    }

    func execute(
        sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void
    )
        -> EventLoopFuture<Void>
    {
        let promise = eventLoop.makePromise(of: Void.self)
        promise.completeWithTask { try await execute(sql: query, onRow) }
        return promise.futureResult
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}
