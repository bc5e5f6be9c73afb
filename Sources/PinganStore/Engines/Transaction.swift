import SQLKit

/// Runs a transaction-control statement (`ROLLBACK`, `COMMIT`, `SAVEPOINT` …) in an unstructured task, so that a
/// cancelled caller cannot skip it and leave the connection inside a transaction or a savepoint.
func control(_ sql: String, on db: any SQLDatabase) async throws {
    try await Task { try await db.raw(SQLQueryString(sql)).run() }.value
}
