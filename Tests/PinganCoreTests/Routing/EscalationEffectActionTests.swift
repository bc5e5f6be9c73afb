import Foundation
import Testing

@testable import PinganCore

@Suite("What an escalation step does to the case (BRIEF §2 dispositions)")
struct EscalationEffectActionTests {
    let now = CaseFixtures.now
    let upper = CaseFixtures.centreUnit

    func step(_ effect: EscalationEffect, recipients: [EscalationRecipient]) -> PlannedStep {
        let target: EscalationTarget =
            effect == .takeOver ? .leader(.governmentPrincipal, of: .responsibleUnit) : .nextHigherCentre
        return PlannedStep(
            key: StepKey(rawValue: "default/v1/level1/x"), level: .level1,
            step: EscalationStep(key: "x", target: target, when: .deadline, effect: effect),
            dueAt: now, recipients: recipients, explanation: "逾期未化解")
    }

    @Test func notificationsOnlyChangeNothing() {
        for effect in [EscalationEffect.notify, .monitor, .jointResponse] {
            #expect(step(effect, recipients: []).caseAction(on: CaseFixtures.make(.inProgress), at: now) == nil)
        }
    }

    @Test func raisingSupervisionRunsToTheDeadlineOrForTheGraceAfterIt() throws {
        var record = CaseFixtures.make(.inProgress)
        let raise = step(.raiseSupervision, recipients: [.init(unitID: upper, capacity: .higherCentre)])
        let action = try #require(raise.caseAction(on: record, at: now))
        #expect(action == .superviseOn(deadline: try #require(record.deadline), reason: "预警升级:逾期未化解"))
        let late = try #require(record.deadline).addingTimeInterval(1)
        #expect(
            raise.caseAction(on: record, at: late)
                == .superviseOn(deadline: late.addingTimeInterval(PlannedStep.supervisionGrace), reason: "预警升级:逾期未化解"))
        // The action is one the lifecycle accepts.
        _ = try CaseLifecycle.apply(action, to: record, by: .system("scheduler"), at: now)
        record.supervision = CaseSupervision(
            deadline: now.addingTimeInterval(86_400), reason: "已督办", since: now, by: CaseFixtures.operatorActor)
        #expect(raise.caseAction(on: record, at: now) == nil)
        #expect(raise.caseAction(on: CaseFixtures.make(.closed), at: now) == nil)
    }

    @Test func reassigningUpwardKeepsThePreviousUnitAsAParticipant() throws {
        let record = CaseFixtures.make(.inProgress)
        let reassign = step(.reassignUpward, recipients: [.init(unitID: upper, capacity: .higherCentre)])
        let action = try #require(reassign.caseAction(on: record, at: now))
        #expect(
            action
                == .assign(
                    unitID: upper, personID: nil,
                    participantIDs: [CaseFixtures.policeUnit, CaseFixtures.streetUnit], reason: "预警升级:逾期未化解",
                    deadline: nil, acceptDeadline: nil))
        let (changed, _) = try CaseLifecycle.apply(action, to: record, by: .system("scheduler"), at: now)
        #expect(changed.status == .assigned)
        #expect(changed.responsibleUnitID == upper)
        #expect(reassign.caseAction(on: changed, at: now) == nil)  // already there
    }

    @Test func aLeaderOfTheResponsibleUnitTakesTheCaseOverAndOthersAreOnlyNotified() throws {
        let record = CaseFixtures.make(.inProgress)
        let leader = UUID()
        let own = step(
            .takeOver,
            recipients: [
                .init(unitID: CaseFixtures.streetUnit, userID: leader, role: .governmentPrincipal, capacity: .leader)
            ])
        let action = try #require(own.caseAction(on: record, at: now))
        let (changed, _) = try CaseLifecycle.apply(action, to: record, by: .system("scheduler"), at: now)
        #expect(changed.responsiblePersonID == leader)
        #expect(changed.status == .inProgress)
        let other = step(
            .takeOver, recipients: [.init(unitID: upper, userID: leader, role: .governmentPrincipal, capacity: .leader)]
        )
        #expect(other.caseAction(on: record, at: now) == nil)
    }
}
