import Foundation
import PinganCore
import PinganStore

/// The caller's in-app inbox (issue 3 §6).
public struct NotificationService: Sendable {
    private let env: ServiceEnvironment

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// A page of the inbox with the unread count.
    public struct Page: Sendable {
        /// Items, newest first.
        public var items: [InboxItem]
        /// Unread items in the whole inbox.
        public var unread: Int
        /// Pass back to get the next page; nil on the last.
        public var nextCursor: String?
    }

    /// The inbox of the signed-in user.
    public func inbox(for principal: Principal, unreadOnly: Bool, cursor: String?, limit: Int) async throws -> Page {
        guard (1...500).contains(limit) else {
            throw PinganError.invalid(field: "limit", rule: "range", detail: "limit is from 1 to 500")
        }
        var position: (Date, UUID)?
        if let cursor {
            let parts = cursor.split(separator: "_", maxSplits: 1).map(String.init)
            guard parts.count == 2, let time = Timestamp.parse(parts[0]), let id = UUID(uuidString: parts[1]) else {
                throw PinganError.invalid(
                    field: "cursor", rule: "format", detail: "the cursor is not one this API gave")
            }
            position = (time, id)
        }
        let before = position
        return try await env.provider.read { db in
            let repository = NotificationRepository(db)
            let items = try await repository.inbox(
                userID: principal.userID, unreadOnly: unreadOnly, before: before, limit: limit)
            let next = items.count == limit ? items.last.map { "\(Timestamp.format($0.createdAt))_\($0.id)" } : nil
            return Page(
                items: items, unread: try await repository.unreadCount(userID: principal.userID), nextCursor: next)
        }
    }

    /// Marks one item read; an item of another user is not found.
    public func markRead(id: UUID, for principal: Principal) async throws {
        let now = env.clock()
        let found = try await env.provider.transaction { db in
            try await NotificationRepository(db).markRead(id: id, userID: principal.userID, at: now)
        }
        if !found { throw PinganError.notFound(entity: "notification", id: id.uuidString) }
    }

    /// Marks every item read; returns how many were unread.
    public func markAllRead(for principal: Principal) async throws -> Int {
        let now = env.clock()
        return try await env.provider.transaction { db in
            try await NotificationRepository(db).markAllRead(userID: principal.userID, at: now)
        }
    }
}
