import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Sign-in, tokens, lock-out")
struct AuthTests {
    @Test(arguments: TestEngine.available)
    func aDemoUserGetsATokenThatWorksUntilRevoked(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let token = try await harness.login("operator.zhou")
            let me = try await harness.send(.get, "/api/v1/me", token: token)
            #expect(try me.json()["username"] as? String == "operator.zhou")

            let revoke = try await harness.send(.delete, "/api/v1/auth/token", token: token)
            #expect(revoke.status == .noContent)
            let after = try await harness.send(.get, "/api/v1/me", token: token)
            #expect(after.status == .unauthorized)
        }
    }

    @Test func aTokenExpiresAfterItsLifetime() async throws {
        try await WebHarness.run { harness in
            let token = try await harness.login("analyst.chen")
            harness.clock.advance(by: 43_200 + 1)
            #expect(try await harness.send(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func aWrongPasswordAndAnUnknownUserGetTheSameAnswer() async throws {
        try await WebHarness.run { harness in
            let wrong = try await harness.send(
                .post, "/api/v1/auth/token", json: #"{"username": "admin", "password": "wrong password"}"#)
            let unknown = try await harness.send(
                .post, "/api/v1/auth/token", json: #"{"username": "nobody", "password": "wrong password"}"#)
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            #expect(try wrong.json()["detail"] as? String == unknown.json()["detail"] as? String)
        }
    }

    @Test func repeatedFailuresAreThrottledThenTenLockTheAccountForAWhile() async throws {
        try await WebHarness.run { harness in
            let wrong = #"{"username": "handler.police", "password": "not the password"}"#
            for attempt in 1...3 {
                let response = try await harness.send(.post, "/api/v1/auth/token", json: wrong)
                #expect(response.status == .unauthorized, "attempt \(attempt)")
            }
            // Three failures are free; the fourth attempt, coming at once, must wait a second.
            let throttled = try await harness.send(.post, "/api/v1/auth/token", json: wrong)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers[.retryAfter] == "1")

            for attempt in 4...10 {
                harness.clock.advance(by: 31)
                let response = try await harness.send(.post, "/api/v1/auth/token", json: wrong)
                #expect(response.status == .unauthorized, "attempt \(attempt)")
            }
            harness.clock.advance(by: 31)
            let locked = try await harness.send(
                .post, "/api/v1/auth/token",
                json: #"{"username": "handler.police", "password": "\#(TestEnvironment.password)"}"#)
            #expect(locked.status.code == 423)
            #expect(try locked.json()["type"] as? String == "/problems/locked")

            harness.clock.advance(by: 15 * 60)
            _ = try await harness.login("handler.police")

            let audit = try await AuditService(harness.env).entries(
                .init(action: "auth.locked"), by: .system("test"))
            #expect(audit.count == 1)
        }
    }

    @Test func theWebSessionCookieNeedsTheCSRFHeaderForChanges() async throws {
        try await WebHarness.run { harness in
            let session = try await harness.send(
                .post, "/api/v1/auth/session",
                json: #"{"username": "admin", "password": "\#(TestEnvironment.password)"}"#)
            #expect(session.status == .created)
            let setCookie = try #require(session.headers[.setCookie])
            #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"))
            let cookie = String(setCookie.split(separator: ";")[0])
            let csrf = try #require(try session.json()["csrf_token"] as? String)

            var headers = HTTPFields()
            headers[.cookie] = cookie
            #expect(try await harness.send(.get, "/api/v1/me", headers: headers).status == .ok)
            let body = #"{"code": "990102004", "name": "新城街道", "level": "street", "parent_code": "990102"}"#
            let refused = try await harness.send(.post, "/api/v1/regions", json: body, headers: headers)
            #expect(refused.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = csrf
            let accepted = try await harness.send(.post, "/api/v1/regions", json: body, headers: headers)
            #expect(accepted.status == .created)
        }
    }
}
