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

            // The throttled attempt counted as the fourth failure; six more reach ten and lock the account.
            for attempt in 5...10 {
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

    @Test func tenWrongPasswordsInARowLockTheAccountHoweverFastTheyCome() async throws {
        try await WebHarness.run { harness in
            let wrong = #"{"username": "handler.police", "password": "not the password"}"#
            var statuses: [Int] = []
            for _ in 1...10 {
                statuses.append(try await harness.send(.post, "/api/v1/auth/token", json: wrong).status.code)
            }
            #expect(statuses == [401, 401, 401, 429, 429, 429, 429, 429, 429, 423])
            let right = try await harness.send(
                .post, "/api/v1/auth/token",
                json: #"{"username": "handler.police", "password": "\#(TestEnvironment.password)"}"#)
            #expect(right.status.code == 423)
        }
    }

    @Test(arguments: TestEngine.available)
    func parallelWrongPasswordsAreAllCountedAndLockTheAccount(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let wrong = #"{"username": "analyst.chen", "password": "not the password"}"#
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<14 {
                    group.addTask { try await harness.send(.post, "/api/v1/auth/token", json: wrong).status.code }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(!statuses.contains(201))
            let right = try await harness.send(
                .post, "/api/v1/auth/token",
                json: #"{"username": "analyst.chen", "password": "\#(TestEnvironment.password)"}"#)
            #expect(right.status.code == 423)
        }
    }

    @Test func aStaleSessionCookieDoesNotStopTheUserSigningInAgain() async throws {
        try await WebHarness.run { harness in
            var headers = HTTPFields()
            headers[.cookie] = "pingan_session=pgn_revokedlongago"
            let me = try await harness.send(.get, "/api/v1/me", headers: headers)
            #expect(me.status == .unauthorized)
            #expect(me.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(me.headers[.wwwAuthenticate] == #"Bearer realm="pingan""#)
            let login = try await harness.send(
                .post, "/api/v1/auth/session",
                json: #"{"username": "admin", "password": "\#(TestEnvironment.password)"}"#, headers: headers)
            #expect(login.status == .created)
        }
    }

    @Test func anAbsurdTokenLifetimeIsRefusedAndNonAdminsAreRefusedFirst() async throws {
        try await WebHarness.run { harness in
            let body = #"{"username": "admin", "name": "x", "lifetime_days": 9223372036854775807}"#
            let grid = try await harness.login("gridworker.li")
            #expect(try await harness.send(.post, "/api/v1/tokens", token: grid, json: body).status == .forbidden)
            let admin = try await harness.login("admin")
            let refused = try await harness.send(.post, "/api/v1/tokens", token: admin, json: body)
            #expect(try refused.violations() == ["lifetime_days:range"])
            #expect(try await harness.send(.get, "/healthz").status == .ok)
        }
    }
}
