import SQLKit

/// The directory generation (M0011): the counter that database triggers move on whenever something an in-memory
/// cache holds changes.
public struct DirectoryRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// The current generation.
    public func generation() async throws -> Int64 {
        guard let row = try await db.raw("SELECT generation FROM directory_generation WHERE id = 1").first() else {
            throw StoreError.corrupt(column: "directory_generation.generation", value: "no row")
        }
        return Int64(try row.int("generation"))
    }
}
