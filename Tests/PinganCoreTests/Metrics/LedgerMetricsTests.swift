import Foundation
import Testing

@testable import PinganCore

@Suite("Ledger metrics (issue 3 §8)")
struct LedgerMetricsTests {
    typealias S = LedgerStory

    /// The constructed ledger of `docs/METRICS.md`'s worked example: period [t0, t0 + 72 h), seen at t0 + 100 h.
    static func ledger() -> [CaseHistory] {
        var c1 = S(1, at: 0, deadline: 48)  // on time, first time, closed satisfied
        c1.work(S.unitA, from: 0)
        c1.resolve(at: 10)
        c1.close(.satisfied, at: 20)
        var c2 = S(2, at: 0, deadline: 24)  // late, reopened, resolved again late, closed unsatisfied
        c2.work(S.unitA, from: 0)
        c2.resolve(at: 30)
        c2.reopen(at: 31)
        c2.resolve(at: 40)
        c2.close(.unsatisfied, at: 50)
        var c3 = S(3, at: 5, deadline: 20)  // returned once, then resolved on time
        c3.assign(S.unitA, at: 6)
        c3.act(.returnToCentre(reason: "非本单位职责"), at: 7)
        c3.work(S.unitA, from: 7)
        c3.resolve(at: 15)
        var c4 = S(4, at: 0, deadline: 24)  // never resolved: overdue; escalated twice in the period, once after
        c4.work(S.unitA, from: 0)
        c4.escalate(level: "level3", at: 1)
        c4.escalate(level: "level3", at: 30)
        c4.escalate(level: "level2", at: 80)
        var c5 = S(5, at: 0, deadline: 100, regionPath: S.pathB)  // unit B, closed without feedback
        c5.work(S.unitB, from: 0)
        c5.resolve(at: 60)
        c5.close(.none, at: 70)
        var c6 = S(6, at: -24, deadline: 10)  // received before the period, resolved in it
        c6.work(S.unitA, from: -24)
        c6.resolve(at: 5)
        var c7 = S(7, at: 80, deadline: 200)  // created after the period
        c7.work(S.unitA, from: 80)
        var c8 = S(8, at: 0, deadline: 200)  // resolved, then reopened before the period's end
        c8.work(S.unitA, from: 0)
        c8.resolve(at: 60)
        c8.reopen(at: 71)
        var c9 = S(9, at: 0, deadline: 70)  // resolved in the period, reopened only after it
        c9.work(S.unitA, from: 0)
        c9.resolve(at: 65)
        c9.reopen(at: 75)
        let c10 = S(10, at: 10, deadline: 20)  // never assigned: in the region, in no unit, overdue
        return [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10].map(\.history)
    }

    static let period = try! LedgerPeriod(from: S.t0, to: S.hours(72))

    @Test func aUnitsFiguresAreExactOnTheConstructedLedger() throws {
        let metrics = LedgerMetrics.compute(
            Self.ledger(), scope: .unit(S.unitA), period: Self.period, now: S.hours(100))
        #expect(metrics.evaluatedAt == S.hours(72))
        #expect(
            metrics.receivedCases == [
                "QS-2026-000001", "QS-2026-000002", "QS-2026-000003", "QS-2026-000004",
                "QS-2026-000008", "QS-2026-000009",
            ])
        #expect(
            metrics.resolvedCases == [
                "QS-2026-000001", "QS-2026-000002", "QS-2026-000003", "QS-2026-000006",
                "QS-2026-000009",
            ])
        #expect(metrics.onTimeCases == ["QS-2026-000001", "QS-2026-000003", "QS-2026-000006", "QS-2026-000009"])
        #expect(metrics.firstTimeCases == ["QS-2026-000001", "QS-2026-000006", "QS-2026-000009"])
        #expect(metrics.firstTimeResolutionRate == 0.6)
        #expect(metrics.hoursToResolve == [10, 40, 10, 29, 65])
        #expect(metrics.medianHoursToResolve == 29)
        #expect(metrics.p90HoursToResolve == 65)
        #expect(metrics.overdueCases == ["QS-2026-000004"])
        #expect(metrics.escalationsByLevel == ["level3": 2])
        #expect(metrics.satisfiedCases == ["QS-2026-000001"])
        #expect(metrics.ratedCases == ["QS-2026-000001", "QS-2026-000002"])
        #expect(metrics.satisfaction == 0.5)
    }

    @Test func anotherUnitCountsOnlyItsOwnCasesAndHasNoSatisfactionWithoutRatings() {
        let metrics = LedgerMetrics.compute(
            Self.ledger(), scope: .unit(S.unitB), period: Self.period, now: S.hours(100))
        #expect(metrics.receivedCases == ["QS-2026-000005"])
        #expect(metrics.onTimeCases == ["QS-2026-000005"])
        #expect(metrics.firstTimeResolutionRate == 1)
        #expect(metrics.medianHoursToResolve == 60)
        #expect(metrics.p90HoursToResolve == 60)
        #expect(metrics.ratedCases.isEmpty)
        #expect(metrics.satisfaction == nil)
        let satisfaction = metrics.figures.first { $0.key == "satisfaction" }
        #expect(satisfaction?.value == nil)
        #expect(satisfaction?.explanation.contains("undefined") == true)
    }

    @Test func aRegionSubtreeIncludesUnassignedCases() {
        let metrics = LedgerMetrics.compute(
            Self.ledger(), scope: .region(path: "990100/990102/990102002"), period: Self.period, now: S.hours(100))
        #expect(metrics.receivedCases.count == 7)
        #expect(metrics.overdueCases == ["QS-2026-000004", "QS-2026-000010"])
        let district = LedgerMetrics.compute(
            Self.ledger(), scope: .region(path: "990100/990102"), period: Self.period, now: S.hours(100))
        #expect(district.receivedCases.count == 8)
        #expect(district.resolvedCases.count == 6)
    }

    @Test func whileThePeriodRunsOverdueIsEvaluatedNow() {
        let running = try! LedgerPeriod(from: S.t0, to: S.hours(24 * 30))
        let metrics = LedgerMetrics.compute(Self.ledger(), scope: .unit(S.unitA), period: running, now: S.hours(100))
        #expect(metrics.evaluatedAt == S.hours(100))
        // C4 (deadline 24 h) and C9 (reopened at 75 h, deadline 70 h) are unresolved past their deadlines at 100 h.
        #expect(metrics.overdueCases == ["QS-2026-000004", "QS-2026-000009"])
        #expect(metrics.escalationsByLevel == ["level2": 1, "level3": 2])
        #expect(!metrics.resolvedCases.contains("QS-2026-000009"))
    }

    @Test func everyFigureCarriesItsDefinitionAndExplanation() {
        let figures = LedgerMetrics.compute(
            Self.ledger(), scope: .unit(S.unitA), period: Self.period, now: S.hours(100)
        ).figures
        #expect(
            figures.map(\.key) == [
                "received", "resolved", "resolved_on_time", "first_time_resolution_rate", "median_hours_to_resolve",
                "p90_hours_to_resolve", "overdue", "escalations", "satisfaction",
            ])
        #expect(figures.allSatisfy { !$0.definition.isEmpty && !$0.explanation.isEmpty })
        let median = figures.first { $0.key == "median_hours_to_resolve" }
        #expect(median?.explanation == "value 3 of 5 sorted (10.00, 10.00, 29.00, 40.00, 65.00) = 29.00 h")
        let rate = figures.first { $0.key == "first_time_resolution_rate" }
        #expect(rate?.explanation == "3 of 5 resolved case(s) never reopened nor returned = 0.60")
        #expect(figures.first { $0.key == "escalations" }?.breakdown == ["level3": 2])
    }

    @Test func aPeriodMustEndAfterItStarts() {
        #expect(
            throws: PinganError.invalid(field: "to", rule: "order", detail: "the period's end must lie after its start")
        ) {
            try LedgerPeriod(from: S.t0, to: S.t0)
        }
    }

    @Test func theSnapshotFollowsTheTimelineNotTheCurrentRecord() {
        var moved = S(20, at: 0, deadline: 24)
        moved.work(S.unitA, from: 0)
        moved.act(.requestExtension(newDeadline: S.hours(90), reason: "需要鉴定"), at: 10)
        moved.act(.approveExtension(note: nil), at: 80)
        moved.assign(S.unitB, at: 81)
        let before = moved.history.snapshot(before: S.hours(72))
        #expect(before == CaseSnapshot(status: .inProgress, responsibleUnitID: S.unitA, deadline: S.hours(24)))
        let after = moved.history.snapshot(before: S.hours(100))
        #expect(after == CaseSnapshot(status: .assigned, responsibleUnitID: S.unitB, deadline: S.hours(90)))
        #expect(moved.history.snapshot(before: S.hours(0)) == nil)
    }

    static let percentileCases: [(Int, [Double], Double)] = [
        (50, [1, 2, 3, 4], 2), (90, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9), (50, [7], 7),
        (90, (1...20).map(Double.init), 18), (50, [5, 1, 3], 3),
    ]

    @Test(arguments: percentileCases)
    func nearestRankPercentiles(percent: Int, values: [Double], expected: Double) {
        #expect(NearestRank.percentile(percent, of: values) == expected)
    }

    @Test func noValuesHaveNoPercentile() {
        #expect(NearestRank.percentile(50, of: []) == nil)
    }
}
