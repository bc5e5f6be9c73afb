import Foundation
import Testing

@testable import PinganCore

@Suite("Case lifecycle state table: every status × every action")
struct CaseStateTableTests {
    @Test(
        "An action succeeds exactly in the statuses of the state table, and elsewhere is refused with the allowed ones",
        arguments: CaseStatus.allCases, CaseActionName.allCases)
    func everyStatusAndAction(status: CaseStatus, name: CaseActionName) throws {
        // setup
        let record = CaseFixtures.prepared(status, for: name)
        let expectedAllowed = try #require(CaseFixtures.table[name]).contains(status)

        // act + verify
        #expect(CaseLifecycle.statuses(allowing: name).contains(status) == expectedAllowed)
        #expect(CaseLifecycle.allowedActions(for: record).contains(name) == expectedAllowed)
        if expectedAllowed {
            let (changed, events) = try CaseLifecycle.apply(
                CaseFixtures.sample(name), to: record, by: CaseFixtures.operatorActor, at: CaseFixtures.now)
            #expect(changed.version == record.version + 1)
            #expect(changed.updatedAt == CaseFixtures.now)
            #expect(!events.isEmpty)
            #expect(events.allSatisfy { $0.actor == CaseFixtures.operatorActor && $0.at == CaseFixtures.now })
            #expect(events.allSatisfy { $0.caseID == record.id && $0.version == changed.version })
        } else {
            do {
                _ = try CaseLifecycle.apply(
                    CaseFixtures.sample(name), to: record, by: CaseFixtures.operatorActor, at: CaseFixtures.now)
                Issue.record("\(name) was allowed in \(status)")
            } catch let error as CaseTransitionError {
                #expect(error.status == status)
                #expect(error.action == name)
                #expect(!error.allowed.contains(name))
                #expect(error.allowed == CaseLifecycle.allowedActions(for: record))
                #expect(error.allowed.allSatisfy { CaseFixtures.table[$0]?.contains(status) == true })
                #expect(error.allowed.contains(.addNote))
            }
        }
    }

    @Test(
        "The allowed actions of a plain case in each status are exactly the table's, minus unmet requirements",
        arguments: [
            (CaseStatus.received, [CaseActionName.assign, .superviseOn, .changeLevel, .mergeInto, .addNote]),
            (
                .assigned,
                [
                    .assign, .accept, .returnToCentre, .superviseOn, .requestExtension, .changeLevel, .markContested,
                    .mergeInto, .addNote,
                ]
            ),
            (
                .inProgress,
                [
                    .assign, .addProgress, .returnToCentre, .resolve, .superviseOn, .requestExtension, .changeLevel,
                    .markContested, .mergeInto, .addNote,
                ]
            ),
            (.resolved, [.close, .reopen, .superviseOn, .changeLevel, .mergeInto, .addNote]),
            (.closed, [.addNote]),
            (.merged, [.addNote]),
        ])
    func allowedActionsOfAPlainCase(status: CaseStatus, expected: [CaseActionName]) {
        #expect(CaseLifecycle.allowedActions(for: CaseFixtures.make(status)) == expected)
    }

    @Test("The implementation's table matches the documented table for every action")
    func tableMatchesTheDocumentedOne() {
        for name in CaseActionName.allCases {
            #expect(CaseLifecycle.statuses(allowing: name) == CaseFixtures.table[name], "\(name)")
        }
    }

    @Test(
        "Every action is refused on a closed or merged case except adding a note",
        arguments: [CaseStatus.closed, .merged])
    func finalStatusesOnlyTakeNotes(status: CaseStatus) {
        for name in CaseActionName.allCases where name != .addNote {
            #expect(throws: CaseTransitionError.self) {
                try CaseLifecycle.apply(
                    CaseFixtures.sample(name), to: CaseFixtures.prepared(status, for: name),
                    by: CaseFixtures.operatorActor, at: CaseFixtures.now)
            }
        }
    }

    @Test("An illegal transition reports the status, the action and the allowed ones for the 409 answer")
    func illegalTransitionCarriesTheFacts() {
        let record = CaseFixtures.make(.received)
        #expect(
            throws: CaseTransitionError(
                status: .received, action: .resolve,
                allowed: [.assign, .superviseOn, .changeLevel, .mergeInto, .addNote],
                detail: "'resolve' is not allowed while the case is received")
        ) {
            try CaseLifecycle.apply(
                .resolve(channel: .settlement, result: "已和解"), to: record, by: CaseFixtures.handlerActor,
                at: CaseFixtures.now)
        }
    }

    @Test("A refused action is refused before its fields are checked, so a 409 is not hidden behind a 422")
    func transitionIsCheckedBeforeFields() {
        #expect(throws: CaseTransitionError.self) {
            try CaseLifecycle.apply(
                .resolve(channel: .settlement, result: ""), to: CaseFixtures.make(.closed),
                by: CaseFixtures.handlerActor, at: CaseFixtures.now)
        }
    }
}
