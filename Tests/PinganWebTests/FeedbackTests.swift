import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Citizen feedback (好差评)")
struct FeedbackTests {
    /// Opens a request, has the street office work and resolve it; returns its number.
    static func resolvedCase(_ harness: WebHarness) async throws -> String {
        let centre = try await harness.login("operator.zhou")
        let created = try await harness.send(
            .post, "/api/v1/cases", token: centre,
            json: #"""
                {"kind": "request", "category_code": "service.city", "region_code": "990102002001001",
                 "source": "hotline", "title": "小区门口占道经营", "description": "夜间噪音大", "is_public": true}
                """#)
        try #require(created.status == .created, "\(created.text)")
        let number = try #require((try created.json()["case"] as? [String: Any])?["number"] as? String)
        let handler = try await harness.login("handler.guanyuan")
        for (token, body) in [
            (centre, #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地街道"}"#),
            (handler, #"{"action": "accept", "version": 2}"#),
            (handler, #"{"action": "resolve", "version": 3, "channel": "settlement", "result": "已劝离并设置便民点。"}"#),
        ] {
            let response = try await harness.send(.post, "/api/v1/cases/\(number)/actions", token: token, json: body)
            try #require(response.status == .ok, "\(response.text)")
        }
        return number
    }

    @Test(arguments: TestEngine.available)
    func aResolvedCaseRatedTwoIsReopenedAndSupervised(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            // setup
            let number = try await Self.resolvedCase(harness)
            let centre = try await harness.login("operator.zhou")
            let link = try await harness.send(.post, "/api/v1/cases/\(number)/feedback-link", token: centre)
            #expect(link.status == .created)
            let token = try #require(try link.json()["token"] as? String)
            // act: the citizen rates through the link, without signing in
            let rated = try await harness.send(
                .post, "/api/v1/feedback",
                json: #"{"token": "\#(token)", "score": 2, "solved": true, "comment": "没人管"}"#)
            let reused = try await harness.send(
                .post, "/api/v1/feedback", json: #"{"token": "\#(token)", "score": 5, "solved": true}"#)
            // verify
            #expect(rated.status == .ok, "\(rated.text)")
            #expect(try rated.json()["status"] as? String == "in_progress")
            #expect(try rated.json()["supervised"] as? Bool == true)
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            let stored = try #require(try record.json()["case"] as? [String: Any])
            #expect(stored["status"] as? String == "in_progress")
            #expect(stored["reopen_count"] as? Int == 1)
            #expect(stored["supervision"] != nil)
            let events = try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre)
            let types = try #require(try events.json()["items"] as? [[String: Any]]).compactMap {
                $0["type"] as? String
            }
            #expect(types.suffix(2) == ["reopened", "supervision_on"])
            #expect(reused.status == .notFound)
            let audit = try await harness.env.provider.read { db in
                try await db.raw("SELECT actor FROM audit_log WHERE action = 'case.rating'").all().map {
                    try $0.decode(column: "actor", as: String.self)
                }
            }
            #expect(audit == ["citizen"])
        }
    }

    @Test func aGoodRatingClosesTheCaseAsSatisfiedAndCountsOnce() async throws {
        try await WebHarness.run { harness in
            // setup
            let number = try await Self.resolvedCase(harness)
            let centre = try await harness.login("operator.zhou")
            // act: call-back staff record the rating; then a link is asked for and a second rating tried
            let rated = try await harness.send(
                .post, "/api/v1/cases/\(number)/rating", token: centre, json: #"{"score": 5, "solved": true}"#)
            let again = try await harness.send(
                .post, "/api/v1/cases/\(number)/rating", token: centre, json: #"{"score": 1, "solved": false}"#)
            let handler = try await harness.login("handler.guanyuan")
            let byHandler = try await harness.send(
                .post, "/api/v1/cases/\(number)/rating", token: handler, json: #"{"score": 1, "solved": false}"#)
            // verify
            #expect(rated.status == .ok, "\(rated.text)")
            #expect(try rated.json()["status"] as? String == "closed")
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            #expect((try record.json()["case"] as? [String: Any])?["feedback"] as? String == "satisfied")
            #expect(again.status == .conflict)
            #expect(byHandler.status == .forbidden)
            // the rating feeds the satisfaction indicator of the unit's ledger metrics
            harness.clock.advance(by: 3_600)
            let metrics = try await harness.send(
                .get,
                LedgerMetricsAPITests.query(
                    "unit=qs-st-guanyuan", from: harness.clock.now.addingTimeInterval(-86_400), days: 2),
                token: try await harness.login("operator.zhou"))
            #expect(try LedgerMetricsAPITests.values(metrics)["satisfaction"] as? Double == 1)
        }
    }

    @Test func guessedExpiredAndInvalidRatingsFailAndWriteNothing() async throws {
        try await WebHarness.run { harness in
            // setup
            let number = try await Self.resolvedCase(harness)
            let centre = try await harness.login("operator.zhou")
            let link = try await harness.send(.post, "/api/v1/cases/\(number)/feedback-link", token: centre)
            let token = try #require(try link.json()["token"] as? String)
            // act
            let guessed = try await harness.send(
                .post, "/api/v1/feedback", json: #"{"token": "pgn_guess", "score": 1, "solved": false}"#)
            let invalid = try await harness.send(
                .post, "/api/v1/feedback", json: #"{"token": "\#(token)", "score": 9, "solved": true}"#)
            harness.clock.advance(by: 7 * 86_400)  // the feedback period has ended
            let expired = try await harness.send(
                .post, "/api/v1/feedback", json: #"{"token": "\#(token)", "score": 1, "solved": false}"#)
            // verify
            #expect(guessed.status == .notFound)
            #expect(invalid.status == .unprocessableContent)
            #expect(try invalid.violations() == ["score:range"])
            #expect(expired.status == .notFound)
            let record = try await harness.send(
                .get, "/api/v1/cases/\(number)", token: try await harness.login("operator.zhou"))
            #expect((try record.json()["case"] as? [String: Any])?["status"] as? String == "resolved")
            let stored = try await harness.env.provider.read { db in
                try await db.raw("SELECT token_hash FROM feedback_links").first()?.decode(
                    column: "token_hash", as: String.self)
            }
            #expect(stored != nil && stored != token)
        }
    }
}
