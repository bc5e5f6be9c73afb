import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Monthly reconciliation API (每月交账, issue 3 §7)")
struct ReconciliationAPITests {
    typealias Ledger = LedgerMetricsAPITests.Ledger

    struct Month {
        let x1: String
        let x2: String
        let x3: String
        let x4: String
        let start: Date
    }

    /// Four cases opened on 2026-11-22: x1 of 官园街道 (deadline a day later), x2 of the police, x3 resolved at once,
    /// x4 never assigned; then the clock moves to 2026-12-02.
    static func november(_ harness: WebHarness) async throws -> Month {
        let start = harness.clock.now
        var ledger = try await Ledger(harness)
        let x1 = try await ledger.open("一号", deadline: 24)
        let x2 = try await ledger.open("二号", deadline: 24 * 20)
        let x3 = try await ledger.open("三号", deadline: 24)
        let x4 = try await ledger.open("四号", deadline: 24 * 30)
        for number in [x1, x3] {
            try await ledger.act(
                number, as: "operator.zhou", #""action": "assign", "unit_code": "qs-st-guanyuan", "reason": "属地""#)
            try await ledger.act(number, as: "handler.guanyuan", #""action": "accept""#)
        }
        try await ledger.act(x2, as: "operator.zhou", #""action": "assign", "unit_code": "qs-police", "reason": "治安""#)
        try await ledger.act(x2, as: "handler.police", #""action": "accept""#)
        harness.clock.advance(by: 3600)
        try await ledger.act(
            x3, as: "handler.guanyuan", #""action": "resolve", "channel": "settlement", "result": "已和解""#)
        harness.clock.advance(by: 10 * 86_400 - 3600)
        return Month(x1: x1, x2: x2, x3: x3, x4: x4, start: start)
    }

    static func entry(deadline: Date, cause: String = "当事人拒不配合调解", consultation: Bool = true) -> String {
        #"""
        {"cause": "\#(cause)", "responsible_person": "陈静", "new_deadline": "\#(Timestamp.format(deadline))",
         "consultation": \#(consultation), "consultation_reason": "涉及两个街道"}
        """#
    }

    @Test(arguments: TestEngine.available)
    func aUnitReconcilesItsOpenCasesAndTheCentreGetsTheConsultations(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let month = try await Self.november(harness)
            let centre = try await harness.login("operator.zhou")
            let listing = try await harness.send(.get, "/api/v1/reconciliations/2026-11", token: centre)
            try #require(listing.status == .ok, "\(listing.status): \(listing.text)")
            let json = try listing.json()
            #expect(json["total"] as? Int == 3)
            #expect(json["month_end"] as? String == "2026-11-30T16:00:00.000Z")
            let units = try #require(json["units"] as? [[String: Any]])
            #expect(units.map { $0["unit_code"] as? String } == [nil, "qs-police", "qs-st-guanyuan"])
            let street = try #require(units.last?["items"] as? [[String: Any]])
            #expect(street.map { $0["number"] as? String } == [month.x1])
            #expect(street.first?["days_overdue"] as? Int == 8)  // 7 days 16 hours late at the month's end
            #expect(units.last?["overdue"] as? Int == 1)
            #expect((units.first?["items"] as? [[String: Any]])?.first?["number"] as? String == month.x4)

            let handler = try await harness.login("handler.guanyuan")
            let own = try await harness.send(.get, "/api/v1/reconciliations/2026-11", token: handler)
            #expect(try own.json()["total"] as? Int == 1)

            let deadline = harness.clock.now.addingTimeInterval(10 * 86_400)
            let recorded = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x1)", token: handler,
                json: Self.entry(deadline: deadline))
            try #require(recorded.status == .ok, "\(recorded.status): \(recorded.text)")
            let entry = try #require(try recorded.json()["entry"] as? [String: Any])
            #expect(entry["recorded_by"] as? String == "handler.guanyuan")
            #expect(entry["new_deadline"] as? String == Timestamp.format(deadline))

            // Recorded again: replaced, not duplicated.
            let again = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x1)", token: handler,
                json: Self.entry(deadline: deadline, cause: "等待司法鉴定"))
            #expect(again.status == .ok)

            let consultations = try await harness.send(
                .get, "/api/v1/reconciliations/2026-11/consultations", token: centre)
            let flagged = try #require(try consultations.json()["units"] as? [[String: Any]])
            #expect(flagged.count == 1)
            let item = try #require((flagged.first?["items"] as? [[String: Any]])?.first)
            #expect(item["number"] as? String == month.x1)
            #expect((item["entry"] as? [String: Any])?["cause"] as? String == "等待司法鉴定")

            // The case's own deadline is untouched; the agreement is a note on its timeline.
            let record = try await harness.send(.get, "/api/v1/cases/\(month.x1)", token: centre).json()
            #expect(
                (record["case"] as? [String: Any])?["deadline"] as? String
                    == Timestamp.format(month.start.addingTimeInterval(86_400)))
            let events = try await harness.send(.get, "/api/v1/cases/\(month.x1)/events", token: centre).json()
            let notes = (events["items"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "note" }
            #expect(notes.count == 2)
            #expect((notes.last?["note"] as? String)?.hasPrefix("每月交账 2026-11: cause: 等待司法鉴定") == true)
            let audited = try await AuditService(harness.env).entries(
                .init(action: "reconciliation.record"), by: .system("t"))
            #expect(audited.count == 2)
        }
    }

    @Test func badEntriesAndOtherUnitsCasesAreRefusedNamingTheFieldAndRule() async throws {
        try await WebHarness.run { harness in
            let month = try await Self.november(harness)
            let handler = try await harness.login("handler.guanyuan")
            let past = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x1)", token: handler,
                json: Self.entry(deadline: harness.clock.now.addingTimeInterval(-60), cause: " "))
            #expect(past.status == .unprocessableContent)
            #expect(try past.violations() == ["cause:required", "new_deadline:past"])
            let missing = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x1)", token: handler, json: #"{"cause": "x"}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.violations().first?.hasPrefix("responsible_person:required") == true)
            let deadline = harness.clock.now.addingTimeInterval(86_400)
            let police = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x2)", token: handler,
                json: Self.entry(deadline: deadline))
            #expect(police.status == .notFound)
            let resolved = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x3)", token: handler,
                json: Self.entry(deadline: deadline))
            #expect(try resolved.violations() == ["number:not_unresolved"])
            let grid = try await harness.login("gridworker.li")
            let forbidden = try await harness.send(
                .put, "/api/v1/reconciliations/2026-11/cases/\(month.x1)", token: grid,
                json: Self.entry(deadline: deadline))
            #expect(forbidden.status == .notFound || forbidden.status == .forbidden)
            let count = try await harness.env.provider.read { db in
                try await ReconciliationRepository(db).entries(month: "2026-11").count
            }
            #expect(count == 0)
        }
    }

    @Test func badMonthsAreRefused() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            for (month, rule) in [("2026-13", "month:format"), ("2026-1", "month:format"), ("2027-01", "month:future")]
            {
                let response = try await harness.send(.get, "/api/v1/reconciliations/\(month)", token: centre)
                #expect(response.status == .unprocessableContent)
                #expect(try response.violations() == [rule])
            }
            let unknown = try await harness.send(.get, "/api/v1/reconciliations/2026-11?unit=no-such", token: centre)
            #expect(try unknown.violations() == ["unit:not_found"])
            let current = try await harness.send(.get, "/api/v1/reconciliations/2026-11", token: centre)
            #expect(current.status == .ok)  // the running month, as it stands now
        }
    }
}
