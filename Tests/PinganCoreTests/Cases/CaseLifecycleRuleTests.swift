import Foundation
import Testing

@testable import PinganCore

@Suite("Case lifecycle rules")
struct CaseLifecycleRuleTests {
    let now = CaseFixtures.now
    let day = CaseFixtures.day
    let centre = CaseFixtures.operatorActor
    let handler = CaseFixtures.handlerActor

    // MARK: assignment and acceptance

    @Test func assigningAReceivedCaseSetsTheUnitPeopleAndDeadlinesAndRecordsTheReason() throws {
        let record = CaseFixtures.make(.received)
        let (assigned, events) = try CaseLifecycle.apply(
            .assign(
                unitID: CaseFixtures.streetUnit, personID: CaseFixtures.handlerID,
                participantIDs: [CaseFixtures.policeUnit], reason: " 按路由表:物业纠纷归街道 ",
                deadline: now.addingTimeInterval(7 * day), acceptDeadline: now.addingTimeInterval(day)),
            to: record, by: centre, at: now)

        #expect(assigned.status == .assigned)
        #expect(assigned.responsibleUnitID == CaseFixtures.streetUnit)
        #expect(assigned.responsiblePersonID == CaseFixtures.handlerID)
        #expect(assigned.participatingUnitIDs == [CaseFixtures.policeUnit])
        #expect(assigned.deadline == now.addingTimeInterval(7 * day))
        #expect(assigned.acceptDeadline == now.addingTimeInterval(day))
        let event = try #require(CaseFixtures.only(events))
        #expect(event.type == .assigned)
        #expect(event.note == "按路由表:物业纠纷归街道")
        #expect(event.data["unit_id"] == CaseFixtures.streetUnit.uuidString)
        #expect(event.data["participant_ids"] == CaseFixtures.policeUnit.uuidString)
        #expect(event.data["reassignment"] == "false")
        #expect(event.data["deadline"] == Timestamp.format(now.addingTimeInterval(7 * day)))
    }

    @Test func anAssignmentReportsEveryBrokenFieldAtOnce() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .assign(
                    unitID: CaseFixtures.streetUnit, personID: nil,
                    participantIDs: [CaseFixtures.streetUnit, CaseFixtures.policeUnit, CaseFixtures.policeUnit],
                    reason: "  ", deadline: now.addingTimeInterval(-1), acceptDeadline: now),
                to: CaseFixtures.make(.received), by: centre, at: now)
        }
        #expect(
            violations.map(\.field) == ["reason", "participant_ids", "participant_ids", "deadline", "accept_deadline"])
        #expect(violations.map(\.rule) == ["required", "lead_included", "duplicate", "past", "past"])
    }

    @Test func anAcceptanceDeadlineLaterThanTheDeadlineIsRefused() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .assign(
                    unitID: CaseFixtures.streetUnit, personID: nil, participantIDs: [], reason: "分派",
                    deadline: now.addingTimeInterval(day), acceptDeadline: now.addingTimeInterval(2 * day)),
                to: CaseFixtures.make(.received), by: centre, at: now)
        }
        #expect(violations.map(\.rule) == ["order"])
    }

    @Test func reassigningToAnotherUnitNeedsANewAcceptanceAndDropsThePendingExtension() throws {
        var record = CaseFixtures.prepared(.inProgress, for: .approveExtension)
        record.leadContested = true
        let (reassigned, events) = try CaseLifecycle.apply(
            CaseFixtures.sample(.assign), to: record, by: centre, at: now)

        #expect(reassigned.status == .assigned)
        #expect(reassigned.responsibleUnitID == CaseFixtures.housingUnit)
        #expect(reassigned.responsiblePersonID == nil)
        #expect(reassigned.pendingExtension == nil)
        #expect(!reassigned.leadContested)
        #expect(events.map(\.type) == [.extensionDropped, .assigned])
        #expect(events[0].data["cause"] == "reassigned")
        #expect(events[1].data["previous_unit_id"] == CaseFixtures.streetUnit.uuidString)
        #expect(events[1].data["reassignment"] == "true")
    }

    @Test func reassigningAnInProgressCaseToTheSameUnitKeepsItInProgress() throws {
        let record = CaseFixtures.make(.inProgress)
        let (changed, _) = try CaseLifecycle.apply(
            .assign(
                unitID: CaseFixtures.streetUnit, personID: nil, participantIDs: [CaseFixtures.housingUnit],
                reason: "增加住建局参与", deadline: nil, acceptDeadline: nil),
            to: record, by: centre, at: now)
        #expect(changed.status == .inProgress)
        #expect(changed.responsiblePersonID == CaseFixtures.handlerID)
        #expect(changed.participatingUnitIDs == [CaseFixtures.housingUnit])
        #expect(changed.deadline == record.deadline)
    }

    @Test func acceptingMovesAnAssignedCaseStraightToInProgressAndNotesALateAcceptance() throws {
        var record = CaseFixtures.make(.assigned)
        let (onTime, onTimeEvents) = try CaseLifecycle.apply(.accept(personID: nil), to: record, by: handler, at: now)
        #expect(onTime.status == .inProgress)
        #expect(onTime.responsiblePersonID == CaseFixtures.handlerID)
        #expect(onTimeEvents.map(\.type) == [.accepted])
        #expect(onTimeEvents.first?.data["accepted_late"] == "false")

        record.acceptDeadline = now.addingTimeInterval(-3600)
        let (_, lateEvents) = try CaseLifecycle.apply(
            .accept(personID: CaseFixtures.operatorID), to: record, by: handler, at: now)
        #expect(lateEvents.first?.data["accepted_late"] == "true")
        #expect(lateEvents.first?.data["person_id"] == CaseFixtures.operatorID.uuidString)
    }

    @Test func progressNeedsANote() throws {
        let record = CaseFixtures.make(.inProgress)
        let (_, events) = try CaseLifecycle.apply(.addProgress(note: "已现场核实"), to: record, by: handler, at: now)
        #expect(events.map(\.type) == [.progress])
        #expect(events.first?.note == "已现场核实")
        #expect(
            CaseFixtures.violations {
                _ = try CaseLifecycle.apply(.addProgress(note: "\n"), to: record, by: handler, at: now)
            }.map(\.field) == ["note"])
    }

    // MARK: return (退回)

    @Test(arguments: [CaseStatus.assigned, .inProgress])
    func returningSendsTheCaseBackToTheCentreWithoutAUnitAndCountsIt(status: CaseStatus) throws {
        let record = CaseFixtures.prepared(status, for: .approveExtension)
        let (returned, events) = try CaseLifecycle.apply(
            .returnToCentre(reason: "不属于本街道辖区"), to: record, by: handler, at: now)

        #expect(returned.status == .received)
        #expect(returned.responsibleUnitID == nil)
        #expect(returned.responsiblePersonID == nil)
        #expect(returned.participatingUnitIDs.isEmpty)
        #expect(returned.pendingExtension == nil)
        #expect(returned.returnCount == record.returnCount + 1)
        #expect(events.map(\.type) == [.extensionDropped, .returned])
        #expect(events.last?.note == "不属于本街道辖区")
        #expect(events.last?.data["previous_unit_id"] == CaseFixtures.streetUnit.uuidString)
        #expect(CaseLifecycle.allowedActions(for: returned).contains(.assign))
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func aReturnWithoutAReasonIsRefusedNamingTheField(reason: String) {
        #expect(
            throws: PinganError.invalid([
                FieldViolation(field: "reason", rule: "required", detail: "a reason is required")
            ])
        ) {
            try CaseLifecycle.apply(
                .returnToCentre(reason: reason), to: CaseFixtures.make(.assigned), by: handler, at: now)
        }
    }

    @Test func anOverlongReasonIsRefused() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .returnToCentre(reason: String(repeating: "因", count: 2_001)), to: CaseFixtures.make(.assigned),
                by: handler, at: now)
        }
        #expect(violations.map(\.rule) == ["length"])
    }

    // MARK: resolve, close, reopen

    @Test func resolvingRecordsTheChannelAndResultAndWhetherItWasOnTime() throws {
        let record = CaseFixtures.make(.inProgress)
        let (resolved, events) = try CaseLifecycle.apply(
            .resolve(channel: .peopleMediation, result: "  双方签订调解协议 "), to: record, by: handler, at: now)
        #expect(resolved.status == .resolved)
        #expect(
            resolved.resolution
                == CaseResolution(channel: .peopleMediation, result: "双方签订调解协议", resolvedAt: now, resolvedBy: handler))
        let event = try #require(CaseFixtures.only(events))
        #expect(event.data["channel"] == "people_mediation")
        #expect(event.data["non_litigation"] == "true")
        #expect(event.data["on_time"] == "true")
    }

    @Test func aResolutionWithoutAResultIsRefused() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .resolve(channel: .litigation, result: ""), to: CaseFixtures.make(.inProgress), by: handler, at: now)
        }
        #expect(violations == [FieldViolation(field: "result", rule: "required", detail: "a result is required")])
    }

    @Test func closingWithoutFeedbackIsAllowedOnlyAfterTheFeedbackPeriod() throws {
        let record = CaseFixtures.make(.resolved)
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .close(feedback: .none, afterFeedbackPeriod: false), to: record, by: centre, at: now)
        }
        #expect(violations.map(\.field) == ["feedback"])

        let (closed, events) = try CaseLifecycle.apply(
            .close(feedback: .none, afterFeedbackPeriod: true), to: record, by: .system("scheduler"), at: now)
        #expect(closed.status == .closed)
        #expect(closed.feedback == CaseFeedback.none)
        #expect(closed.closedAt == now)
        #expect(events.first?.data == ["feedback": "none", "after_feedback_period": "true"])
        #expect(events.first?.actor.auditName == "system:scheduler")
    }

    @Test func closingEndsSupervision() throws {
        var record = CaseFixtures.make(.resolved)
        record.supervision = CaseSupervision(
            deadline: now.addingTimeInterval(day), reason: "督办", since: CaseFixtures.opened, by: centre)
        let (closed, events) = try CaseLifecycle.apply(
            .close(feedback: .unsatisfied, afterFeedbackPeriod: false), to: record, by: centre, at: now)
        #expect(closed.supervision == nil)
        #expect(closed.feedback == .unsatisfied)
        #expect(events.map(\.type) == [.supervisionOff, .closed])
        #expect(events.first?.data["cause"] == "closed")
    }

    @Test func reopeningSendsTheCaseBackToTheSameUnitAndCountsEachReopen() throws {
        let record = CaseFixtures.make(.resolved)
        let newDeadline = now.addingTimeInterval(4 * day)
        let (reopened, events) = try CaseLifecycle.apply(
            .reopen(reason: "业主不认可", requester: .citizen, deadline: newDeadline), to: record, by: centre, at: now)
        #expect(reopened.status == .inProgress)
        #expect(reopened.responsibleUnitID == CaseFixtures.streetUnit)
        #expect(reopened.resolution == nil)
        #expect(reopened.reopenCount == 1)
        #expect(reopened.deadline == newDeadline)
        let event = try #require(CaseFixtures.only(events))
        #expect(event.type == .reopened)
        #expect(event.note == "业主不认可")
        #expect(event.data["requester"] == "citizen")
        #expect(event.data["previous_channel"] == "people_mediation")
        #expect(event.data["reopen_count"] == "1")

        let (resolvedAgain, _) = try CaseLifecycle.apply(
            .resolve(channel: .administrativeMediation, result: "重新调解"), to: reopened, by: handler,
            at: now.addingTimeInterval(day))
        let (reopenedTwice, _) = try CaseLifecycle.apply(
            .reopen(reason: "中心复核不通过", requester: .centre, deadline: nil), to: resolvedAgain, by: centre,
            at: now.addingTimeInterval(2 * day))
        #expect(reopenedTwice.reopenCount == 2)
        #expect(reopenedTwice.version == record.version + 3)
    }

    @Test func aReopenWithAPastDeadlineOrNoReasonIsRefusedWithBothFields() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .reopen(reason: "", requester: .centre, deadline: now), to: CaseFixtures.make(.resolved), by: centre,
                at: now)
        }
        #expect(violations.map(\.field) == ["reason", "deadline"])
    }

    // MARK: supervision (督办)

    @Test(arguments: [CaseStatus.received, .assigned, .inProgress, .resolved])
    func supervisionCanBePutOnAndTakenOffAnyOpenCase(status: CaseStatus) throws {
        let record = CaseFixtures.make(status)
        let deadline = now.addingTimeInterval(3 * day)
        let (supervised, onEvents) = try CaseLifecycle.apply(
            .superviseOn(deadline: deadline, reason: "群众反映强烈"), to: record, by: centre, at: now)
        #expect(
            supervised.supervision == CaseSupervision(deadline: deadline, reason: "群众反映强烈", since: now, by: centre))
        #expect(supervised.status == status)
        #expect(onEvents.first?.data["deadline"] == Timestamp.format(deadline))

        let (unsupervised, offEvents) = try CaseLifecycle.apply(
            .superviseOff(reason: "已有进展"), to: supervised, by: centre, at: now.addingTimeInterval(60))
        #expect(unsupervised.supervision == nil)
        #expect(offEvents.map(\.type) == [.supervisionOff])
        #expect(offEvents.first?.note == "已有进展")
        #expect(offEvents.first?.data["cause"] == "ended")
    }

    @Test(arguments: [-CaseFixtures.day, 0])
    func aSupervisionDeadlineThatIsNotInTheFutureIsRefused(offset: TimeInterval) {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .superviseOn(deadline: now.addingTimeInterval(offset), reason: "督办"), to: CaseFixtures.make(.assigned),
                by: centre, at: now)
        }
        #expect(
            violations == [
                FieldViolation(field: "deadline", rule: "past", detail: "the deadline must lie in the future")
            ])
    }

    @Test func supervisingASupervisedCaseRenewsItsDeadline() throws {
        let record = CaseFixtures.prepared(.inProgress, for: .superviseOff)
        let later = now.addingTimeInterval(9 * day)
        let (renewed, events) = try CaseLifecycle.apply(
            .superviseOn(deadline: later, reason: "升级督办"), to: record, by: centre, at: now)
        #expect(renewed.supervision?.deadline == later)
        #expect(events.first?.data["renewed"] == "true")
        #expect(events.first?.data["previous_deadline"] == Timestamp.format(now.addingTimeInterval(3 * day)))
    }

    @Test func supervisionCannotBeTakenOffACaseThatIsNotSupervised() {
        let record = CaseFixtures.make(.inProgress)
        do {
            _ = try CaseLifecycle.apply(.superviseOff(reason: "结束"), to: record, by: centre, at: now)
            Issue.record("expected a transition error")
        } catch let error as CaseTransitionError {
            #expect(error.detail == "the case is not under supervision")
            #expect(!error.allowed.contains(.superviseOff))
            #expect(error.allowed.contains(.superviseOn))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    // MARK: extensions (延期)

    @Test func anApprovedExtensionMovesTheDeadlineOnTheRecord() throws {
        let record = CaseFixtures.prepared(.inProgress, for: .requestExtension)
        let requested = now.addingTimeInterval(12 * day)
        let (pending, requestEvents) = try CaseLifecycle.apply(
            .requestExtension(newDeadline: requested, reason: "需等待房屋鉴定"), to: record, by: handler, at: now)
        #expect(pending.deadline == record.deadline)
        #expect(
            pending.pendingExtension
                == CaseExtensionRequest(
                    requestedDeadline: requested, reason: "需等待房屋鉴定", requestedAt: now, requestedBy: handler))
        #expect(requestEvents.first?.type == .extensionRequested)
        #expect(!CaseLifecycle.allowedActions(for: pending).contains(.requestExtension))

        let (approved, approveEvents) = try CaseLifecycle.apply(
            .approveExtension(note: nil), to: pending, by: centre, at: now.addingTimeInterval(3600))
        #expect(approved.deadline == requested)
        #expect(approved.pendingExtension == nil)
        let event = try #require(CaseFixtures.only(approveEvents))
        #expect(event.type == .extensionApproved)
        #expect(event.data["previous_deadline"] == record.deadline.map(Timestamp.format))
        #expect(event.data["deadline"] == Timestamp.format(requested))
        #expect(event.data["requested_by"] == "street.wang")
    }

    @Test func aRefusedExtensionKeepsTheDeadlineAndClearsTheRequest() throws {
        let record = CaseFixtures.prepared(.assigned, for: .refuseExtension)
        let (refused, events) = try CaseLifecycle.apply(
            .refuseExtension(reason: "理由不充分"), to: record, by: centre, at: now)
        #expect(refused.deadline == record.deadline)
        #expect(refused.pendingExtension == nil)
        #expect(events.first?.note == "理由不充分")
        #expect(CaseLifecycle.allowedActions(for: refused).contains(.requestExtension))
    }

    @Test func onlyOneExtensionRequestMayBePending() {
        let record = CaseFixtures.prepared(.inProgress, for: .approveExtension)
        #expect(throws: CaseTransitionError.self) {
            try CaseLifecycle.apply(CaseFixtures.sample(.requestExtension), to: record, by: handler, at: now)
        }
    }

    @Test func anExtensionMustAskForALaterDeadlineInTheFutureWithAReason() {
        let record = CaseFixtures.make(.inProgress)  // deadline: five days after `now`
        let earlier = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .requestExtension(newDeadline: now.addingTimeInterval(2 * day), reason: ""), to: record, by: handler,
                at: now)
        }
        #expect(earlier.map(\.rule) == ["required", "not_later"])
        let past = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .requestExtension(newDeadline: now.addingTimeInterval(-day), reason: "延期"), to: record, by: handler,
                at: now)
        }
        #expect(past.map(\.rule) == ["past", "not_later"])
    }

    @Test func aCaseWithoutADeadlineHasNothingToExtend() {
        var record = CaseFixtures.make(.assigned)
        record.deadline = nil
        #expect(!CaseLifecycle.allowedActions(for: record).contains(.requestExtension))
    }

    @Test func anExtensionWhoseRequestedDeadlineHasPassedCannotBeApproved() {
        let record = CaseFixtures.prepared(.inProgress, for: .approveExtension)
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .approveExtension(note: nil), to: record, by: centre, at: now.addingTimeInterval(11 * day))
        }
        #expect(violations.map(\.field) == ["requested_deadline"])
    }

    @Test(arguments: [CaseActionName.approveExtension, .refuseExtension])
    func thereIsNothingToDecideWithoutAPendingRequest(name: CaseActionName) {
        #expect(throws: CaseTransitionError.self) {
            try CaseLifecycle.apply(CaseFixtures.sample(name), to: CaseFixtures.make(.inProgress), by: centre, at: now)
        }
    }

    @Test func resolvingDropsAPendingExtension() throws {
        let record = CaseFixtures.prepared(.inProgress, for: .approveExtension)
        let (resolved, events) = try CaseLifecycle.apply(
            CaseFixtures.sample(.resolve), to: record, by: handler, at: now)
        #expect(resolved.pendingExtension == nil)
        #expect(events.map(\.type) == [.extensionDropped, .resolved])
        #expect(events.first?.data["cause"] == "resolved")
    }

    // MARK: warning level

    @Test func raisingALevelWithinTheScaleRecordsTheDirection() throws {
        let (raised, events) = try CaseLifecycle.apply(
            .changeLevel(level: .level1, reason: "可能引发群体性事件"), to: CaseFixtures.make(.inProgress), by: centre,
            at: now)
        #expect(raised.level == .level1)
        #expect(events.first?.data == ["from": "level3", "to": "level1", "direction": "raised"])
        let (lowered, lowerEvents) = try CaseLifecycle.apply(
            .changeLevel(level: .none, reason: "已平息"), to: raised, by: centre, at: now)
        #expect(lowered.level == WarningLevel.none)
        #expect(lowerEvents.first?.data["direction"] == "lowered")
    }

    @Test(arguments: [WarningLevel.blue, .red])
    func aDisputeCannotTakeAColour(level: WarningLevel) {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .changeLevel(level: level, reason: "变更"), to: CaseFixtures.make(.assigned), by: centre, at: now)
        }
        #expect(violations.map(\.rule) == ["scale"])
    }

    @Test func settingTheSameLevelAgainIsRefused() {
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.apply(
                .changeLevel(level: .level3, reason: "变更"), to: CaseFixtures.make(.assigned), by: centre, at: now)
        }
        #expect(violations.map(\.rule) == ["unchanged"])
    }

    // MARK: contested lead

    @Test func theCentreDesignatesTheLeadOfAContestedCaseAndTheNewLeadMustAccept() throws {
        let (contested, contestEvents) = try CaseLifecycle.apply(
            .markContested(reason: "街道与公安对牵头有争议"), to: CaseFixtures.make(.inProgress), by: centre, at: now)
        #expect(contested.leadContested)
        #expect(contestEvents.first?.type == .leadContested)

        let (designated, events) = try CaseLifecycle.apply(
            .designateLead(unitID: CaseFixtures.policeUnit, reason: "涉及治安,公安牵头"), to: contested, by: centre, at: now)
        #expect(designated.responsibleUnitID == CaseFixtures.policeUnit)
        #expect(designated.participatingUnitIDs == [CaseFixtures.streetUnit])
        #expect(!designated.leadContested)
        #expect(designated.status == .assigned)
        #expect(designated.responsiblePersonID == nil)
        #expect(events.first?.data["lead_changed"] == "true")
        #expect(events.first?.data["previous_unit_id"] == CaseFixtures.streetUnit.uuidString)
    }

    @Test func confirmingTheCurrentLeadKeepsTheCaseInProgress() throws {
        let record = CaseFixtures.prepared(.inProgress, for: .designateLead)
        let (designated, _) = try CaseLifecycle.apply(
            .designateLead(unitID: CaseFixtures.streetUnit, reason: "维持街道牵头"), to: record, by: centre, at: now)
        #expect(designated.status == .inProgress)
        #expect(designated.responsiblePersonID == CaseFixtures.handlerID)
        #expect(designated.participatingUnitIDs == [CaseFixtures.policeUnit])
        #expect(!designated.leadContested)
    }

    @Test func onlyACaseWithParticipatingUnitsCanHaveAContestedLead() {
        var record = CaseFixtures.make(.assigned)
        record.participatingUnitIDs = []
        #expect(!CaseLifecycle.allowedActions(for: record).contains(.markContested))
        #expect(!CaseLifecycle.allowedActions(for: record).contains(.designateLead))
    }

    // MARK: merge (并单)

    @Test func mergingMakesTheSourceMergedAndRecordsItOnBothTimelines() throws {
        var source = CaseFixtures.prepared(.assigned, for: .superviseOff)
        source.pendingExtension = CaseExtensionRequest(
            requestedDeadline: now.addingTimeInterval(9 * day), reason: "延期", requestedAt: now, requestedBy: handler)
        var target = CaseFixtures.make(.inProgress)
        target.id = CaseFixtures.otherCaseID
        target.number = "QS-2026-000122"

        let merge = try CaseLifecycle.merge(source, into: target, reason: "同一停车费纠纷", by: centre, at: now)

        #expect(merge.source.status == .merged)
        #expect(merge.source.mergedInto == target.id)
        #expect(merge.source.supervision == nil)
        #expect(merge.source.pendingExtension == nil)
        #expect(merge.source.version == source.version + 1)
        #expect(merge.target.status == .inProgress)
        #expect(merge.target.version == target.version + 1)
        #expect(merge.events.map(\.type) == [.extensionDropped, .supervisionOff, .merged, .mergedFrom])
        #expect(merge.events.map(\.caseID) == [source.id, source.id, source.id, target.id])
        #expect(merge.events[2].data["target_number"] == "QS-2026-000122")
        #expect(merge.events[3].data["source_number"] == "QS-2026-000123")
        #expect(merge.events[3].note == "同一停车费纠纷")
        #expect(CaseLifecycle.allowedActions(for: merge.source) == [.addNote])
    }

    @Test(arguments: [CaseStatus.closed, .merged])
    func aCaseCannotBeMergedIntoOneThatIsNoLongerOpen(targetStatus: CaseStatus) {
        var target = CaseFixtures.make(targetStatus)
        target.id = CaseFixtures.otherCaseID
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.merge(CaseFixtures.make(.received), into: target, reason: "重复", by: centre, at: now)
        }
        #expect(violations.map(\.rule) == ["not_open"])
    }

    @Test func aCaseCannotBeMergedIntoItself() {
        let record = CaseFixtures.make(.received)
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.merge(record, into: record, reason: "重复", by: centre, at: now)
        }
        #expect(violations.map(\.field) == ["target_id"])
        #expect(violations.map(\.rule) == ["self"])
    }

    @Test func aMergedCaseCannotBeMergedAgain() {
        var target = CaseFixtures.make(.received)
        target.id = CaseFixtures.otherCaseID
        #expect(throws: CaseTransitionError.self) {
            try CaseLifecycle.merge(CaseFixtures.make(.merged), into: target, reason: "重复", by: centre, at: now)
        }
    }

    // MARK: versions and timeline

    @Test func aWholeLifeIncrementsTheVersionOnceEveryActionAndKeepsWhoWhenAndWhat() throws {
        let steps: [(CaseAction, ActorRef)] = [
            (CaseFixtures.sample(.assign), centre),
            (.accept(personID: nil), handler),
            (.addProgress(note: "已约谈双方"), handler),
            (.resolve(channel: .settlement, result: "双方和解"), handler),
            (.close(feedback: .satisfied, afterFeedbackPeriod: false), centre),
            (.addNote(note: "回访满意"), centre),
        ]
        var record = CaseFixtures.received()
        var timeline: [CaseEvent] = []
        for (index, (action, actor)) in steps.enumerated() {
            let time = now.addingTimeInterval(Double(index) * 3600)
            let (next, events) = try CaseLifecycle.apply(action, to: record, by: actor, at: time)
            #expect(next.version == record.version + 1)
            #expect(events.allSatisfy { $0.actor == actor && $0.at == time && $0.version == next.version })
            record = next
            timeline += events
        }
        #expect(record.status == .closed)
        #expect(record.version == 1 + steps.count)
        #expect(
            timeline.map(\.type) == [.assigned, .accepted, .progress, .resolved, .closed, .note])
        #expect(timeline.map(\.note) == ["按路由表分派", nil, "已约谈双方", "双方和解", nil, "回访满意"])
        #expect(Set(timeline.map(\.id)).count == timeline.count)
    }

    @Test func eventIDsAreDerivedFromTheCaseTheVersionAndThePositionSoAReplayYieldsTheSameIDs() throws {
        let record = CaseFixtures.make(.inProgress)
        let first = try CaseLifecycle.apply(CaseFixtures.sample(.resolve), to: record, by: handler, at: now)
        let again = try CaseLifecycle.apply(CaseFixtures.sample(.resolve), to: record, by: handler, at: now)
        #expect(first.1.map(\.id) == again.1.map(\.id))
        #expect(first.1.first?.id == CaseEvent.derivedID(caseID: record.id, version: record.version + 1, index: 0))

        var ids = Set<UUID>()
        for version in 1...200 {
            for index in 0..<3 {
                ids.insert(CaseEvent.derivedID(caseID: record.id, version: version, index: index))
                ids.insert(CaseEvent.derivedID(caseID: CaseFixtures.otherCaseID, version: version, index: index))
            }
        }
        #expect(ids.count == 1_200)
        let text = CaseEvent.derivedID(caseID: record.id, version: 2, index: 0).uuidString
        #expect(Array(text)[14] == "8")
    }

    @Test func anEventRoundTripsThroughJSON() throws {
        let (_, events) = try CaseLifecycle.apply(
            CaseFixtures.sample(.superviseOn), to: CaseFixtures.make(.assigned), by: centre, at: now)
        let event = try #require(CaseFixtures.only(events))
        let decoded = try JSONDecoder().decode(CaseEvent.self, from: JSONEncoder().encode(event))
        #expect(decoded == event)
    }
}
