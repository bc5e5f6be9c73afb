import Foundation
import PinganCore
import SQLKit

/// A user's saved ledger filters (issue 6): a name and the `/ledger` query string it stands for.
public struct SavedFilterRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// A saved filter.
    public struct Filter: Sendable, Equatable {
        /// Its id.
        public var id: UUID
        /// The name its owner gave it.
        public var name: String
        /// The query string (`kind=dispute&overdue=true`).
        public var query: String

        /// Creates a filter.
        public init(id: UUID, name: String, query: String) {
            self.id = id
            self.name = name
            self.query = query
        }
    }

    /// The filters of `userID`, by name.
    public func list(userID: UUID) async throws -> [Filter] {
        try await db.raw(
            "SELECT id, name, query FROM saved_filters WHERE user_id = \(bind: userID.uuidString) ORDER BY name, id"
        ).all().map { Filter(id: try $0.uuid("id"), name: try $0.string("name"), query: try $0.string("query")) }
    }

    /// Saves a filter of `userID`.
    public func insert(_ filter: Filter, userID: UUID, at time: Date) async throws {
        try await db.raw(
            """
            INSERT INTO saved_filters (id, user_id, name, query, created_at)
            VALUES (\(bind: filter.id.uuidString), \(bind: userID.uuidString), \(bind: filter.name),
                \(bind: filter.query), \(bind: Timestamp.format(time)))
            """
        ).run()
    }

    /// Deletes the filter `id` of `userID`; false when that user has no such filter.
    public func delete(id: UUID, userID: UUID) async throws -> Bool {
        try await !db.raw(
            """
            DELETE FROM saved_filters WHERE id = \(bind: id.uuidString) AND user_id = \(bind: userID.uuidString)
            RETURNING id
            """
        ).all().isEmpty
    }
}
