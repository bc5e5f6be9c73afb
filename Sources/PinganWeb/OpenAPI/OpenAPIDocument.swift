import Foundation

/// The OpenAPI 3.1 document of Pingan's HTTP API (issue 3 §9), served at `GET /api/v1/openapi.json` and printed by
/// `pingan openapi`.
///
/// It is written by hand beside the controllers, so a test compares its paths and methods with the routes the real
/// router registers, and another checks that every `$ref` resolves and every operation has responses.
public enum OpenAPIDocument {
    /// The path the document is served at.
    public static let path = "/api/v1/openapi.json"

    /// The whole document.
    public static var value: OpenAPIValue {
        var paths: [String: OpenAPIValue] = [:]
        for operation in operations {
            paths[operation.path] = (paths[operation.path] ?? [:])
                .merging([operation.method.rawValue: operation.value])
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Pingan API", "version": "1",
                "summary": "Risk early-warning and disposal for social-governance centres (平安).",
                "description": .string(description),
            ],
            "servers": [["url": "/"]],
            "tags": .array(
                tags.map { tag -> OpenAPIValue in ["name": .string(tag.0), "description": .string(tag.1)] }),
            "paths": .object(paths),
            "components": [
                "schemas": .object(schemas),
                "responses": .object(OpenAPIResponses.components),
                "headers": [
                    "X-Request-Id": [
                        "description": "The request's id in the server log and in problem documents.",
                        "schema": ["type": "string"],
                    ]
                ],
                "securitySchemes": [
                    "bearerAuth": [
                        "type": "http", "scheme": "bearer",
                        "description": "An API token from `POST /api/v1/auth/token` or `POST /api/v1/tokens`.",
                    ],
                    "sessionCookie": [
                        "type": "apiKey", "in": "cookie", "name": .string(AuthMiddleware.cookieName),
                        "description": "The web session from `POST /api/v1/auth/session` (HttpOnly, SameSite=Lax).",
                    ],
                    "csrfToken": [
                        "type": "apiKey", "in": "header", "name": "X-CSRF-Token",
                        "description": .string(
                            "With the session cookie, every request other than GET, HEAD and OPTIONS needs the "
                                + "`csrf_token` the session endpoint returned, or it is refused with 403."),
                    ],
                ],
            ],
        ]
    }

    /// The document as JSON (keys sorted, slashes unescaped).
    public static func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        return try encoder.encode(value)
    }

    /// Every documented operation.
    static var operations: [OpenAPIOperation] {
        systemOperations + accountOperations + caseOperations + ledgerOperations + policyOperations
            + notificationOperations + assessmentOperations + feedbackOperations
    }

    private static let description = """
        JSON with snake_case keys; times are ISO 8601 with an offset on input and UTC with milliseconds on output. \
        An optional field is left out of a response rather than sent as null. Every error is an RFC 9457 problem \
        document (`application/problem+json`) with the request id; validation problems name every field at once. \
        Objects a caller may not see answer 404, not 403. Lists page with an opaque `cursor` (`next_cursor` of the \
        previous page).
        """

    private static let tags: [(String, String)] = [
        ("system", "Liveness, readiness, metrics and this document."),
        ("auth", "Signing in and out, sessions, API tokens."),
        ("organisation", "Regions, units and their leaders, users (admin writes)."),
        ("audit", "The append-only, verifiable audit log."),
        ("cases", "The case ledger (台账): intake, list, export, timeline, lifecycle actions, parties."),
        ("routing", "The routing table and the router's proposals (谁主管谁负责, 属地管理)."),
        ("policies", "SLA and escalation policies and the working-day calendar: versioned documents (admin writes)."),
        ("metrics", "Ledger metrics per unit or region, every number explained."),
        ("reconciliation", "Monthly reconciliation (每月交账) and joint consultations."),
        ("notifications", "The caller's inbox and outbound webhooks."),
        ("lists", "Responsibility lists (责任清单): import, versions, activation for a period and region."),
        ("assessment", "Scoring (考核), incidents and deductions (负面清单), appeals (申诉), scorecards and ranking."),
        ("ladder", "The accountability ladder (通报 → 约谈 → 挂牌督办 → 一票否决) and honours eligibility."),
        ("open311", "API keys of the client systems that post to the Open311 GeoReport v2 server at /open311/v2."),
        ("feedback", "Citizen feedback (好差评) on resolved cases."),
        ("imports", "Batch imports: 12345 hotline work orders."),
    ]
}
