import Foundation
import Testing

@testable import PinganCore

@Suite("Monthly reconciliation (每月交账, issue 3 §7)")
struct MonthlyReconciliationTests {
    typealias S = LedgerStory
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test func aMonthIsParsedAndBoundedInTheCentresTimeZone() throws {
        let month = try ReconciliationMonth(parsing: "2026-11")
        #expect(month.description == "2026-11")
        #expect(Timestamp.format(month.start(in: Self.shanghai)) == "2026-10-31T16:00:00.000Z")
        #expect(Timestamp.format(month.end(in: Self.shanghai)) == "2026-11-30T16:00:00.000Z")
        #expect(try ReconciliationMonth(parsing: "2026-12").next.description == "2027-01")
    }

    @Test(arguments: ["2026-13", "2026-1", "26-11", "2026/11", "2026-00", "", "２０２６-11", "2026-11-01"])
    func aBadMonthIsRefusedNamingTheField(text: String) {
        #expect(
            throws: PinganError.invalid(
                field: "month", rule: "format", detail: "a month is written YYYY-MM, for example 2026-11")
        ) {
            try ReconciliationMonth(parsing: text)
        }
    }

    @Test func aMonthThatHasNotBegunCannotBeReconciled() throws {
        let december = try ReconciliationMonth(parsing: "2026-12")
        #expect(throws: PinganError.self) { try december.checkBegun(now: S.hours(24), in: Self.shanghai) }
        try december.checkBegun(now: december.start(in: Self.shanghai), in: Self.shanghai)
    }

    @Test func theListHoldsTheCasesUnresolvedAtTheMonthsEndWithDaysOverdue() throws {
        let october = try ReconciliationMonth(parsing: "2026-10")
        // October ends at t0 − 8 h (Beijing midnight). Hours below are from t0 = 2026-11-01T00:00Z.
        var late = S(1, at: -100, deadline: -40)  // overdue 32 h at the month's end → 2 days
        late.work(S.unitA, from: -100)
        var resolvedAfter = S(2, at: -100, deadline: 100)  // unresolved at the end, resolved after it
        resolvedAfter.work(S.unitB, from: -100)
        resolvedAfter.resolve(at: 10)
        var resolvedBefore = S(3, at: -100, deadline: 100)
        resolvedBefore.work(S.unitA, from: -100)
        resolvedBefore.resolve(at: -20)
        let unassigned = S(4, at: -9, deadline: 200)  // received an hour before the end
        let after = S(5, at: -7, deadline: 200)  // created after the end
        let entry = ReconciliationEntry(
            month: "2026-10", caseID: late.record.id, caseNumber: late.record.number, unitID: S.unitA,
            cause: "当事人拒不配合", responsiblePerson: "陈静", newDeadline: S.hours(300), consultation: true,
            consultationReason: "跨街道", recordedBy: "handler", recordedAt: S.hours(1))
        let items = MonthlyReconciliation.items(
            [late, resolvedAfter, resolvedBefore, unassigned, after].map(\.history), month: october,
            timeZone: Self.shanghai, now: S.hours(50), entries: [entry])
        #expect(items.map(\.record.number) == ["QS-2026-000001", "QS-2026-000002", "QS-2026-000004"])
        #expect(items.map(\.daysOverdue) == [2, 0, 0])
        #expect(items.map(\.snapshot.responsibleUnitID) == [S.unitA, S.unitB, nil])
        #expect(items[1].snapshot.status == .inProgress)
        #expect(items[0].entry == entry)
        #expect(items[1].entry == nil)
    }

    @Test func daysOverdueRoundUpSoAnHourLateIsADay() {
        #expect(MonthlyReconciliation.daysOverdue(deadline: S.t0, at: S.hours(1)) == 1)
        #expect(MonthlyReconciliation.daysOverdue(deadline: S.t0, at: S.hours(24)) == 1)
        #expect(MonthlyReconciliation.daysOverdue(deadline: S.t0, at: S.hours(24.5)) == 2)
        #expect(MonthlyReconciliation.daysOverdue(deadline: S.t0, at: S.t0) == 0)
        #expect(MonthlyReconciliation.daysOverdue(deadline: nil, at: S.t0) == 0)
    }

    @Test func anEntryNeedsACauseAPersonAndAFutureDeadline() throws {
        let month = try ReconciliationMonth(parsing: "2026-11")
        let error = #expect(throws: PinganError.self) {
            try ReconciliationEntry.validated(
                month: month, caseID: UUID(), caseNumber: "QS-2026-000001", unitID: nil, cause: "  ",
                responsiblePerson: "", newDeadline: S.t0, consultation: false, consultationReason: nil, by: "x",
                at: S.t0)
        }
        guard case .invalid(let violations)? = error else {
            Issue.record("expected field violations, got \(String(describing: error))")
            return
        }
        #expect(
            violations.map { "\($0.field):\($0.rule)" } == [
                "cause:required", "responsible_person:required", "new_deadline:past",
            ])
        let entry = try ReconciliationEntry.validated(
            month: month, caseID: UUID(), caseNumber: "QS-2026-000001", unitID: S.unitA, cause: " 待鉴定 ",
            responsiblePerson: "陈静", newDeadline: S.hours(1), consultation: true, consultationReason: "  ",
            by: "handler", at: S.t0)
        #expect(entry.cause == "待鉴定")
        #expect(entry.consultationReason == nil)
        #expect(entry.note.hasPrefix("每月交账 2026-11: cause: 待鉴定; responsible: 陈静; agreed deadline: "))
    }
}
