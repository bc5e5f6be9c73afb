import Foundation
import PinganCore
import Testing

@Suite("The accountability ladder and honours eligibility")
struct AccountabilityLadderTests {
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? .gmt
        return calendar
    }()
    static let policy = LadderPolicy.standard
    static let t0 = Timestamp.parse("2025-07-01T02:00:00.000Z") ?? Date()

    static func day(_ days: Int) -> Date { t0 + Double(days) * 86_400 }

    static func opened() -> AccountabilityCase {
        AccountabilityCase.open(
            id: UUID(), unitID: UUID(),
            trigger: .failedAssessment(period: "2025-Q2", share: 1 / 4, passMark: policy.passMark), by: "assessor.qian",
            at: t0,
            policy: policy, calendar: calendar)
    }

    static func eligible(_ item: AccountabilityCase, _ date: Date) -> HonoursEligibility {
        HonoursEligibility.on(date, cases: [item], policy: policy, calendar: calendar)
    }

    @Test("Each step follows when the previous rectification is overdue: 通报 → 约谈 → 挂牌督办 → 一票否决")
    func advances() {
        var item = Self.opened()
        #expect(item.current?.step == .notice)
        #expect(item.current?.deadline == Self.day(30))
        #expect(item.advance(to: Self.day(30), policy: Self.policy, calendar: Self.calendar).isEmpty)
        let added = item.advance(to: Self.day(31), policy: Self.policy, calendar: Self.calendar)
        #expect(added.map(\.step) == [.interview])
        #expect(added[0].at == Self.day(30))
        #expect(added[0].reason.contains("通报 not rectified"))
        // A late run places every step at the time it fell due.
        item.advance(to: Self.day(200), policy: Self.policy, calendar: Self.calendar)
        #expect(item.steps.map(\.step) == [.notice, .interview, .listedSupervision, .veto])
        #expect(item.steps.map(\.at) == [Self.day(0), Self.day(30), Self.day(60), Self.day(120)])
        #expect(item.advance(to: Self.day(400), policy: Self.policy, calendar: Self.calendar).isEmpty)
    }

    @Test("Eligibility for honours is answered before and after each step, with the reason")
    func eligibility() throws {
        let item = Self.opened()
        // 通报 and 约谈 bar nothing.
        #expect(Self.eligible(item, Self.day(1)).isEligible())
        #expect(Self.eligible(item, Self.day(45)).isEligible())
        // 挂牌督办 at day 60: no honours for 6 months, awards and promotion still allowed.
        let listed = Self.eligible(item, Self.day(61))
        #expect(!listed.isEligible())
        #expect(listed.isEligible(for: .awards))
        #expect(listed.isEligible(for: .promotion))
        #expect(listed.bars.first?.reason.contains("挂牌督办") == true)
        // 一票否决 at day 120: nothing for a year.
        let vetoed = Self.eligible(item, Self.day(121))
        #expect(LadderConsequence.allCases.allSatisfy { !vetoed.isEligible(for: $0) })
        let vetoEnd = try #require(Self.calendar.date(byAdding: .year, value: 1, to: Self.day(120)))
        #expect(vetoed.bars.contains { $0.step == .veto && $0.until == vetoEnd })
        // The six months after 挂牌督办 end before the year after 一票否决.
        let afterBoth = Self.eligible(item, vetoEnd)
        #expect(afterBoth.isEligible(for: .honours))
        #expect(!Self.eligible(item, vetoEnd - 1).isEligible(for: .promotion))
    }

    @Test("An accepted rectification stops the ladder; the windows already opened stay")
    func rectification() throws {
        var item = Self.opened()
        try item.rectify(
            note: "整改未完成", accepted: false, by: "operator.zhou", at: Self.day(10), policy: Self.policy,
            calendar: Self.calendar)
        #expect(item.closedAt == nil)
        try item.rectify(
            note: "整改到位", accepted: true, by: "operator.zhou", at: Self.day(70), policy: Self.policy,
            calendar: Self.calendar)
        #expect(item.steps.map(\.step) == [.notice, .interview, .listedSupervision])
        #expect(item.closedAt == Self.day(70))
        #expect(item.advance(to: Self.day(300), policy: Self.policy, calendar: Self.calendar).isEmpty)
        #expect(!Self.eligible(item, Self.day(100)).isEligible())
        #expect(Self.eligible(item, Self.day(300)).isEligible())
        #expect(item.rectifications.map(\.accepted) == [false, true])
        #expect(throws: PinganError.self) {
            try item.rectify(
                note: "again", accepted: true, by: "x", at: Self.day(301), policy: Self.policy, calendar: Self.calendar)
        }
    }

    @Test("An aggravating circumstance moves one step up at once; a mitigating one extends the deadline")
    func circumstances() throws {
        var item = Self.opened()
        try item.record(
            .cooperating, note: "积极配合调查", by: "operator.zhou", at: Self.day(5), policy: Self.policy,
            calendar: Self.calendar)
        #expect(item.current?.deadline == Self.day(45))
        #expect(item.advance(to: Self.day(40), policy: Self.policy, calendar: Self.calendar).isEmpty)
        try item.record(
            .falsifying, note: "台账弄虚作假", by: "operator.zhou", at: Self.day(41), policy: Self.policy,
            calendar: Self.calendar)
        #expect(item.current?.step == .interview)
        #expect(item.current?.at == Self.day(41))
        #expect(item.current?.reason == "aggravating: falsifying")
        #expect(item.circumstances.map(\.kind) == [.cooperating, .falsifying])
        #expect(throws: PinganError.self) {
            try item.record(
                .obstructing, note: " ", by: "x", at: Self.day(42), policy: Self.policy, calendar: Self.calendar)
        }
    }

    @Test("Triggers: a failed scorecard, and N major incidents within M days")
    func triggers() {
        let unit = UUID()
        func incident(_ day: Int, _ severity: String) -> Incident {
            Incident(
                id: UUID(), occurredAt: Self.day(day), regionCode: "990102", unitID: unit, kind: "事故",
                severity: severity, description: "d", entryKey: "1", recordedBy: "a", recordedAt: Self.day(day))
        }
        #expect(
            LadderTriggers.majorIncidents(
                [incident(0, "重大"), incident(10, "一般")], now: Self.day(20), policy: Self.policy) == nil)
        #expect(
            LadderTriggers.majorIncidents(
                [incident(0, "重大"), incident(91, "特别重大")], now: Self.day(100), policy: Self.policy) == nil)
        let trigger = LadderTriggers.majorIncidents(
            [incident(0, "重大"), incident(50, "一般"), incident(80, "特别重大")], now: Self.day(100), policy: Self.policy)
        guard case .majorIncidents(let count, let days, let ids) = trigger else {
            Issue.record("no trigger")
            return
        }
        #expect(count == 2 && days == 90 && ids.count == 2)
        let failing = Scorecard(
            unitID: unit, listID: UUID(),
            lines: [
                .init(
                    itemKey: "1", title: "", maximum: 10,
                    score: ItemScore(
                        id: UUID(), listID: UUID(), listVersion: 1, period: .init(year: 2025), regionCode: "990102",
                        itemKey: "1", unitID: nil, points: 5, maximum: 10, source: .manual(comment: "c", evidence: []),
                        setBy: "a", setAt: Self.t0))
            ], deductions: [])
        #expect(
            LadderTriggers.failedAssessment(failing, period: .init(year: 2025), policy: Self.policy)
                == .failedAssessment(period: "2025", share: 1 / 2, passMark: Self.policy.passMark))
    }
}
