import Foundation
import PinganCore
import Testing

@testable import PinganStore

/// Case records are stored in the API's snake_case form and read back into every property (an `…ID` property must not
/// come back nil because snake_case reads `responsible_unit_id` as `responsibleUnitId`).
@Suite struct CaseRecordFormTests {
    private static func fullCase() throws -> Case {
        let opened = Date(timeIntervalSinceReferenceDate: 816_000_000.125)  // a whole millisecond
        let actor = ActorRef(kind: .user, userID: UUID(), name: "周婷", unitID: UUID())
        var (record, _) = try CaseLifecycle.open(
            CaseDraft(
                kind: .dispute, categoryCode: "housing.property", regionCode: "990102001002003", source: .hotline,
                title: "停车费纠纷", description: "业主反映物业擅自上调停车费。", hasParties: true, level: .level3,
                isPublic: true),
            id: UUID(), number: "PA-2026-000001", by: actor, at: opened)
        record.responsibleUnitID = UUID()
        record.responsiblePersonID = UUID()
        record.participatingUnitIDs = [UUID(), UUID()]
        record.leadContested = true
        record.deadline = opened.addingTimeInterval(86_400)
        record.acceptDeadline = opened.addingTimeInterval(3_600)
        record.supervision = CaseSupervision(
            deadline: opened.addingTimeInterval(7_200), reason: "督办", since: opened, by: actor)
        record.pendingExtension = CaseExtensionRequest(
            requestedDeadline: opened.addingTimeInterval(172_800), reason: "延期", requestedAt: opened, requestedBy: actor
        )
        record.resolution = CaseResolution(
            channel: .peopleMediation, result: "调解成功", resolvedAt: opened.addingTimeInterval(50_000), resolvedBy: actor)
        record.feedback = .satisfied
        record.closedAt = opened.addingTimeInterval(60_000)
        record.mergedInto = UUID()
        record.reopenCount = 1
        record.returnCount = 2
        return record
    }

    @Test func aRecordWithEveryFieldSetReadsBackEqual() throws {
        let record = try Self.fullCase()
        let stored = try CaseRepository.encode(record)
        #expect(stored.contains("\"responsible_unit_id\":"))
        #expect(stored.contains("\"participating_unit_i_ds\":"))
        #expect(try CaseRepository.decode(stored) == record)
        #expect(CaseRepository.isSnakeCase(stored))
    }

    @Test func theEarlierCamelCaseFormReadsBackEqual() throws {
        let record = try Self.fullCase()
        let earlier = try CaseRepository.json(record)
        #expect(earlier.contains("\"responsibleUnitID\":"))
        #expect(!CaseRepository.isSnakeCase(earlier))
        #expect(try CaseRepository.decode(earlier) == record)
        #expect(try CaseRepository.apiJSON(earlier) == (try CaseRepository.encode(record)))
    }
}
