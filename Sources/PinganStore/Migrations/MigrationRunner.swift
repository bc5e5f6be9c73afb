import Foundation
import Logging
import PinganCore
import SQLKit

/// Applies pending migrations, each in its own transaction, recording them in `schema_migrations`.
///
/// Safe to run from several processes at once: on PostgreSQL each migration's transaction first takes an advisory
/// lock and re-checks whether the migration is still pending; on SQLite the single writer serialises them.
public struct MigrationRunner: Sendable {
    private let provider: any DatabaseProvider
    private let migrations: [Migration]
    private let logger: Logger

    /// Creates a runner over `migrations` (all of Pingan's by default).
    public init(provider: any DatabaseProvider, migrations: [Migration] = Migrations.all, logger: Logger) {
        self.provider = provider
        self.migrations = migrations
        self.logger = logger
    }

    /// Applies every pending migration and returns those applied now (none when the schema is current).
    @discardableResult
    public func migrate(now: Date = Date()) async throws -> [Migration] {
        let dialect = Dialect(provider.engine)
        try await provider.transaction { db in
            try await dialect.lockForTransaction(.migrations, on: db)
            try await db.raw(
                """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
                """
            ).run()
        }
        var applied: [Migration] = []
        for migration in migrations {
            let didApply = try await provider.transaction { db in
                try await dialect.lockForTransaction(.migrations, on: db)
                let existing = try await db.raw(
                    "SELECT version FROM schema_migrations WHERE version = \(bind: migration.version)"
                ).first()
                if existing != nil { return false }
                for statement in migration.statements(for: dialect.engine) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.raw(
                    """
                    INSERT INTO schema_migrations (version, name, applied_at)
                    VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: Timestamp.format(now)))
                    """
                ).run()
                return true
            }
            if didApply {
                logger.notice(
                    "applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                applied.append(migration)
            }
        }
        return applied
    }

    /// The versions recorded as applied.
    public func appliedVersions() async throws -> [Int] {
        try await provider.read { db in
            let rows = try await db.raw("SELECT version FROM schema_migrations ORDER BY version").all()
            return try rows.map { try $0.decode(column: "version", as: Int.self) }
        }
    }
}
