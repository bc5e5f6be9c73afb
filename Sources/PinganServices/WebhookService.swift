import Crypto
import Foundation
import Logging
import PinganCore
import PinganStore

/// Outbound webhooks (issue 3 §6): admins register them; the deliverer sends what the outbox holds, signed, with
/// retries and a delivery log.
///
/// Each POST carries `Content-Type: application/json`, `X-Pingan-Event`, `X-Pingan-Delivery` (the idempotency key,
/// also in the body) and `X-Pingan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>` — the
/// timestamp inside the signed text lets receivers refuse replays.
public struct WebhookService: Sendable {
    private let env: ServiceEnvironment
    private let transport: any WebhookTransport
    private let retry: RetrySchedule

    /// Creates the service.
    public init(
        _ env: ServiceEnvironment, transport: any WebhookTransport = URLSessionWebhookTransport(),
        retry: RetrySchedule = .standard
    ) {
        self.env = env
        self.transport = transport
        self.retry = retry
    }

    private var sealer: FieldSealer { FieldSealer(key: env.keys.fieldEncryption) }

    /// Registers a webhook for a unit (by code) or for all units; returns it with its secret, shown this once.
    public func create(
        url: String, unitCode: String?, events: [String], by actor: Actor
    ) async throws
        -> (WebhookSubscription, secret: String)
    {
        try actor.require(AccessPolicy.canManageOrganisation, "manage webhooks")
        try WebhookSubscription.validate(url: url, events: events)
        let secret =
            "whsec_"
            + Hex.lowercase(SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
        let sealed = try sealer.seal(secret)
        let now = env.clock()
        let hook = try await env.write { db, audit in
            var unitID: UUID?
            if let unitCode {
                guard let unit = try await UnitRepository(db).find(code: unitCode) else {
                    throw PinganError.invalid(
                        field: "unit_code", rule: "not_found", detail: "there is no unit with code '\(unitCode)'")
                }
                unitID = unit.id
            }
            let hook = WebhookSubscription(id: UUID(), unitID: unitID, url: url, events: events, active: true)
            try await WebhookRepository(db).insert(hook, sealedSecret: sealed, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "webhook.create", objectType: "webhook",
                    objectID: hook.id.uuidString,
                    change: [
                        "url": Self.redacted(url), "unit": unitCode ?? "*", "events": events.joined(separator: ","),
                    ]),
                at: now)
            return hook
        }
        return (hook, secret)
    }

    /// Every webhook; admins only.
    public func list(by actor: Actor) async throws -> [WebhookSubscription] {
        try actor.require(AccessPolicy.canManageOrganisation, "manage webhooks")
        return try await env.provider.read { db in try await WebhookRepository(db).list() }
    }

    /// Switches a webhook on or off.
    public func setActive(_ active: Bool, id: UUID, by actor: Actor) async throws {
        try actor.require(AccessPolicy.canManageOrganisation, "manage webhooks")
        let now = env.clock()
        try await env.write { db, audit in
            guard try await WebhookRepository(db).find(id: id) != nil else {
                throw PinganError.notFound(entity: "webhook", id: id.uuidString)
            }
            try await WebhookRepository(db).setActive(active, id: id, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: active ? "webhook.activate" : "webhook.deactivate",
                    objectType: "webhook", objectID: id.uuidString),
                at: now)
        }
    }

    /// The delivery log of a webhook, newest first.
    public func deliveries(id: UUID, limit: Int = 100, by actor: Actor) async throws -> [OutboxRepository.Delivery] {
        try actor.require(AccessPolicy.canManageOrganisation, "manage webhooks")
        return try await env.provider.read { db in
            try await OutboxRepository(db).deliveries(webhookID: id, limit: limit)
        }
    }

    /// One delivery pass: sends every due message once and records each attempt. Returns the attempts made.
    ///
    /// A message is marked delivered only after a 2xx answer; a crash between sending and recording sends it again
    /// later with the same idempotency key (at-least-once, deduplicated by the receiver). One message failing — its
    /// secret unreadable, its receiver down — never stops the others. Messages of a deactivated webhook wait until it
    /// is active again. The pass stops taking new messages after `budget` so that it ends well inside its lease.
    @discardableResult
    public func deliverDue(limit: Int = 100, budget: Duration = .seconds(10)) async throws -> Int {
        let started = ContinuousClock.now
        let due = try await env.provider.read { [env] db in
            try await OutboxRepository(db).due(at: env.clock(), limit: limit)
        }
        var attempts = 0
        for message in due where ContinuousClock.now - started < budget {
            let target = try await env.provider.read { db in try await WebhookRepository(db).find(id: message.webhookID)
            }
            guard let (hook, sealedSecret) = target, hook.active else { continue }
            let now = env.clock()
            var status: Int?
            var failure: String?
            let sentAt = ContinuousClock.now
            do {
                let secret = try sealer.open(sealedSecret)
                let body = Data(message.payload.utf8)
                let timestamp = Int(now.timeIntervalSince1970)
                let signature = Self.signature(secret: secret, timestamp: timestamp, body: body)
                let headers = [
                    "Content-Type": "application/json", "X-Pingan-Event": message.event,
                    "X-Pingan-Delivery": message.idempotencyKey, "X-Pingan-Signature": "t=\(timestamp),v1=\(signature)",
                ]
                status = try await transport.post(url: hook.url, headers: headers, body: body, timeout: 10)
                if let code = status, !(200..<300).contains(code) { failure = "HTTP \(code)" }
            } catch {
                failure = String(String(describing: error).prefix(500))
            }
            let elapsed = ContinuousClock.now - sentAt
            let milliseconds = Int(
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            let next = failure == nil ? nil : retry.nextAttempt(after: message.attempts + 1, failedAt: now)
            let (code, error) = (status, failure)
            try await env.provider.transaction { db in
                try await OutboxRepository(db).recordAttempt(
                    message, at: now, statusCode: code, error: error, durationMS: milliseconds, nextAttempt: next)
            }
            attempts += 1
            if let failure {
                env.logger.warning(
                    "webhook delivery failed",
                    metadata: [
                        "webhook": "\(hook.id)", "event": "\(message.event)", "attempt": "\(message.attempts + 1)",
                        "error": "\(failure)", "gave_up": "\(next == nil)",
                    ])
            }
        }
        return attempts
    }

    /// A URL without its query and fragment, which often carry access tokens (robot webhooks), for the audit log.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparseable)" }
        components.query = nil
        components.fragment = nil
        components.user = nil
        components.password = nil
        return components.string ?? "(unparseable)"
    }

    /// The `v1` signature: hex HMAC-SHA256 under `secret` of `"<timestamp>.<body>"`.
    public static func signature(secret: String, timestamp: Int, body: Data) -> String {
        var message = Data("\(timestamp).".utf8)
        message.append(body)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: Data(secret.utf8)))
        return Hex.lowercase(Data(mac))
    }
}
