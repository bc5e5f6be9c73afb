import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

/// The caller's inbox and, for admins, outbound webhooks with their delivery log (issue 3 §6).
struct NotificationsController {
    let notifications: NotificationService
    let webhooks: WebhookService

    struct InboxDTO: ResponseEncodable {
        var items: [InboxItemDTO]
        var unreadCount: Int
        var nextCursor: String?
    }

    struct InboxItemDTO: Encodable {
        var id: UUID
        var kind: String
        var title: String
        var body: String
        var objectType: String
        var objectId: String
        var createdAt: Date
        var readAt: Date?
    }

    struct CountDTO: ResponseEncodable {
        var marked: Int
    }

    struct NewWebhook: Decodable {
        var url: String
        var unitCode: String?
        var events: [String]?
    }

    struct WebhookDTO: ResponseEncodable {
        var id: UUID
        var unitId: UUID?
        var url: String
        var events: [String]
        var active: Bool
        var secret: String?
    }

    struct DeliveryDTO: Encodable {
        var outboxId: UUID
        var event: String
        var idempotencyKey: String
        var attempt: Int
        var at: Date
        var statusCode: Int?
        var error: String?
        var durationMs: Int
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("notifications") { request, context -> InboxDTO in
            let principal = try context.requirePrincipal()
            let query = request.uri.queryParameters
            guard let limit = Int(query.get("limit") ?? "50") else {
                throw PinganError.invalid(field: "limit", rule: "format", detail: "limit is a whole number")
            }
            let page = try await notifications.inbox(
                for: principal, unreadOnly: query.get("unread") == "true", cursor: query.get("cursor"), limit: limit)
            return InboxDTO(
                items: page.items.map {
                    InboxItemDTO(
                        id: $0.id, kind: $0.kind, title: $0.title, body: $0.body, objectType: $0.objectType,
                        objectId: $0.objectID, createdAt: $0.createdAt, readAt: $0.readAt)
                }, unreadCount: page.unread, nextCursor: page.nextCursor)
        }
        group.post("notifications/{id}/read") { _, context -> HTTPResponse.Status in
            let principal = try context.requirePrincipal()
            try await notifications.markRead(
                id: try context.uuidParameter("id", entity: "notification"), for: principal)
            return .noContent
        }
        group.post("notifications/read-all") { _, context -> CountDTO in
            CountDTO(marked: try await notifications.markAllRead(for: try context.requirePrincipal()))
        }

        group.get("webhooks") { _, context -> Page<WebhookDTO> in
            let hooks = try await webhooks.list(by: try context.actor())
            return Page(items: hooks.map { WebhookDTO($0, secret: nil) })
        }
        group.post("webhooks") { request, context -> EditedResponse<WebhookDTO> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: NewWebhook.self, context: context)
            let (hook, secret) = try await webhooks.create(
                url: body.url, unitCode: body.unitCode, events: body.events ?? [], by: actor)
            var headers = HTTPFields()
            headers[.location] = "/api/v1/webhooks/\(hook.id.uuidString)"
            return EditedResponse(status: .created, headers: headers, response: WebhookDTO(hook, secret: secret))
        }
        group.post("webhooks/{id}/deactivate") { _, context -> HTTPResponse.Status in
            try await webhooks.setActive(
                false, id: try context.uuidParameter("id", entity: "webhook"), by: context.actor())
            return .noContent
        }
        group.post("webhooks/{id}/activate") { _, context -> HTTPResponse.Status in
            try await webhooks.setActive(
                true, id: try context.uuidParameter("id", entity: "webhook"), by: context.actor())
            return .noContent
        }
        group.get("webhooks/{id}/deliveries") { _, context -> Page<DeliveryDTO> in
            let deliveries = try await webhooks.deliveries(
                id: try context.uuidParameter("id", entity: "webhook"), by: context.actor())
            return Page(
                items: deliveries.map {
                    DeliveryDTO(
                        outboxId: $0.outboxID, event: $0.event, idempotencyKey: $0.idempotencyKey, attempt: $0.attempt,
                        at: $0.at, statusCode: $0.statusCode, error: $0.error, durationMs: $0.durationMS)
                })
        }
    }
}

extension NotificationsController.WebhookDTO {
    init(_ hook: WebhookSubscription, secret: String?) {
        self.init(
            id: hook.id, unitId: hook.unitID, url: hook.url, events: hook.events, active: hook.active, secret: secret)
    }
}
