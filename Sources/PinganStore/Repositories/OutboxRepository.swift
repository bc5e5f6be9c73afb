import Foundation
import PinganCore
import SQLKit

/// Messages waiting to leave the process (issue 3 §6; DESIGN principle 4): written in the same transaction as the
/// change that caused them, delivered at least once, each with an idempotency key so receivers see each effect once.
public struct OutboxRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// A message for one webhook.
    public struct Message: Sendable, Equatable {
        /// Identifier.
        public var id: UUID
        /// The subscription it goes to.
        public var webhookID: UUID
        /// Unique per effect and subscription; sent in the payload and the `X-Pingan-Delivery` header.
        public var idempotencyKey: String
        /// The event name (`case.escalated`).
        public var event: String
        /// The JSON body.
        public var payload: String
        /// When it was written.
        public var createdAt: Date
        /// When it may next be attempted.
        public var availableAt: Date
        /// Attempts made so far.
        public var attempts: Int
        /// The last failure.
        public var lastError: String?
        /// When a receiver acknowledged it (2xx).
        public var deliveredAt: Date?
        /// When delivery was given up.
        public var deadAt: Date?

        /// Creates a message.
        public init(
            id: UUID, webhookID: UUID, idempotencyKey: String, event: String, payload: String, createdAt: Date,
            availableAt: Date, attempts: Int = 0, lastError: String? = nil, deliveredAt: Date? = nil,
            deadAt: Date? = nil
        ) {
            self.id = id
            self.webhookID = webhookID
            self.idempotencyKey = idempotencyKey
            self.event = event
            self.payload = payload
            self.createdAt = createdAt
            self.availableAt = availableAt
            self.attempts = attempts
            self.lastError = lastError
            self.deliveredAt = deliveredAt
            self.deadAt = deadAt
        }
    }

    /// Adds a message unless one with the same idempotency key exists; returns whether it was added.
    @discardableResult
    public func enqueue(_ message: Message) async throws -> Bool {
        let rows = try await db.raw(
            """
            INSERT INTO outbox (id, webhook_id, idempotency_key, event, payload, created_at, available_at)
            VALUES (\(bind: message.id.uuidString), \(bind: message.webhookID.uuidString),
                \(bind: message.idempotencyKey), \(bind: message.event), \(bind: message.payload),
                \(bind: Timestamp.format(message.createdAt)), \(bind: Timestamp.format(message.availableAt)))
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Messages of active webhooks due at `time`, oldest first (a deactivated webhook's messages wait, without
    /// holding up the others).
    public func due(at time: Date, limit: Int) async throws -> [Message] {
        try await db.raw(
            """
            SELECT o.* FROM outbox o JOIN webhooks w ON w.id = o.webhook_id AND w.active = 1
            WHERE o.delivered_at IS NULL AND o.dead_at IS NULL AND o.available_at <= \(bind: Timestamp.format(time))
            ORDER BY o.available_at, o.created_at LIMIT \(literal: max(1, limit))
            """
        ).all().map(Self.message)
    }

    /// Records one attempt: delivered, retried later, or given up; and its line in the delivery log.
    public func recordAttempt(
        _ message: Message, at time: Date, statusCode: Int?, error: String?, durationMS: Int, nextAttempt: Date?
    ) async throws {
        let attempt = message.attempts + 1
        let now = Timestamp.format(time)
        if error == nil {
            try await db.raw(
                """
                UPDATE outbox SET attempts = \(bind: attempt), delivered_at = \(bind: now), last_error = NULL
                WHERE id = \(bind: message.id.uuidString)
                """
            ).run()
        } else if let nextAttempt {
            try await db.raw(
                """
                UPDATE outbox SET attempts = \(bind: attempt), last_error = \(bind: error),
                    available_at = \(bind: Timestamp.format(nextAttempt))
                WHERE id = \(bind: message.id.uuidString)
                """
            ).run()
        } else {
            try await db.raw(
                """
                UPDATE outbox SET attempts = \(bind: attempt), last_error = \(bind: error), dead_at = \(bind: now)
                WHERE id = \(bind: message.id.uuidString)
                """
            ).run()
        }
        try await db.raw(
            """
            INSERT INTO webhook_deliveries (id, outbox_id, attempt, at, status_code, error, duration_ms)
            VALUES (\(bind: UUID().uuidString), \(bind: message.id.uuidString), \(bind: attempt), \(bind: now),
                \(bind: statusCode), \(bind: error), \(bind: durationMS))
            """
        ).run()
    }

    /// The message with `id`.
    public func find(id: UUID) async throws -> Message? {
        try await db.raw("SELECT * FROM outbox WHERE id = \(bind: id.uuidString)").first().map(Self.message)
    }

    /// One attempt in the delivery log.
    public struct Delivery: Sendable, Equatable {
        /// The message.
        public var outboxID: UUID
        /// The event name.
        public var event: String
        /// The idempotency key.
        public var idempotencyKey: String
        /// Attempt number, from 1.
        public var attempt: Int
        /// When it was made.
        public var at: Date
        /// The receiver's HTTP status, if it answered.
        public var statusCode: Int?
        /// What went wrong, if anything.
        public var error: String?
        /// How long it took.
        public var durationMS: Int
    }

    /// The delivery log of a webhook, newest first.
    public func deliveries(webhookID: UUID, limit: Int) async throws -> [Delivery] {
        try await db.raw(
            """
            SELECT d.*, o.event, o.idempotency_key FROM webhook_deliveries d JOIN outbox o ON o.id = d.outbox_id
            WHERE o.webhook_id = \(bind: webhookID.uuidString)
            ORDER BY d.at DESC, d.attempt DESC LIMIT \(literal: max(1, min(limit, 1000)))
            """
        ).all().map { row in
            Delivery(
                outboxID: try row.uuid("outbox_id"), event: try row.string("event"),
                idempotencyKey: try row.string("idempotency_key"), attempt: try row.int("attempt"),
                at: try row.date("at"), statusCode: try row.decode(column: "status_code", as: Int?.self),
                error: try row.optionalString("error"), durationMS: try row.int("duration_ms"))
        }
    }

    static func message(_ row: any SQLRow) throws -> Message {
        Message(
            id: try row.uuid("id"), webhookID: try row.uuid("webhook_id"),
            idempotencyKey: try row.string("idempotency_key"), event: try row.string("event"),
            payload: try row.string("payload"), createdAt: try row.date("created_at"),
            availableAt: try row.date("available_at"), attempts: try row.int("attempts"),
            lastError: try row.optionalString("last_error"), deliveredAt: try row.optionalDate("delivered_at"),
            deadAt: try row.optionalDate("dead_at"))
    }
}
