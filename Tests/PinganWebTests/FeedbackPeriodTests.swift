import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganTestSupport
import Testing

@Suite("Closing after the feedback period (BRIEF §1)")
struct FeedbackPeriodTests {
    /// Opens a dispute, has 官园街道 accept and resolve it; answers its number.
    func resolvedCase(_ harness: WebHarness) async throws -> String {
        let cases = CasesAPITests()
        let centre = try await harness.login("operator.zhou")
        let number = try #require(try await cases.create(harness, token: centre)["number"] as? String)
        let handler = try await harness.login("handler.guanyuan")
        for (token, json) in [
            (centre, #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地街道"}"#),
            (handler, #"{"action": "accept", "version": 2}"#),
            (handler, #"{"action": "resolve", "version": 3, "channel": "people_mediation", "result": "已调解"}"#),
        ] {
            let response = try await cases.act(harness, number, token: token, json)
            try #require(response.status == .ok, "\(response.text)")
        }
        return number
    }

    @Test(arguments: TestEngine.available)
    func anUnratedResolvedCaseClosesOnceThePeriodHasPassed(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let number = try await resolvedCase(harness)
            let reopened = try await resolvedCase(harness)
            let centre = try await harness.login("operator.zhou")
            let back = try await CasesAPITests().act(
                harness, reopened, token: centre,
                #"{"action": "reopen", "version": 4, "reason": "群众反映未解决", "requester": "citizen"}"#)
            try #require(back.status == .ok, "\(back.text)")

            let service = CaseService(harness.env)
            let resolvedAt = harness.clock.now
            #expect(
                try await service.closeAfterFeedbackPeriod(now: resolvedAt.addingTimeInterval(7 * 86_400 - 1)) == [])
            let closed = try await service.closeAfterFeedbackPeriod(now: resolvedAt.addingTimeInterval(7 * 86_400))
            #expect(closed == [number])  // the reopened case is being worked again, not closed
            #expect(try await service.closeAfterFeedbackPeriod(now: resolvedAt.addingTimeInterval(8 * 86_400)) == [])

            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre).json()
            let closedCase = try #require(record["case"] as? [String: Any])
            #expect(closedCase["status"] as? String == "closed")
            #expect(closedCase["feedback"] as? String == "none")
            let audit = try await harness.send(
                .get, "/api/v1/audit?object_id=\(number)", token: try await harness.login("admin"))
            #expect(audit.text.contains("system:closer"))
        }
    }
}
