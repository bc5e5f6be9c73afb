import Foundation

extension OpenAPIDocument {
    private typealias S = OpenAPISchema
    private typealias R = OpenAPIResponses
    private typealias P = OpenAPIParameter

    /// `/healthz`, `/readyz`, `/metrics` and this document.
    static var systemOperations: [OpenAPIOperation] {
        [
            .init(
                method: .get, path: "/healthz", operationID: "health", tag: "system", summary: "Liveness",
                access: .anyone, responses: [200: R.json("The process is up.", S.ref("Status"))]),
            .init(
                method: .get, path: "/readyz", operationID: "readiness", tag: "system",
                summary: "Readiness: the database answers", access: .anyone,
                responses: [200: R.json("Ready to serve.", S.ref("Status"))], errors: [503]),
            .init(
                method: .get, path: "/metrics", operationID: "metrics", tag: "system",
                summary: "Prometheus metrics", access: .anyone,
                responses: [
                    200: R.content(
                        "Metrics in the Prometheus text format 0.0.4.", mediaType: "text/plain", S.string())
                ]),
            .init(
                method: .get, path: path, operationID: "openapi", tag: "system", summary: "This OpenAPI document",
                access: .anyone,
                responses: [200: R.json("The OpenAPI 3.1 document.", ["type": "object"])]),
        ]
    }

    /// Signing in and out, tokens, organisation and audit.
    static var accountOperations: [OpenAPIOperation] {
        authOperations + organisationOperations + userOperations + auditOperations
    }

    private static var authOperations: [OpenAPIOperation] {
        [
            .init(
                method: .post, path: "/api/v1/auth/token", operationID: "createLoginToken", tag: "auth",
                summary: "Sign in and get a bearer token", access: .anyone, body: S.ref("Credentials"),
                responses: [201: R.json("Signed in.", S.ref("Token"))], errors: [423, 429]),
            .init(
                method: .delete, path: "/api/v1/auth/token", operationID: "revokeLoginToken", tag: "auth",
                summary: "Sign out: revoke the bearer token in use", responses: [204: R.empty("Revoked.")]),
            .init(
                method: .post, path: "/api/v1/auth/session", operationID: "createSession", tag: "auth",
                summary: "Sign in to the web: a session cookie and its CSRF token", access: .anyone,
                body: S.ref("Credentials"),
                responses: [
                    201: R.json(
                        "Signed in; the cookie is set.", S.ref("Session"),
                        headers: [
                            "Set-Cookie": [
                                "description": .string("`\(AuthMiddleware.cookieName)=…; HttpOnly; SameSite=Lax`"),
                                "schema": ["type": "string"],
                            ]
                        ])
                ], errors: [423, 429]),
            .init(
                method: .delete, path: "/api/v1/auth/session", operationID: "deleteSession", tag: "auth",
                summary: "Sign out of the web: revoke the session and clear the cookie",
                responses: [204: R.empty("Signed out.")]),
            .init(
                method: .get, path: "/api/v1/me", operationID: "me", tag: "auth", summary: "Who the caller is",
                responses: [200: R.json("The caller.", S.ref("Me"))]),
            .init(
                method: .post, path: "/api/v1/tokens", operationID: "createToken", tag: "auth",
                summary: "Issue an API token for a user (admins)", body: S.ref("NewToken"),
                responses: [201: R.json("Issued; the token is shown this once.", S.ref("Token"))], errors: [404]),
            .init(
                method: .delete, path: "/api/v1/tokens/{id}", operationID: "revokeToken", tag: "auth",
                summary: "Revoke an API token", parameters: [P.path("id", "The token id.", schema: S.uuid())],
                responses: [204: R.empty("Revoked.")], errors: [404]),
        ]
    }

    private static var organisationOperations: [OpenAPIOperation] {
        let created = ["Location": R.location]
        let code = P.path("code", "The unit's code.")
        return [
            .init(
                method: .get, path: "/api/v1/regions", operationID: "listRegions", tag: "organisation",
                summary: "The region tree, as far as the caller may see it",
                responses: [200: R.json("The regions.", S.page(of: S.ref("Region"), cursor: false))]),
            .init(
                method: .post, path: "/api/v1/regions", operationID: "createRegion", tag: "organisation",
                summary: "Add a region (admins)", body: S.ref("NewRegion"),
                responses: [201: R.json("Created.", S.ref("Region"), headers: created)], errors: [409]),
            .init(
                method: .get, path: "/api/v1/regions/{code}", operationID: "getRegion", tag: "organisation",
                summary: "One region", parameters: [P.path("code", "The region's code.")],
                responses: [200: R.json("The region.", S.ref("Region"))], errors: [404]),
            .init(
                method: .get, path: "/api/v1/units", operationID: "listUnits", tag: "organisation",
                summary: "The units the caller may see",
                responses: [200: R.json("The units.", S.page(of: S.ref("Unit"), cursor: false))]),
            .init(
                method: .post, path: "/api/v1/units", operationID: "createUnit", tag: "organisation",
                summary: "Add a unit (admins)", body: S.ref("NewUnit"),
                responses: [201: R.json("Created.", S.ref("Unit"), headers: created)], errors: [409]),
            .init(
                method: .get, path: "/api/v1/units/{code}", operationID: "getUnit", tag: "organisation",
                summary: "One unit", parameters: [code], responses: [200: R.json("The unit.", S.ref("Unit"))],
                errors: [404]),
            .init(
                method: .put, path: "/api/v1/units/{code}/leaders", operationID: "setUnitLeaders",
                tag: "organisation", summary: "Set or clear the leaders of a unit (admins)", parameters: [code],
                body: S.ref("Leaders"), responses: [200: R.json("The unit.", S.ref("Unit"))], errors: [404]),
        ]
    }

    private static var userOperations: [OpenAPIOperation] {
        let username = P.path("username", "The user's login name.")
        return [
            .init(
                method: .get, path: "/api/v1/users", operationID: "listUsers", tag: "organisation",
                summary: "The users the caller may see",
                responses: [200: R.json("The users.", S.page(of: S.ref("User"), cursor: false))], errors: [403]),
            .init(
                method: .post, path: "/api/v1/users", operationID: "createUser", tag: "organisation",
                summary: "Add a user (admins)", body: S.ref("NewUser"),
                responses: [201: R.json("Created.", S.ref("CreatedUser"), headers: ["Location": R.location])],
                errors: [409]),
            .init(
                method: .get, path: "/api/v1/users/{username}", operationID: "getUser", tag: "organisation",
                summary: "One user", parameters: [username], responses: [200: R.json("The user.", S.ref("User"))],
                errors: [403, 404]),
            .init(
                method: .post, path: "/api/v1/users/{username}/disable", operationID: "disableUser",
                tag: "organisation", summary: "Disable a user and revoke their tokens (admins)",
                parameters: [username], responses: [200: R.json("The user.", S.ref("User"))], errors: [404]),
            .init(
                method: .post, path: "/api/v1/users/{username}/enable", operationID: "enableUser",
                tag: "organisation", summary: "Enable a user (admins)", parameters: [username],
                responses: [200: R.json("The user.", S.ref("User"))], errors: [404]),
            .init(
                method: .post, path: "/api/v1/users/{username}/reset-password", operationID: "resetPassword",
                tag: "organisation", summary: "Set or generate a user's password (admins)", parameters: [username],
                body: S.ref("NewPassword"), responses: [200: R.json("Done.", S.ref("PasswordResult"))],
                errors: [404]),
        ]
    }

    private static var auditOperations: [OpenAPIOperation] {
        [
            .init(
                method: .get, path: "/api/v1/audit", operationID: "listAudit", tag: "audit",
                summary: "Audit entries, newest first (auditors)",
                parameters: [
                    P.query("actor", "Only entries by this actor.", schema: S.string()),
                    P.query("action", "Only this action (`case.create`, `party.read`, …).", schema: S.string()),
                    P.query("object_type", "Only this object type.", schema: S.string()),
                    P.query("object_id", "Only this object.", schema: S.string()),
                    P.query("since", "At or after this time (ISO 8601 with an offset).", schema: S.dateTime()),
                    P.query("until", "Before this time (ISO 8601 with an offset).", schema: S.dateTime()),
                    P.query(
                        "cursor", "The `next_cursor` of the previous page (a sequence number).",
                        schema: S.integer(minimum: 1)),
                    P.query("limit", "Page size.", schema: S.integer(minimum: 1, maximum: 1000)),
                ],
                responses: [200: R.json("A page of entries.", S.page(of: S.ref("AuditEntry"), cursor: true))],
                errors: [403, 422]),
            .init(
                method: .get, path: "/api/v1/audit/verify", operationID: "verifyAudit", tag: "audit",
                summary: "Walk the hash chain and report whether it is intact (auditors)",
                responses: [200: R.json("The result.", S.ref("AuditVerification"))], errors: [403]),
        ]
    }
}
