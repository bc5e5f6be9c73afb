import Foundation
import PinganCore
import SQLKit

/// The in-app inbox in the store.
public struct NotificationRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Adds `item` unless the user already has an item for the same event; returns whether it was added.
    @discardableResult
    public func insert(_ item: InboxItem) async throws -> Bool {
        let rows = try await db.raw(
            """
            INSERT INTO notifications (id, user_id, event_key, kind, title, body, object_type, object_id, created_at)
            VALUES (\(bind: item.id.uuidString), \(bind: item.userID.uuidString), \(bind: item.eventKey),
                \(bind: item.kind), \(bind: item.title), \(bind: item.body), \(bind: item.objectType),
                \(bind: item.objectID), \(bind: Timestamp.format(item.createdAt)))
            ON CONFLICT (user_id, event_key) DO NOTHING
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// The user's items, newest first; unread only when asked; before the item with `cursor` for the next page.
    public func inbox(
        userID: UUID, unreadOnly: Bool, before cursor: (Date, UUID)?, limit: Int
    ) async throws
        -> [InboxItem]
    {
        var sql: SQLQueryString = "SELECT * FROM notifications WHERE user_id = \(bind: userID.uuidString)"
        if unreadOnly { sql += " AND read_at IS NULL" }
        if let (time, id) = cursor {
            let at = Timestamp.format(time)
            sql += " AND (created_at < \(bind: at) OR (created_at = \(bind: at) AND id < \(bind: id.uuidString)))"
        }
        sql += " ORDER BY created_at DESC, id DESC LIMIT \(literal: max(1, min(limit, 500)))"
        return try await db.raw(sql).all().map(Self.item)
    }

    /// How many unread items the user has.
    public func unreadCount(userID: UUID) async throws -> Int {
        try await db.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID.uuidString) AND read_at IS NULL"
        ).first()?.int("n") ?? 0
    }

    /// Marks one of the user's items read; returns whether the item exists for this user.
    public func markRead(id: UUID, userID: UUID, at time: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE notifications SET read_at = COALESCE(read_at, \(bind: Timestamp.format(time)))
            WHERE id = \(bind: id.uuidString) AND user_id = \(bind: userID.uuidString) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Marks every unread item of the user read; returns how many.
    public func markAllRead(userID: UUID, at time: Date) async throws -> Int {
        try await db.raw(
            """
            UPDATE notifications SET read_at = \(bind: Timestamp.format(time))
            WHERE user_id = \(bind: userID.uuidString) AND read_at IS NULL RETURNING id
            """
        ).all().count
    }

    static func item(_ row: any SQLRow) throws -> InboxItem {
        InboxItem(
            id: try row.uuid("id"), userID: try row.uuid("user_id"), eventKey: try row.string("event_key"),
            kind: try row.string("kind"), title: try row.string("title"), body: try row.string("body"),
            objectType: try row.string("object_type"), objectID: try row.string("object_id"),
            createdAt: try row.date("created_at"), readAt: try row.optionalDate("read_at"))
    }
}
