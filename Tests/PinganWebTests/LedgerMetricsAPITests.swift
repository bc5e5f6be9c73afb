import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Ledger metrics API (issue 3 §8)")
struct LedgerMetricsAPITests {
    /// A dispute in 官园街道 opened with explicit deadlines (hours from the clock's start).
    static func dispute(_ title: String, level: String, deadline: Date, acceptDeadline: Date) -> String {
        #"""
        {"kind": "dispute", "category_code": "conflict.labour", "region_code": "990102002001001", "source": "grid",
         "title": "\#(title)", "description": "", "level": "\#(level)",
         "deadline": "\#(Timestamp.format(deadline))", "accept_deadline": "\#(Timestamp.format(acceptDeadline))"}
        """#
    }

    struct Ledger {
        let harness: WebHarness
        let centre: String
        var versions: [String: Int] = [:]

        init(_ harness: WebHarness) async throws {
            self.harness = harness
            centre = try await harness.login("operator.zhou")
        }

        func hours(_ value: Double) -> Date { harness.clock.now.addingTimeInterval(value * 3600) }

        mutating func open(_ title: String, level: String = "none", deadline: Double) async throws -> String {
            let body = LedgerMetricsAPITests.dispute(
                title, level: level, deadline: hours(deadline), acceptDeadline: hours(min(deadline, 12)))
            let response = try await harness.send(.post, "/api/v1/cases", token: centre, json: body)
            try #require(response.status == .created, "intake answered \(response.status): \(response.text)")
            let number = try #require((try response.json()["case"] as? [String: Any])?["number"] as? String)
            versions[number] = 1
            return number
        }

        /// Takes an action as `username`, logged in afresh (tokens last 12 hours; the clock moves further).
        mutating func act(_ number: String, as username: String, _ fields: String) async throws {
            let token = try await harness.login(username)
            let version = versions[number, default: 1]
            let response = try await harness.send(
                .post, "/api/v1/cases/\(number)/actions", token: token,
                json: #"{"version": \#(version), \#(fields)}"#)
            try #require(response.status == .ok, "\(fields) answered \(response.status): \(response.text)")
            versions[number] = version + 1
        }
    }

    /// Three cases of 官园街道 and one of the police, worked over 50 hours; returns the start of the period.
    static func buildLedger(_ harness: WebHarness) async throws -> Date {
        let start = harness.clock.now
        var ledger = try await Ledger(harness)
        let a1 = try await ledger.open("一号", level: "level3", deadline: 48)
        let a2 = try await ledger.open("二号", deadline: 24)
        let a3 = try await ledger.open("三号", deadline: 24)
        let p1 = try await ledger.open("四号", deadline: 48)
        for number in [a1, a2, a3] {
            try await ledger.act(
                number, as: "operator.zhou", #""action": "assign", "unit_code": "qs-st-guanyuan", "reason": "属地""#)
            try await ledger.act(number, as: "handler.guanyuan", #""action": "accept""#)
        }
        try await ledger.act(p1, as: "operator.zhou", #""action": "assign", "unit_code": "qs-police", "reason": "治安""#)
        try await ledger.act(p1, as: "handler.police", #""action": "accept""#)
        let fired = try await EscalationScheduler(harness.env).runOnce()
        #expect(fired.count == 1)  // a1's level-3 chain notifies the street's deputy at once
        let resolve = #""action": "resolve", "channel": "people_mediation", "result": "已化解""#
        harness.clock.advance(by: 5 * 3600)
        try await ledger.act(p1, as: "handler.police", resolve)
        harness.clock.advance(by: 5 * 3600)  // 10 h
        try await ledger.act(a1, as: "handler.guanyuan", resolve)
        harness.clock.advance(by: 10 * 3600)  // 20 h
        try await ledger.act(a1, as: "operator.zhou", #""action": "close", "feedback": "satisfied""#)
        harness.clock.advance(by: 10 * 3600)  // 30 h: late
        try await ledger.act(a2, as: "handler.guanyuan", resolve)
        harness.clock.advance(by: 3600)  // 31 h
        try await ledger.act(a2, as: "operator.zhou", #""action": "reopen", "reason": "群众不满意", "requester": "citizen""#)
        harness.clock.advance(by: 9 * 3600)  // 40 h
        try await ledger.act(a2, as: "handler.guanyuan", resolve)
        harness.clock.advance(by: 10 * 3600)  // 50 h
        try await ledger.act(a2, as: "operator.zhou", #""action": "close", "feedback": "unsatisfied""#)
        harness.clock.advance(by: 10 * 3600)  // 60 h: now
        return start
    }

    static func query(_ scope: String, from: Date, days: Double = 10) -> String {
        "/api/v1/metrics/ledger?\(scope)&from=\(Timestamp.format(from))&to=\(Timestamp.format(from.addingTimeInterval(days * 86_400)))"
    }

    static func values(_ response: TestResponse) throws -> [String: Any] {
        try #require(try response.json()["values"] as? [String: Any])
    }

    @Test(arguments: TestEngine.available)
    func theFiguresOfAUnitAreExactAndExplained(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let start = try await Self.buildLedger(harness)
            let centre = try await harness.login("operator.zhou")
            let response = try await harness.send(.get, Self.query("unit=qs-st-guanyuan", from: start), token: centre)
            try #require(response.status == .ok, "\(response.status): \(response.text)")
            let values = try Self.values(response)
            #expect(values["received"] as? Double == 3)
            #expect(values["resolved"] as? Double == 2)
            #expect(values["resolved_on_time"] as? Double == 1)
            #expect(values["first_time_resolution_rate"] as? Double == 0.5)
            #expect(values["median_hours_to_resolve"] as? Double == 10)
            #expect(values["p90_hours_to_resolve"] as? Double == 40)
            #expect(values["overdue"] as? Double == 1)
            #expect(values["escalations"] as? Double == 1)
            #expect(values["satisfaction"] as? Double == 0.5)
            let json = try response.json()
            #expect((json["scope"] as? [String: Any])?["name"] as? String == "官园街道办事处")
            #expect(json["evaluated_at"] as? String == Timestamp.format(harness.clock.now))
            #expect((json["percentile_method"] as? String)?.hasPrefix("nearest rank") == true)
            let figures = try #require(json["figures"] as? [[String: Any]])
            #expect(figures.count == 9)
            #expect(
                figures.allSatisfy { ($0["definition"] as? String)?.isEmpty == false && $0["explanation"] is String })
            let escalations = try #require(figures.first { $0["key"] as? String == "escalations" })
            #expect(escalations["breakdown"] as? [String: Int] == ["level3": 1])
        }
    }

    @Test func anotherUnitAndARegionSubtreeCountTheirOwnCases() async throws {
        try await WebHarness.run { harness in
            let start = try await Self.buildLedger(harness)
            let centre = try await harness.login("operator.zhou")
            let police = try Self.values(
                try await harness.send(.get, Self.query("unit=qs-police", from: start), token: centre))
            #expect(police["received"] as? Double == 1)
            #expect(police["resolved_on_time"] as? Double == 1)
            #expect(police["median_hours_to_resolve"] as? Double == 5)
            #expect(police["satisfaction"] is NSNull)  // no rated case: null, not absent
            let district = try Self.values(
                try await harness.send(.get, Self.query("region=990102", from: start), token: centre))
            #expect(district["received"] as? Double == 4)
            #expect(district["resolved"] as? Double == 3)
            // A period that ended before anything was resolved.
            let early = try Self.values(
                try await harness.send(.get, Self.query("region=990102", from: start, days: 0.25), token: centre))
            #expect(early["received"] as? Double == 4)
            #expect(early["resolved"] as? Double == 1)
            #expect(early["overdue"] as? Double == 0)
        }
    }

    @Test func aHandlerSeesOnlyItsOwnUnit() async throws {
        try await WebHarness.run { harness in
            let start = try await Self.buildLedger(harness)
            let handler = try await harness.login("handler.guanyuan")
            let own = try await harness.send(.get, Self.query("unit=qs-st-guanyuan", from: start), token: handler)
            #expect(own.status == .ok)
            let other = try await harness.send(.get, Self.query("unit=qs-police", from: start), token: handler)
            #expect(other.status == .unprocessableContent)
            #expect(try other.violations() == ["unit:not_found"])
            let region = try await harness.send(.get, Self.query("region=990102", from: start), token: handler)
            #expect(try region.violations() == ["region:scope"])
            let leader = try await harness.login("leader.guanyuan.deputy")
            let street = try await harness.send(.get, Self.query("region=990102002", from: start), token: leader)
            #expect(street.status == .ok)
            let district = try await harness.send(.get, Self.query("region=990102", from: start), token: leader)
            #expect(try district.violations() == ["region:scope"])
        }
    }

    @Test func badQueriesNameTheFieldAndTheRule() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let none = try await harness.send(.get, "/api/v1/metrics/ledger", token: centre)
            #expect(none.status == .unprocessableContent)
            #expect(try none.violations() == ["unit:required", "from:required", "to:required"])
            let both = try await harness.send(
                .get, "/api/v1/metrics/ledger?unit=qs-police&region=990102&from=2026-11-01T00:00:00Z&to=x",
                token: centre)
            #expect(try both.violations() == ["to:format"])
            let order = try await harness.send(
                .get,
                "/api/v1/metrics/ledger?unit=qs-police&region=990102&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
                token: centre)
            #expect(try order.violations() == ["region:exclusive"])
            let backwards = try await harness.send(
                .get, "/api/v1/metrics/ledger?unit=qs-police&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z",
                token: centre)
            #expect(try backwards.violations() == ["to:order"])
            let unknown = try await harness.send(
                .get, "/api/v1/metrics/ledger?unit=no-such&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                token: centre)
            #expect(try unknown.violations() == ["unit:not_found"])
            let region = try await harness.send(
                .get, "/api/v1/metrics/ledger?region=123&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z",
                token: centre)
            #expect(try region.violations() == ["region:not_found"])
            let anonymous = try await harness.send(.get, "/api/v1/metrics/ledger?unit=qs-police")
            #expect(anonymous.status == .unauthorized)
        }
    }
}
