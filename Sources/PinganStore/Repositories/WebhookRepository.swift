import Foundation
import PinganCore
import SQLKit

/// Webhook subscriptions in the store; their secrets are sealed (AES-GCM) at rest.
public struct WebhookRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Stores a subscription with its sealed secret.
    public func insert(_ hook: WebhookSubscription, sealedSecret: String, at time: Date) async throws {
        let now = Timestamp.format(time)
        try await db.raw(
            """
            INSERT INTO webhooks (id, unit_id, url, sealed_secret, events, active, created_at, updated_at)
            VALUES (\(bind: hook.id.uuidString), \(bind: hook.unitID?.uuidString), \(bind: hook.url),
                \(bind: sealedSecret), \(bind: UnitRepository.encode(hook.events)), \(bind: hook.active ? 1 : 0),
                \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// Every subscription, or only active ones.
    public func list(activeOnly: Bool = false) async throws -> [WebhookSubscription] {
        var sql: SQLQueryString = "SELECT * FROM webhooks"
        if activeOnly { sql += " WHERE active = 1" }
        sql += " ORDER BY created_at, id"
        return try await db.raw(sql).all().map(Self.hook)
    }

    /// The subscription with `id` and its sealed secret.
    public func find(id: UUID) async throws -> (WebhookSubscription, sealedSecret: String)? {
        guard let row = try await db.raw("SELECT * FROM webhooks WHERE id = \(bind: id.uuidString)").first() else {
            return nil
        }
        return (try Self.hook(row), try row.string("sealed_secret"))
    }

    /// Switches deliveries on or off.
    public func setActive(_ active: Bool, id: UUID, at time: Date) async throws {
        try await db.raw(
            """
            UPDATE webhooks SET active = \(bind: active ? 1 : 0), updated_at = \(bind: Timestamp.format(time))
            WHERE id = \(bind: id.uuidString)
            """
        ).run()
    }

    static func hook(_ row: any SQLRow) throws -> WebhookSubscription {
        let eventsText = try row.string("events")
        guard let events = try? JSONDecoder().decode([String].self, from: Data(eventsText.utf8)) else {
            throw StoreError.corrupt(column: "events", value: eventsText)
        }
        return WebhookSubscription(
            id: try row.uuid("id"), unitID: try row.optionalUUID("unit_id"), url: try row.string("url"),
            events: events, active: try row.int("active") != 0)
    }
}
