import Foundation
import PinganCore
import PinganStore

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// The ledger's filters, shared by the list and the CSV export (`CaseQueryParser`).
    static var caseFilters: [OpenAPIValue] {
        [
            P.repeated("status", "Only these statuses.", items: S.enumeration(CaseStatus.self)),
            P.repeated("kind", "Only these kinds.", items: S.enumeration(CaseKind.self)),
            P.repeated(
                "category", "Only these categories: an exact code, or `prefix.*` for a whole domain.",
                items: S.string()),
            P.repeated("level", "Only these warning levels.", items: S.enumeration(WarningLevel.self)),
            P.query(
                "unit", "Only cases of this unit (responsible or participating), by unit code.", schema: S.string()),
            P.query("region", "Only cases in this region's subtree, by region code.", schema: S.string()),
            P.query("source", "Only cases from this channel.", schema: S.enumeration(SourceChannel.self)),
            P.query("from", "Created at or after (ISO 8601 with an offset).", schema: S.dateTime()),
            P.query("to", "Created before (ISO 8601 with an offset).", schema: S.dateTime()),
            P.query(
                "overdue", "`true`: only open, unresolved cases past their deadline now (`false` does not filter).",
                schema: S.boolean()),
            P.query("supervised", "Only supervised (`true`) or unsupervised (`false`) cases.", schema: S.boolean()),
            P.query(
                "sort", "Order: newest first (default), oldest first, or earliest deadline first.",
                schema: S.enumeration(CaseRepository.Query.Sort.self)),
        ]
    }

    /// The case ledger.
    static var caseOperations: [OpenAPIOperation] {
        let key = P.path("key", "The case's number (`PA-2026-000123`) or id.")
        return [
            .init(
                method: .post, path: "/api/v1/cases", operationID: "createCase", tag: "cases",
                summary: "Open a case (受理)",
                description: "Deadlines left out are set by the SLA policy and the holiday calendar. The answer "
                    + "suggests recent similar open cases as possible duplicates.",
                body: S.ref("NewCase"),
                responses: [
                    201: R.json("Opened.", S.ref("Intake"), headers: ["Location": R.location])
                ]),
            .init(
                method: .get, path: "/api/v1/cases", operationID: "listCases", tag: "cases",
                summary: "The ledger within the caller's scope, filtered and paged",
                parameters: caseFilters + [
                    P.query("cursor", "The `next_cursor` of the previous page.", schema: S.string()),
                    P.query("limit", "Page size (default 50).", schema: S.integer(minimum: 1, maximum: 1000)),
                ],
                responses: [200: R.json("A page of cases.", S.ref("CaseList"))], errors: [422]),
            .init(
                method: .get, path: LedgerCSV.path, operationID: "exportCases", tag: "cases",
                summary: "The ledger as CSV (台账导出): every case the filters select within the caller's scope",
                description: LedgerCSV.documentation, parameters: caseFilters,
                responses: [
                    200: [
                        "description": "UTF-8 CSV with a byte-order mark and a header row; one row per case.",
                        "content": ["text/csv": ["schema": ["type": "string"]]],
                        "headers": [
                            "X-Request-Id": R.requestIDHeader,
                            "Content-Disposition": [
                                "description": .string(
                                    "`attachment; filename=\"ledger-YYYYMMDD.csv\"` (the date in China Standard "
                                        + "Time)."),
                                "schema": ["type": "string"],
                            ],
                        ],
                    ]
                ], errors: [422]),
            .init(
                method: .get, path: "/api/v1/cases/{key}", operationID: "getCase", tag: "cases",
                summary: "One case and the actions the caller may take on it", parameters: [key],
                responses: [200: R.json("The case.", S.ref("CaseWithActions"))], errors: [404]),
            .init(
                method: .get, path: "/api/v1/cases/{key}/events", operationID: "listCaseEvents", tag: "cases",
                summary: "The case's timeline, oldest first", parameters: [key],
                responses: [200: R.json("The timeline.", S.page(of: S.ref("CaseEvent"), cursor: false))],
                errors: [404]),
            .init(
                method: .get, path: "/api/v1/cases/{key}/parties", operationID: "listCaseParties", tag: "cases",
                summary: "The case's parties (personal data): for the handling units only, every read audited",
                parameters: [key],
                responses: [200: R.json("The parties.", S.page(of: S.ref("Party"), cursor: false))],
                errors: [403, 404]),
            .init(
                method: .post, path: "/api/v1/cases/{key}/actions", operationID: "actOnCase", tag: "cases",
                summary: "Take a lifecycle action on the version the client last saw",
                description: "A stale `version` answers 409 naming the current one; an action the state does not "
                    + "allow answers 409 with `allowed`.",
                parameters: [key], body: S.ref("CaseActionRequest"),
                responses: [200: R.json("The changed case.", S.ref("CaseWithActions"))], errors: [404, 409]),
            .init(
                method: .get, path: "/api/v1/categories", operationID: "listCategories", tag: "cases",
                summary: "The active case categories",
                responses: [200: R.json("The categories.", S.page(of: S.ref("Category"), cursor: false))]),
        ]
    }

    /// The inbox and webhooks.
    static var notificationOperations: [OpenAPIOperation] {
        let id = P.path("id", "The webhook's id.", schema: S.uuid())
        return [
            .init(
                method: .get, path: "/api/v1/notifications", operationID: "listNotifications",
                tag: "notifications", summary: "The caller's inbox, newest first, with the unread count",
                parameters: [
                    P.query("unread", "`true`: only unread items.", schema: S.boolean()),
                    P.query("cursor", "The `next_cursor` of the previous page.", schema: S.string()),
                    P.query("limit", "Page size (default 50).", schema: S.integer()),
                ],
                responses: [200: R.json("A page of the inbox.", S.ref("Inbox"))], errors: [422]),
            .init(
                method: .post, path: "/api/v1/notifications/{id}/read", operationID: "markNotificationRead",
                tag: "notifications", summary: "Mark one item read",
                parameters: [P.path("id", "The item's id.", schema: S.uuid())], responses: [204: R.empty("Done.")],
                errors: [404]),
            .init(
                method: .post, path: "/api/v1/notifications/read-all", operationID: "markAllNotificationsRead",
                tag: "notifications", summary: "Mark every item read",
                responses: [200: R.json("How many were unread.", S.ref("MarkedCount"))]),
            .init(
                method: .get, path: "/api/v1/webhooks", operationID: "listWebhooks", tag: "notifications",
                summary: "Outbound webhooks (admins); secrets are not shown",
                responses: [200: R.json("The webhooks.", S.page(of: S.ref("Webhook"), cursor: false))],
                errors: [403]),
            .init(
                method: .post, path: "/api/v1/webhooks", operationID: "createWebhook", tag: "notifications",
                summary: "Add a webhook (admins); the signing secret is returned this once",
                body: S.ref("NewWebhook"),
                responses: [201: R.json("Created.", S.ref("Webhook"), headers: ["Location": R.location])],
                errors: [404]),
            .init(
                method: .post, path: "/api/v1/webhooks/{id}/deactivate", operationID: "deactivateWebhook",
                tag: "notifications", summary: "Stop delivering to a webhook (admins)", parameters: [id],
                responses: [204: R.empty("Done.")], errors: [404]),
            .init(
                method: .post, path: "/api/v1/webhooks/{id}/activate", operationID: "activateWebhook",
                tag: "notifications", summary: "Resume delivering to a webhook (admins)", parameters: [id],
                responses: [204: R.empty("Done.")], errors: [404]),
            .init(
                method: .get, path: "/api/v1/webhooks/{id}/deliveries", operationID: "listWebhookDeliveries",
                tag: "notifications", summary: "The delivery log of a webhook (admins)", parameters: [id],
                responses: [
                    200: R.json("Delivery attempts.", S.page(of: S.ref("WebhookDelivery"), cursor: false))
                ], errors: [403, 404]),
        ]
    }
}
