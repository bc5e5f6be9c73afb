import Foundation
import PinganCore
import PinganStore
import SQLKit

/// Something that happened which people and other systems must hear about: an escalation, an assignment, a
/// supervision (issue 3 §6).
public struct Notice: Sendable, Equatable {
    /// Unique per effect (for example `escalation:<case id>:<step key>`): replaying the same effect adds nothing.
    public var eventKey: String
    /// The event name sent to webhooks (`case.escalated`).
    public var event: String
    /// The unit the event belongs to (webhooks of that unit and global ones receive it).
    public var unitID: UUID?
    /// Users whose inbox gets it.
    public var recipients: [UUID]
    /// Inbox kind (`escalation`).
    public var kind: String
    /// Inbox title.
    public var title: String
    /// Inbox text.
    public var body: String
    /// Object kind (`case`).
    public var objectType: String
    /// Object id or number.
    public var objectID: String
    /// Facts for webhook receivers (never personal data).
    public var data: [String: String]
    /// When it happened.
    public var at: Date

    /// Creates a notice.
    public init(
        eventKey: String, event: String, unitID: UUID?, recipients: [UUID], kind: String, title: String, body: String,
        objectType: String, objectID: String, data: [String: String] = [:], at: Date
    ) {
        self.eventKey = eventKey
        self.event = event
        self.unitID = unitID
        self.recipients = recipients
        self.kind = kind
        self.title = title
        self.body = body
        self.objectType = objectType
        self.objectID = objectID
        self.data = data
        self.at = at
    }
}

/// Records notices inside the caller's transaction: one inbox item per recipient and one outbox message per matching
/// webhook, each keyed by the notice's event key, so the change, its notifications and its outgoing messages commit
/// together, and a replay adds nothing.
public struct Notifier: Sendable {
    /// Creates a notifier.
    public init() {}

    /// Records `notice` on `db` (a transaction); returns how many inbox items and outbox messages were added.
    @discardableResult
    public func record(_ notice: Notice, on db: any SQLDatabase) async throws -> (inbox: Int, outbox: Int) {
        var inbox = 0
        for recipient in Set(notice.recipients).sorted(by: { $0.uuidString < $1.uuidString }) {
            let added = try await NotificationRepository(db).insert(
                InboxItem(
                    id: UUID(), userID: recipient, eventKey: notice.eventKey, kind: notice.kind, title: notice.title,
                    body: notice.body, objectType: notice.objectType, objectID: notice.objectID, createdAt: notice.at))
            if added { inbox += 1 }
        }
        var outbox = 0
        for hook in try await WebhookRepository(db).list(activeOnly: true)
        where hook.wants(event: notice.event, unit: notice.unitID) {
            let key = "\(notice.eventKey)@\(hook.id.uuidString)"
            let added = try await OutboxRepository(db).enqueue(
                .init(
                    id: UUID(), webhookID: hook.id, idempotencyKey: key, event: notice.event,
                    payload: Self.payload(notice, idempotencyKey: key), createdAt: notice.at, availableAt: notice.at))
            if added { outbox += 1 }
        }
        return (inbox, outbox)
    }

    /// The JSON body a webhook receives.
    static func payload(_ notice: Notice, idempotencyKey: String) -> String {
        struct Body: Encodable {
            var idempotencyKey: String
            var event: String
            var occurredAt: String
            var objectType: String
            var objectId: String
            var title: String
            var data: [String: String]
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(
            idempotencyKey: idempotencyKey, event: notice.event, occurredAt: Timestamp.format(notice.at),
            objectType: notice.objectType, objectId: notice.objectID, title: notice.title, data: notice.data)
        return (try? encoder.encode(body)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
