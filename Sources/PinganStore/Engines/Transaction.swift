import Logging
import SQLKit

/// Runs `body` between `begin` and `COMMIT` on `db`, rolling back and rethrowing the body's own error when it throws
/// (PostgresNIO's `withTransaction` would wrap it, hiding domain errors from the caller).
func inTransaction<T: Sendable>(
    _ db: any SQLDatabase, begin: String, logger: Logger, _ body: @Sendable (any SQLDatabase) async throws -> T
) async throws -> T {
    try await db.raw(SQLQueryString(begin)).run()
    do {
        let result = try await body(db)
        try await db.raw("COMMIT").run()
        return result
    } catch {
        do {
            try await control("ROLLBACK", on: db)
        } catch let rollbackError {
            logger.error("rollback failed", metadata: ["error": "\(String(reflecting: rollbackError))"])
        }
        throw error
    }
}

/// Runs a transaction-control statement (`ROLLBACK`, `COMMIT`, `SAVEPOINT` …) in an unstructured task, so that a
/// cancelled caller cannot skip it and leave the connection inside a transaction or a savepoint.
func control(_ sql: String, on db: any SQLDatabase) async throws {
    try await Task { try await db.raw(SQLQueryString(sql)).run() }.value
}
