import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganServices
import PinganTestSupport
import Testing

@Suite("Health, readiness, metrics, problems")
struct SystemTests {
    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await WebHarness.run { harness in
            let health = try await harness.send(.get, "/healthz")
            #expect(health.status == .ok)
            let ready = try await harness.send(.get, "/readyz")
            #expect(try ready.json()["status"] as? String == "ready")
            let metrics = try await harness.send(.get, "/metrics")
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"pingan_http_requests_total{method="GET",route="/readyz",status="200"} 1"#))
            #expect(metrics.text.contains("pingan_database_up"))
            #expect(metrics.text.contains(#"pingan_database_pool_size{engine="sqlite"} 5.0"#))
            #expect(metrics.text.contains(#"pingan_database_operations{engine="sqlite",kind="transaction"}"#))
        }
    }

    @Test func anUnauthenticatedRequestGetsA401ProblemDocumentWithTheRequestID() async throws {
        try await WebHarness.run { harness in
            let response = try await harness.send(.get, "/api/v1/units")
            #expect(response.status == .unauthorized)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem = try response.json()
            #expect(problem["type"] as? String == "/problems/unauthenticated")
            #expect(problem["status"] as? Int == 401)
            #expect(problem["instance"] as? String == "/api/v1/units")
            let requestID = try #require(problem["request_id"] as? String)
            #expect(response.headers[HTTPField.Name("X-Request-Id")!] == requestID)
        }
    }

    @Test func anUnknownRouteIsA404Problem() async throws {
        try await WebHarness.run { harness in
            let response = try await harness.send(.get, "/api/v1/nothing-here")
            #expect(response.status == .notFound)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func malformedJSONAndMissingFieldsAre400sNamingTheField() async throws {
        try await WebHarness.run { harness in
            let broken = try await harness.send(.post, "/api/v1/auth/token", json: "{not json")
            #expect(broken.status == .badRequest)
            #expect(try broken.violations() == ["(body):json"])
            let missing = try await harness.send(.post, "/api/v1/auth/token", json: #"{"username": "admin"}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.violations() == ["password:required"])
        }
    }

    @Test func anOversizedBodyIsRefusedWith413() async throws {
        try await WebHarness.run(maxBodyBytes: 2048) { harness in
            let padding = String(repeating: "x", count: 4096)
            let response = try await harness.send(
                .post, "/api/v1/auth/token", json: #"{"username": "admin", "password": "\#(padding)"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }
}
