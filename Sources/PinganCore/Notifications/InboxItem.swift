import Foundation

/// A notification in a user's in-app inbox (issue 3 §6): an escalation, an assignment, a supervision.
///
/// Named `InboxItem` because Foundation already has a `Notification`.
public struct InboxItem: Sendable, Equatable, Codable {
    /// Identifier.
    public var id: UUID
    /// The recipient.
    public var userID: UUID
    /// The event this notifies of; one item per user and event, however often the event is replayed.
    public var eventKey: String
    /// What happened (`escalation`, `assignment`, `supervision`, …).
    public var kind: String
    /// A one-line title.
    public var title: String
    /// The text.
    public var body: String
    /// The kind of object it is about (`case`).
    public var objectType: String
    /// The object's id or number.
    public var objectID: String
    /// When it was created.
    public var createdAt: Date
    /// When the user read it.
    public var readAt: Date?

    /// Creates an item.
    public init(
        id: UUID, userID: UUID, eventKey: String, kind: String, title: String, body: String, objectType: String,
        objectID: String, createdAt: Date, readAt: Date? = nil
    ) {
        self.id = id
        self.userID = userID
        self.eventKey = eventKey
        self.kind = kind
        self.title = title
        self.body = body
        self.objectType = objectType
        self.objectID = objectID
        self.createdAt = createdAt
        self.readAt = readAt
    }
}
