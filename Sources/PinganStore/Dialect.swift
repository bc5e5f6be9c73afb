import SQLKit

/// The few statements that differ between SQLite and PostgreSQL, kept in one place (DESIGN principle 3).
public struct Dialect: Sendable {
    /// The engine.
    public let engine: DatabaseEngine

    /// Creates the dialect of `engine`.
    public init(_ engine: DatabaseEngine) {
        self.engine = engine
    }

    /// The dialect of the engine `db` speaks.
    public init(of db: any SQLDatabase) {
        self.engine = db.dialect.name == "postgresql" ? .postgres : .sqlite
    }

    /// Serialises writers of one kind until the transaction ends. SQLite has one writer connection already; on
    /// PostgreSQL a transaction-scoped advisory lock does it, so two Pingan processes never interleave.
    public func lockForTransaction(_ lock: TransactionLock, on db: any SQLDatabase) async throws {
        switch engine {
        case .sqlite:
            return
        case .postgres:
            try await db.raw(SQLQueryString(Self.advisoryLockStatement(lock))).run()
        }
    }

    /// The PostgreSQL statement that takes `lock` until the transaction ends.
    static func advisoryLockStatement(_ lock: TransactionLock) -> String {
        "SELECT pg_advisory_xact_lock(\(lock.rawValue))"
    }
}

extension Dialect {
    /// Appended to a `SELECT` inside a write transaction to lock the rows read until it ends: `FOR UPDATE` on
    /// PostgreSQL; nothing on SQLite, whose one writer already serialises write transactions.
    public var lockRowsClause: String {
        engine == .postgres ? " FOR UPDATE" : ""
    }
}

/// The advisory locks Pingan takes on PostgreSQL; each number is fixed forever.
public enum TransactionLock: Int64, Sendable {
    /// Appending to the audit chain.
    case auditChain = 7_301_001
    /// Applying migrations.
    case migrations = 7_301_002
    /// Loading the demo district.
    case demo = 7_301_003
}
