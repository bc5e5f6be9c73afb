import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganCore
import PinganServices
import PinganTestSupport
import Testing

@Suite("Policies API: SLA, escalation, calendar as versioned documents")
struct PolicyAPITests {
    static let request = #"""
        {"kind": "request", "category_code": "service.city", "region_code": "990102002001",
         "source": "hotline", "title": "路灯不亮", "description": "小区门口路灯连续三晚不亮"}
        """#

    func document(_ response: TestResponse) throws -> [String: Any] {
        try #require(try response.json()["document"] as? [String: Any])
    }

    func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    /// Opens the request case and answers its case object and deadline explanation.
    func open(_ harness: WebHarness, token: String) async throws -> (record: [String: Any], explanation: String) {
        let created = try await harness.send(.post, "/api/v1/cases", token: token, json: Self.request)
        try #require(created.status == .created, "intake answered \(created.status): \(created.text)")
        let body = try created.json()
        return (
            try #require(body["case"] as? [String: Any]), body["deadline_explanation"] as? String ?? ""
        )
    }

    @Test(arguments: TestEngine.available)
    func anAdminStoresANewSLAVersionAndIntakeFollowsIt(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let conformance = try SchemaConformance()
            let centre = try await harness.login("operator.zhou")
            let shipped = try await harness.send(.get, "/api/v1/policies/sla", token: centre)
            #expect(shipped.status == .ok)
            #expect(try shipped.json()["shipped"] as? Bool == true)
            let problems = try conformance.violations(
                of: Data(shipped.body.readableBytesView),
                against: try conformance.responseSchema("GET", "/api/v1/policies/sla", status: 200))
            #expect(problems == [])

            var policy = try document(shipped)
            let rules = try #require(policy["rules"] as? [[String: Any]])
            policy["rules"] = rules.map { rule -> [String: Any] in
                var rule = rule
                if rule["kind"] as? String == "request" { rule["resolve"] = ["hours": 48] }
                return rule
            }

            let handler = try await harness.login("handler.police")
            #expect(
                try await harness.send(.put, "/api/v1/policies/sla", token: handler, json: try json(policy)).status
                    == .forbidden)

            let admin = try await harness.login("admin")
            var broken = policy
            broken["rules"] = [["kind": "request", "accept": ["hours": 0], "resolve": ["hours": 1]]]
            let refused = try await harness.send(.put, "/api/v1/policies/sla", token: admin, json: try json(broken))
            #expect(refused.status == .unprocessableContent)
            #expect(try refused.violations().contains { $0.hasPrefix("rules[0].accept") })
            let none = try await harness.send(.get, "/api/v1/policies/sla/versions", token: admin).json()
            #expect((none["items"] as? [Any])?.isEmpty == true)  // the refused document left nothing behind

            let stored = try await harness.send(.put, "/api/v1/policies/sla", token: admin, json: try json(policy))
            #expect(stored.status == .ok, "\(stored.text)")
            #expect(try stored.json()["version"] as? Int == 2)
            #expect(try stored.json()["shipped"] as? Bool == false)
            #expect(try document(stored)["version"] as? Int == 2)

            let (record, explanation) = try await open(harness, token: centre)
            let created = try #require(Timestamp.parse(record["created_at"] as? String ?? ""))
            let deadline = try #require(Timestamp.parse(record["deadline"] as? String ?? ""))
            #expect(deadline.timeIntervalSince(created) == 48 * 3_600)
            #expect(explanation.contains("48小时"))

            let versions = try await harness.send(.get, "/api/v1/policies/sla/versions", token: centre).json()
            #expect((versions["items"] as? [[String: Any]])?.compactMap { $0["version"] as? Int } == [2])
        }
    }

    @Test func the2027CalendarIsProvisionalUntilTheOfficialYearIsLoaded() async throws {
        try await WebHarness.run { harness in
            // Monday 28 December 2026, 10:00 in Beijing: five working days reach into January 2027.
            harness.clock.advance(by: 36 * 86_400 + 2 * 3_600)
            let centre = try await harness.login("operator.zhou")
            let before = try await open(harness, token: centre)
            #expect(before.explanation.contains("暂定"))

            let admin = try await harness.login("admin")
            let bad = try await harness.send(
                .put, "/api/v1/policies/calendar/years/2027", token: admin,
                json: #"{"source": "x", "holidays": ["2026-01-01"], "workdays": ["2027-01-05"]}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(try bad.violations()) == ["years.2027.holidays[0]:year", "years.2027.workdays[0]:weekday"])

            // A made-up "official" 2027: New Year's Day and the Monday after it off, Saturday 9 January worked.
            let loaded = try await harness.send(
                .put, "/api/v1/policies/calendar/years/2027", token: admin,
                json: #"""
                    {"source": "国务院办公厅关于2027年部分节假日安排的通知(测试)",
                     "holidays": ["2027-01-01", "2027-01-02", "2027-01-03", "2027-01-04"],
                     "workdays": ["2027-01-09"]}
                    """#)
            #expect(loaded.status == .ok, "\(loaded.text)")
            let years = try #require(try document(loaded)["years"] as? [String: [String: Any]])
            #expect(Set(years.keys) == ["2026", "2027"])
            #expect(years["2027"]?["provisional"] == nil)

            let after = try await open(harness, token: centre)
            #expect(!after.explanation.contains("暂定"))
            // 29, 30, 31 December, then 5 and 6 January (1–4 January are off): due at the end of 6 January.
            #expect(after.record["deadline"] as? String == "2027-01-06T16:00:00.000Z")
        }
    }

    @Test func aNewEscalationPolicyShowsInThePreviewAndLeavesRunningChainsAlone() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let preview = try await harness.send(
                .get, "/api/v1/policies/escalation/preview?level=level3", token: centre)
            #expect(preview.status == .ok)
            let shippedSteps = try #require(try preview.json()["steps"] as? [[String: Any]])
            #expect(shippedSteps.count >= 2)
            #expect(
                try await harness.send(.get, "/api/v1/policies/escalation/preview?level=purple", token: centre)
                    .violations() == ["level:unknown_value"])

            // A level-3 dispute starts its chain under the shipped policy.
            let number = try await EscalationTests().openAndAssign(harness, level: "level3")

            let admin = try await harness.login("admin")
            var policy = try document(try await harness.send(.get, "/api/v1/policies/escalation", token: admin))
            var chains = try #require(policy["chains"] as? [[String: Any]])
            let index = try #require(chains.firstIndex { $0["level"] as? String == "level3" })
            var steps = try #require(chains[index]["steps"] as? [[String: Any]])
            steps.removeLast()
            chains[index]["steps"] = steps
            policy["chains"] = chains
            let stored = try await harness.send(
                .put, "/api/v1/policies/escalation", token: admin, json: try json(policy))
            #expect(stored.status == .ok, "\(stored.text)")
            let version = try #require(try stored.json()["version"] as? Int)
            #expect(version == 2)
            let newPreview = try await harness.send(
                .get, "/api/v1/policies/escalation/preview?level=level3", token: centre)
            #expect((try newPreview.json()["steps"] as? [Any])?.count == shippedSteps.count - 1)
            #expect(try newPreview.json()["policy_version"] as? Int == 2)

            // The running chain keeps version 1, including the step version 2 removed.
            let scheduler = EscalationScheduler(harness.env)
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre).json()
            let deadlineText = try #require((record["case"] as? [String: Any])?["deadline"] as? String)
            let deadline = try #require(Timestamp.parse(deadlineText))
            let fired = try await scheduler.runOnce(now: deadline.addingTimeInterval(1))
            #expect(fired.map(\.key.rawValue).sorted() == ["default/v1/level3/deputy", "default/v1/level3/principal"])

            // A case opened now follows version 2.
            _ = try await EscalationTests().openAndAssign(harness, level: "level3")
            let later = try await scheduler.runOnce(now: deadline.addingTimeInterval(2))
            #expect(later.map(\.key.rawValue) == ["default/v2/level3/deputy"])
        }
    }
}
