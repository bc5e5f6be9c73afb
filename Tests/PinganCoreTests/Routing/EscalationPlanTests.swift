import Foundation
import PinganCore
import Testing

@Suite("Escalation plans (BRIEF §2 chains, moved through time)")
struct EscalationPlanTests {
    let fixture = RoutingFixture()
    let policy = EscalationPolicy.defaultPolicy
    let start = beijing("2026-03-02T09:00")
    let deadline = beijing("2026-03-05T00:00")

    func plan(
        _ level: WarningLevel, responsible: OrgUnit? = nil, participants: [UUID] = [], units: [OrgUnit]? = nil
    )
        throws -> EscalationPlan
    {
        let facts = EscalationFacts(
            level: level, start: start, deadline: deadline,
            responsibleUnitID: (responsible ?? fixture.qingshanOffice).id, participantUnitIDs: participants)
        return try EscalationPlan.make(policy: policy, facts: facts, units: units ?? fixture.units)
    }

    @Test("a level-3 dispute notifies the street's deputy leader at once and its government principal at the deadline")
    func levelThree() throws {
        let plan = try plan(.level3)
        // setup: the case starts; act: a pass at the start
        let first = plan.steps(due: start, alreadyFired: [], resolved: false)
        #expect(first.map(\.key.rawValue) == ["default/v1/level3/deputy"])
        #expect(
            first.first?.recipients == [
                .init(unitID: fixture.qingshanOffice.id, userID: fixture.deputy, role: .deputy, capacity: .leader)
            ])
        #expect(first.first?.explanation.contains("青山街道办事处分管领导") == true)
        var fired = Set(first.map(\.key))
        // a pass a day later, still before the deadline: nothing new
        #expect(plan.steps(due: beijing("2026-03-03T09:00"), alreadyFired: fired, resolved: false).isEmpty)
        #expect(plan.steps(due: deadline.addingTimeInterval(-1), alreadyFired: fired, resolved: false).isEmpty)
        // the deadline passes unresolved: the government principal takes it
        let second = plan.steps(due: deadline, alreadyFired: fired, resolved: false)
        #expect(second.map(\.key.rawValue) == ["default/v1/level3/principal"])
        #expect(second.first?.recipients.first?.userID == fixture.governmentPrincipal)
        #expect(second.first?.recipients.first?.role == .governmentPrincipal)
        #expect(second.first?.effect == .takeOver)
        #expect(second.first?.explanation.contains("2026-03-04 24:00") == true)
        fired.formUnion(second.map(\.key))
        #expect(plan.nextDueAt(alreadyFired: fired) == nil)
    }

    @Test("a level-3 dispute resolved before its deadline never reaches the government principal")
    func resolvedStops() throws {
        let plan = try plan(.level3)
        let fired: Set<StepKey> = [StepKey(rawValue: "default/v1/level3/deputy")]
        #expect(plan.steps(due: deadline.addingTimeInterval(3_600), alreadyFired: fired, resolved: true).isEmpty)
        #expect(plan.steps(due: start, alreadyFired: [], resolved: true).isEmpty)
    }

    @Test("if the deputy cannot resolve it, the principal's take-over is available on demand and never fires on time")
    func principalOnDemand() throws {
        let plan = try plan(.level3)
        let onDemand = plan.onDemandSteps(alreadyFired: [])
        #expect(onDemand.map(\.key.rawValue) == ["default/v1/level3/principal-on-request"])
        #expect(onDemand.first?.dueAt == nil)
        #expect(onDemand.first?.recipients.first?.userID == fixture.governmentPrincipal)
        let farFuture = beijing("2026-12-31T00:00")
        #expect(!plan.steps(due: farFuture, alreadyFired: [], resolved: false).map(\.key).contains(onDemand[0].key))
        #expect(plan.onDemandSteps(alreadyFired: [onDemand[0].key]).isEmpty)
    }

    @Test("a level-1 dispute notifies the party-committee principal at once and the next higher centre at the deadline")
    func levelOne() throws {
        let plan = try plan(.level1)
        let now = plan.steps(due: start, alreadyFired: [], resolved: false)
        #expect(now.count == 1)
        #expect(
            now.first?.recipients == [
                .init(
                    unitID: fixture.qingshanOffice.id, userID: fixture.partyPrincipal, role: .partyPrincipal,
                    capacity: .leader)
            ])
        let later = plan.steps(due: deadline, alreadyFired: Set(now.map(\.key)), resolved: false)
        #expect(later.first?.recipients == [.init(unitID: fixture.qingshanCentre.id, capacity: .higherCentre)])
        #expect(later.first?.effect == .raiseSupervision)
    }

    @Test("a red warning forms a joint response of the lead and participating units at once, convened by the centre")
    func redJointResponse() throws {
        let plan = try plan(.red, participants: [fixture.police.id, fixture.housingBureau.id])
        let now = plan.steps(due: start, alreadyFired: [], resolved: false)
        let joint = try #require(now.first { $0.effect == .jointResponse })
        #expect(
            joint.recipients == [
                .init(unitID: fixture.qingshanCentre.id, capacity: .convenor),
                .init(unitID: fixture.qingshanOffice.id, capacity: .lead),
                .init(unitID: fixture.police.id, capacity: .participant),
                .init(unitID: fixture.housingBureau.id, capacity: .participant),
            ])
        #expect(joint.dueAt == start)
        #expect(now.contains { $0.recipients.first?.userID == fixture.partyPrincipal })
        // 边处置、边汇报: a report to the higher centre four hours in
        let report = plan.steps(due: beijing("2026-03-02T13:00"), alreadyFired: Set(now.map(\.key)), resolved: false)
        #expect(report.map(\.key.rawValue) == ["default/v1/red/report"])
    }

    @Test("an unfilled leader post reaches the parent centre instead, and the step says so")
    func unfilledRoleFallsBack() throws {
        let plan = try plan(.level3, responsible: fixture.mingdeOffice)
        let step = try #require(plan.steps(due: start, alreadyFired: [], resolved: false).first)
        #expect(step.recipients == [.init(unitID: fixture.qingshanCentre.id, capacity: .fallbackCentre)])
        #expect(step.explanation.contains("明德街道办事处未设置分管领导"))
        #expect(step.explanation.contains("青山区社会治理中心"))
    }

    @Test("steps never fire twice, however many scheduler passes run")
    func exactlyOnce() throws {
        let plan = try plan(.red, participants: [fixture.police.id])
        var fired: Set<StepKey> = []
        var count: [StepKey: Int] = [:]
        var time = start.addingTimeInterval(-3_600)
        while time <= deadline.addingTimeInterval(86_400) {
            for step in plan.steps(due: time, alreadyFired: fired, resolved: false) {
                count[step.key, default: 0] += 1
                fired.insert(step.key)
            }
            time = time.addingTimeInterval(1_800)
        }
        #expect(count.count == 4)
        #expect(count.values.allSatisfy { $0 == 1 })
    }

    @Test("raising the level re-plans: fired steps stay fired and the new level's at-once steps are due at once")
    func replanOnRaise() throws {
        let old = try plan(.level3)
        let fired = Set(old.steps(due: start, alreadyFired: [], resolved: false).map(\.key))
        let raisedAt = beijing("2026-03-03T15:00")
        let new = try EscalationPlan.replan(
            from: old, newLevel: .level1, at: raisedAt, units: fixture.units, alreadyFired: fired)
        #expect(new.level == .level1)
        #expect(new.levelSince == raisedAt)
        #expect(new.history.map(\.key) == Array(fired))
        #expect(!new.steps.contains { $0.level == .level3 })
        let due = new.steps(due: raisedAt, alreadyFired: fired, resolved: false)
        #expect(due.map(\.key.rawValue) == ["default/v1/level1/party-principal"])
        #expect(due.first?.dueAt == raisedAt)
        #expect(new.steps(due: raisedAt.addingTimeInterval(-1), alreadyFired: fired, resolved: false).isEmpty)
        #expect(throws: PinganError.self) {
            try EscalationPlan.replan(from: old, newLevel: .red, at: raisedAt, units: fixture.units)
        }
    }

    @Test("a running plan keeps the policy version it started under when the policy is edited")
    func keepsPolicyVersion() throws {
        let old = try plan(.level3)
        var edited = policy
        edited.version = 2
        edited.chains = edited.chains.filter { $0.level != .level2 }
        let raised = try EscalationPlan.replan(
            from: old, newLevel: .level2, at: beijing("2026-03-03T10:00"), units: fixture.units)
        #expect(raised.policyVersion == 1)
        #expect(raised.steps.map(\.key.rawValue).allSatisfy { $0.hasPrefix("default/v1/level2/") })
        #expect(raised.steps.count == 2)
        let fresh = try EscalationPlan.make(
            policy: edited, facts: raised.facts, units: fixture.units)
        #expect(fresh.steps.isEmpty)
        #expect(fresh.policyVersion == 2)
    }

    @Test("delays count from the start and past the deadline, and an extension moves the deadline steps only")
    func delaysAndExtension() throws {
        let custom = EscalationPolicy(
            name: "custom", version: 3,
            chains: [
                EscalationChain(
                    level: .level2, disposal: "化解",
                    steps: [
                        EscalationStep(
                            key: "check-in", target: .responsibleUnit, when: .afterStart,
                            delay: EscalationDelay(minutes: 120), effect: .notify),
                        EscalationStep(
                            key: "overdue", target: .leader(.partyPrincipal, of: .parentUnit), when: .afterDeadline,
                            delay: EscalationDelay(text: "1d"), effect: .reassignUpward),
                    ])
            ])
        try custom.validate()
        let facts = EscalationFacts(
            level: .level2, start: start, deadline: deadline, responsibleUnitID: fixture.qingshanOffice.id)
        let plan = try EscalationPlan.make(policy: custom, facts: facts, units: fixture.units)
        #expect(plan.steps.map(\.dueAt) == [beijing("2026-03-02T11:00"), beijing("2026-03-06T00:00")])
        // the parent (the district centre) has no party principal: the city centre stands in
        #expect(plan.steps[1].recipients == [.init(unitID: fixture.cityCentre.id, capacity: .fallbackCentre)])
        #expect(plan.steps[1].key.rawValue == "custom/v3/level2/overdue")
        let extended = try plan.movingDeadline(to: beijing("2026-03-10T00:00"), units: fixture.units)
        #expect(extended.steps.map(\.dueAt) == [beijing("2026-03-02T11:00"), beijing("2026-03-11T00:00")])
        #expect(extended.steps.map(\.key) == plan.steps.map(\.key))
    }

    @Test("a case without a warning level, or with an unknown unit, is handled")
    func edgeCases() throws {
        #expect(try plan(.none).steps.isEmpty)
        let error = #expect(throws: PinganError.self) {
            try plan(.level3, participants: [UUID()])
        }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        #expect(violations.first?.field == "participant_unit_ids[0]")
    }

    @Test("a plan survives a JSON round trip, so the store can keep it")
    func planRoundTrips() throws {
        let plan = try plan(.orange, participants: [fixture.police.id])
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(EscalationPlan.self, from: data) == plan)
    }
}
