import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganTestSupport
import Testing

/// The OpenAPI document describes what the API really sends: real responses are checked against its schemas,
/// strictly (an undocumented key fails).
@Suite("Responses match the OpenAPI document")
struct ResponseSchemaTests {
    func check(
        _ response: TestResponse, _ method: String, _ path: String, _ status: HTTPResponse.Status,
        _ conformance: SchemaConformance, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
        let schema = try conformance.responseSchema(method, path, status: Int(response.status.code))
        let problems = try conformance.violations(of: Data(response.body.readableBytesView), against: schema)
        #expect(problems == [], "\(method) \(path)", sourceLocation: sourceLocation)
    }

    @Test func theCaseLedgerAnswersAsDocumented() async throws {
        try await WebHarness.run { harness in
            let conformance = try SchemaConformance()
            let centre = try await harness.login("operator.zhou")
            let created = try await harness.send(.post, "/api/v1/cases", token: centre, json: CasesAPITests.dispute)
            try check(created, "POST", "/api/v1/cases", .created, conformance)
            let number = try #require((try created.json()["case"] as? [String: Any])?["number"] as? String)
            let again = try await harness.send(.post, "/api/v1/cases", token: centre, json: CasesAPITests.dispute)
            try check(again, "POST", "/api/v1/cases", .created, conformance)  // with a possible duplicate

            let act = { (json: String, token: String) in
                try await harness.send(.post, "/api/v1/cases/\(number)/actions", token: token, json: json)
            }
            let assigned = try await act(
                #"""
                {"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "participant_codes": ["qs-police"],
                 "reason": "属地街道牵头"}
                """#, centre)
            try check(assigned, "POST", "/api/v1/cases/{key}/actions", .ok, conformance)
            let supervised = try await act(
                #"{"action": "supervise_on", "version": 2, "deadline": "2099-01-01T00:00:00+08:00", "reason": "督办"}"#,
                centre)
            try check(supervised, "POST", "/api/v1/cases/{key}/actions", .ok, conformance)
            let handler = try await harness.login("handler.guanyuan")
            _ = try await act(#"{"action": "accept", "version": 3}"#, handler)
            let extended = try await act(
                #"{"action": "request_extension", "version": 4, "deadline": "2099-01-01T00:00:00+08:00", "reason": "r"}"#,
                handler)
            try check(extended, "POST", "/api/v1/cases/{key}/actions", .ok, conformance)
            _ = try await act(#"{"action": "supervise_off", "version": 5, "reason": "r"}"#, centre)
            let resolved = try await act(
                #"{"action": "resolve", "version": 6, "channel": "people_mediation", "result": "已调解"}"#, handler)
            try check(resolved, "POST", "/api/v1/cases/{key}/actions", .ok, conformance)
            let closed = try await act(#"{"action": "close", "version": 7, "feedback": "satisfied"}"#, centre)
            try check(closed, "POST", "/api/v1/cases/{key}/actions", .ok, conformance)
            let illegal = try await act(
                #"{"action": "assign", "version": 8, "unit_code": "qs-police", "reason": "r"}"#, centre)
            try check(illegal, "POST", "/api/v1/cases/{key}/actions", .conflict, conformance)

            try check(
                try await harness.send(.get, "/api/v1/cases/\(number)", token: centre), "GET", "/api/v1/cases/{key}",
                .ok, conformance)
            try check(
                try await harness.send(.get, "/api/v1/cases?limit=1", token: centre), "GET", "/api/v1/cases", .ok,
                conformance)
            try check(
                try await harness.send(.get, "/api/v1/cases?status=nope", token: centre), "GET", "/api/v1/cases",
                .unprocessableContent, conformance)
            try check(
                try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre), "GET",
                "/api/v1/cases/{key}/events", .ok, conformance)
            try check(
                try await harness.send(.get, "/api/v1/cases/\(number)/parties", token: centre), "GET",
                "/api/v1/cases/{key}/parties", .ok, conformance)
            try check(
                try await harness.send(.get, "/api/v1/cases/PA-1999-000001", token: centre), "GET",
                "/api/v1/cases/{key}", .notFound, conformance)
            try check(
                try await harness.send(.get, "/api/v1/categories", token: centre), "GET", "/api/v1/categories", .ok,
                conformance)
            try check(
                try await harness.send(.get, "/api/v1/notifications", token: centre), "GET", "/api/v1/notifications",
                .ok, conformance)
        }
    }

    @Test func accountsOrganisationAuditAndWebhooksAnswerAsDocumented() async throws {
        try await WebHarness.run { harness in
            let conformance = try SchemaConformance()
            try check(try await harness.send(.get, "/healthz"), "GET", "/healthz", .ok, conformance)
            try check(try await harness.send(.get, "/readyz"), "GET", "/readyz", .ok, conformance)
            try check(try await harness.send(.get, "/api/v1/units"), "GET", "/api/v1/units", .unauthorized, conformance)
            let login = try await harness.send(
                .post, "/api/v1/auth/token",
                json: #"{"username": "admin", "password": "\#(TestEnvironment.password)"}"#)
            try check(login, "POST", "/api/v1/auth/token", .created, conformance)
            let admin = try #require(try login.json()["token"] as? String)
            let session = try await harness.send(
                .post, "/api/v1/auth/session",
                json: #"{"username": "admin", "password": "\#(TestEnvironment.password)"}"#)
            try check(session, "POST", "/api/v1/auth/session", .created, conformance)
            let bad = try await harness.send(.post, "/api/v1/auth/token", json: #"{"username": 1}"#)
            try check(bad, "POST", "/api/v1/auth/token", .badRequest, conformance)

            for path in ["me", "regions", "units", "users", "audit", "audit/verify", "webhooks"] {
                try check(
                    try await harness.send(.get, "/api/v1/\(path)", token: admin), "GET", "/api/v1/\(path)", .ok,
                    conformance)
            }
            try check(
                try await harness.send(.get, "/api/v1/units/qs-st-guanyuan", token: admin), "GET",
                "/api/v1/units/{code}", .ok, conformance)
            try check(
                try await harness.send(.get, "/api/v1/users/handler.police", token: admin), "GET",
                "/api/v1/users/{username}", .ok, conformance)
            try check(
                try await harness.send(
                    .post, "/api/v1/users", token: admin,
                    json:
                        #"{"username": "new.user", "display_name": "新用户", "roles": ["handler"], "unit_code": "qs-police"}"#
                ), "POST", "/api/v1/users", .created, conformance)
            try check(
                try await harness.send(
                    .post, "/api/v1/tokens", token: admin, json: #"{"username": "handler.police", "name": "sync"}"#),
                "POST", "/api/v1/tokens", .created, conformance)
            let webhook = try await harness.send(
                .post, "/api/v1/webhooks", token: admin, json: #"{"url": "https://example.invalid/hook"}"#)
            try check(webhook, "POST", "/api/v1/webhooks", .created, conformance)
            let id = try #require(try webhook.json()["id"] as? String)
            try check(
                try await harness.send(.get, "/api/v1/webhooks/\(id)/deliveries", token: admin), "GET",
                "/api/v1/webhooks/{id}/deliveries", .ok, conformance)
            let handler = try await harness.login("handler.police")
            try check(
                try await harness.send(.get, "/api/v1/audit", token: handler), "GET", "/api/v1/audit", .forbidden,
                conformance)
        }
    }

    @Test func open311KeysFeedbackAndTheHotlineImportAnswerAsDocumented() async throws {
        try await WebHarness.run { harness in
            let conformance = try SchemaConformance()
            let admin = try await harness.login("admin")
            let issued = try await harness.send(
                .post, "/api/v1/open311/clients", token: admin, json: #"{"name": "12345", "username": "operator.zhou"}"#
            )
            try check(issued, "POST", "/api/v1/open311/clients", .created, conformance)
            let clients = try await harness.send(.get, "/api/v1/open311/clients", token: admin)
            try check(clients, "GET", "/api/v1/open311/clients", .ok, conformance)

            let number = try await FeedbackTests.resolvedCase(harness)
            let centre = try await harness.login("operator.zhou")
            let link = try await harness.send(.post, "/api/v1/cases/\(number)/feedback-link", token: centre)
            try check(link, "POST", "/api/v1/cases/{key}/feedback-link", .created, conformance)
            let token = try #require(try link.json()["token"] as? String)
            let rated = try await harness.send(
                .post, "/api/v1/feedback", json: #"{"token": "\#(token)", "score": 4, "solved": true}"#)
            try check(rated, "POST", "/api/v1/feedback", .ok, conformance)
            let again = try await harness.send(
                .post, "/api/v1/cases/\(number)/rating", token: centre, json: #"{"score": 4, "solved": true}"#)
            try check(again, "POST", "/api/v1/cases/{key}/rating", .conflict, conformance)

            let body = try HotlineImportTests.body(HotlineImportTests.csv, dryRun: true)
            let report = try await harness.send(.post, "/api/v1/imports/hotline", token: centre, json: body)
            try check(report, "POST", "/api/v1/imports/hotline", .ok, conformance)
            let imported = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre,
                json: try HotlineImportTests.body(HotlineImportTests.csv))
            try check(imported, "POST", "/api/v1/imports/hotline", .ok, conformance)
        }
    }
}
