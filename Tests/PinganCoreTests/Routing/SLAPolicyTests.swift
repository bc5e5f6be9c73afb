import Foundation
import PinganCore
import Testing

@Suite("SLA policy (受理与办结时限)")
struct SLAPolicyTests {
    let policy = SLAPolicy.defaultPolicy
    let calendar: WorkCalendar

    init() throws {
        calendar = try WorkCalendar.chinaMainland()
    }

    @Test("the shipped policy is valid and has a fallback for every kind")
    func defaultIsValid() throws {
        try policy.validate()
        for kind in CaseKind.allCases {
            #expect(policy.rule(kind: kind, category: "any.thing", level: .none) != nil)
        }
    }

    @Test("a level-1 dispute is accepted within 1 hour and resolved within 3 working days")
    func levelOneDispute() throws {
        let deadlines = try policy.deadlines(
            kind: .dispute, category: "housing.property", level: .level1, receivedAt: beijing("2026-03-02T09:30"),
            calendar: calendar)
        #expect(deadlines.acceptBy == beijing("2026-03-02T10:30"))
        #expect(deadlines.resolveBy == beijing("2026-03-06T00:00"))
        #expect(deadlines.rule.level == .level1)
        #expect(deadlines.policyVersion == 1)
        #expect(deadlines.explanation.contains("1小时内受理"))
        #expect(deadlines.explanation.contains("受理后3个工作日内办结"))
        #expect(deadlines.explanation.contains("2026-03-05 24:00"))
    }

    @Test("a citizen request gets the plain-Chinese promise 受理后5个工作日内办结")
    func requestNotice() throws {
        let rule = try #require(policy.rule(kind: .request, category: "public.roads", level: .none))
        #expect(rule.rule.resolve.noticeText == "受理后5个工作日内办结")
        #expect(rule.rule.accept.acceptanceNoticeText == "1个工作日内受理")
        #expect(SLAPolicy.Duration.hours(24).noticeText == "24小时内办结")
        let red = try #require(policy.rule(kind: .opinionWarning, category: "x", level: .red))
        #expect(red.rule.resolve.noticeText == "24小时内办结")
    }

    @Test("a level rule beats a category rule, a category rule beats the fallback, and exact beats prefix")
    func ruleSelection() throws {
        var custom = policy
        custom.rules.append(
            .init(kind: .dispute, category: CategoryPattern("labour.*"), accept: .hours(8), resolve: .workingDays(7)))
        custom.rules.append(
            .init(kind: .dispute, category: CategoryPattern("labour.wage"), accept: .hours(6), resolve: .workingDays(6))
        )
        try custom.validate()
        #expect(custom.rule(kind: .dispute, category: "labour.injury", level: .none)?.rule.resolve == .workingDays(7))
        #expect(custom.rule(kind: .dispute, category: "labour.wage", level: .none)?.rule.resolve == .workingDays(6))
        #expect(custom.rule(kind: .dispute, category: "labour.wage", level: .level2)?.rule.resolve == .workingDays(5))
        #expect(custom.rule(kind: .dispute, category: "family", level: .none)?.rule.resolve == .workingDays(15))
    }

    @Test("calendar-hour deadlines ignore holidays")
    func hoursIgnoreHolidays() throws {
        let deadlines = try policy.deadlines(
            kind: .incident, category: "fire", level: .none, receivedAt: beijing("2026-10-01T08:00"),
            calendar: calendar)
        #expect(deadlines.resolveBy == beijing("2026-10-02T08:00"))
        #expect(deadlines.acceptBy == beijing("2026-10-01T09:00"))
    }

    @Test("an invalid policy names each broken field")
    func validationNamesFields() throws {
        let json = """
            {"name": "custom", "version": 1, "rules": [
              {"kind": "dispute", "accept": {"hours": 2}, "resolve": {"working_days": 5}},
              {"kind": "dispute", "accept": {"hours": 2}, "resolve": {"working_days": 5}},
              {"kind": "dispute", "level": "red", "accept": {"hours": 0}, "resolve": {"hours": 1}},
              {"kind": "request", "accept": {"working_days": 6}, "resolve": {"working_days": 5}}
            ]}
            """
        let error = #expect(throws: PinganError.self) { try SLAPolicy.load(json: Data(json.utf8)) }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        let pairs = Set(violations.map { "\($0.field) \($0.rule)" })
        #expect(pairs.contains("rules[1] duplicate"))
        #expect(pairs.contains("rules[2].accept range"))
        #expect(pairs.contains("rules[2].level scale"))
        #expect(pairs.contains("rules[3].accept order"))
        #expect(pairs.contains("rules fallback_missing"))
    }

    @Test("a duration with both hours and working days is rejected at its path")
    func ambiguousDuration() throws {
        let json = """
            {"name": "custom", "version": 1, "rules": [
              {"kind": "dispute", "accept": {"hours": 2, "working_days": 1}, "resolve": {"working_days": 5}}]}
            """
        let error = #expect(throws: PinganError.self) { try SLAPolicy.load(json: Data(json.utf8)) }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        #expect(violations.map(\.field) == ["rules[0].accept"])
    }

    @Test("the policy round-trips through its JSON form")
    func roundTrip() throws {
        let data = try JSONEncoder().encode(policy)
        #expect(try SLAPolicy.load(json: data) == policy)
    }
}
