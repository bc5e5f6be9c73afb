import Foundation
import Testing

@testable import PinganCore

@Suite("Opening a case")
struct CaseCreationTests {
    let now = CaseFixtures.now
    let centre = CaseFixtures.operatorActor

    @Test func aValidDraftOpensAReceivedCaseAtVersionOneWithACreatedEvent() throws {
        var draft = CaseFixtures.draft(title: "  小区停车费纠纷  ")
        draft.deadline = now.addingTimeInterval(10 * CaseFixtures.day)
        let (record, events) = try CaseLifecycle.open(
            draft, id: CaseFixtures.caseID, number: "QS-2026-000123", by: centre, at: now)

        #expect(record.status == .received)
        #expect(record.version == 1)
        #expect(record.title == "小区停车费纠纷")
        #expect(record.createdAt == now && record.updatedAt == now)
        #expect(record.responsibleUnitID == nil)
        #expect(record.hasParties)
        #expect(record.reopenCount == 0 && record.returnCount == 0)
        let event = try #require(CaseFixtures.only(events))
        #expect(event.type == .created)
        #expect(event.actor == centre)
        #expect(event.version == 1)
        #expect(event.data["number"] == "QS-2026-000123")
        #expect(event.data["level"] == "level3")
        #expect(event.data["deadline"] == Timestamp.format(now.addingTimeInterval(10 * CaseFixtures.day)))
    }

    @Test func everyBrokenRuleOfADraftIsReportedAtOnceWithItsField() {
        var draft = CaseDraft(
            kind: .hazard, categoryCode: "fire safety", regionCode: "99010A", source: .grid, title: " ",
            description: String(repeating: "隐", count: 10_001), level: .red)
        draft.deadline = now.addingTimeInterval(-60)
        draft.acceptDeadline = now
        let violations = CaseFixtures.violations {
            _ = try CaseLifecycle.open(draft, id: CaseFixtures.caseID, number: "QS-26-1", by: centre, at: now)
        }
        #expect(
            violations.map(\.field) == [
                "number", "title", "description", "category_code", "region_code", "level", "deadline",
                "accept_deadline",
            ])
        #expect(violations.first { $0.field == "level" }?.detail == "a case of kind hazard takes one of: none")
    }

    @Test(arguments: [(200, true), (201, false)])
    func aTitleHasAtMost200CharactersCountingChineseCharactersAsOne(length: Int, valid: Bool) {
        let draft = CaseFixtures.draft(title: String(repeating: "纠", count: length))
        #expect(draft.violations(at: now).isEmpty == valid)
    }

    @Test func aDescriptionOfExactly10000CharactersIsAccepted() {
        let draft = CaseFixtures.draft(description: String(repeating: "述", count: 10_000))
        #expect(draft.violations(at: now).isEmpty)
    }

    @Test func anAcceptanceDeadlineAfterTheDeadlineIsRefused() {
        var draft = CaseFixtures.draft()
        draft.deadline = now.addingTimeInterval(3600)
        draft.acceptDeadline = now.addingTimeInterval(7200)
        #expect(draft.violations(at: now).map(\.rule) == ["order"])
    }

    @Test(
        "Dispute levels only for disputes, colours only for opinion warnings, nothing but none for the other kinds",
        arguments: CaseKind.allCases, WarningLevel.allCases)
    func theLevelMustFitTheKindsScale(kind: CaseKind, level: WarningLevel) {
        let expected: Bool
        switch kind {
        case .dispute: expected = level == .none || level.isDisputeLevel
        case .opinionWarning: expected = level == .none || level.isColour
        case .hazard, .request, .incident: expected = level == .none
        }
        #expect(kind.permits(level) == expected)
        let violations = CaseFixtures.draft(kind: kind, level: level).violations(at: now)
        #expect(violations.contains { $0.field == "level" && $0.rule == "scale" } == !expected)
    }

    @Test func aCaseRoundTripsThroughJSON() throws {
        var record = CaseFixtures.make(.resolved)
        record.supervision = CaseSupervision(
            deadline: now.addingTimeInterval(CaseFixtures.day), reason: "督办", since: now, by: centre)
        let decoded = try JSONDecoder().decode(Case.self, from: JSONEncoder().encode(record))
        #expect(decoded == record)
    }

    @Test func aCaseIsOverdueOnlyWhileOpenUnresolvedAndPastItsDeadline() throws {
        let record = CaseFixtures.make(.inProgress)
        let deadline = try #require(record.deadline)
        #expect(!record.isOverdue(at: deadline))
        #expect(record.isOverdue(at: deadline.addingTimeInterval(1)))
        #expect(!CaseFixtures.make(.resolved).isOverdue(at: deadline.addingTimeInterval(1)))
        #expect(!CaseFixtures.make(.closed).isOverdue(at: deadline.addingTimeInterval(1)))
    }
}

@Suite("Case numbers")
struct CaseNumberTests {
    @Test func aNumberIsThePrefixTheYearAndASixDigitSequence() throws {
        #expect(try CaseNumber.format(prefix: "QS", year: 2026, sequence: 123) == "QS-2026-000123")
        #expect(try CaseNumber.format(prefix: "JZ1", year: 2027, sequence: 999_999) == "JZ1-2027-999999")
    }

    @Test func parsingReadsBackWhatFormattingWrote() throws {
        let number = try #require(CaseNumber.parse("QS-2026-000123"))
        #expect(number.prefix == "QS" && number.year == 2026 && number.sequence == 123)
        #expect(number.text == "QS-2026-000123")
    }

    @Test(arguments: [
        "", "QS-2026-123", "qs-2026-000123", "QS-26-000123", "QS-2026-000000", "QS-2026-0001234", "QS2026000123",
        "QS-2026-00012a", "1QS-2026-000123", "QS--000123", "QS-2026-000123-1", "ABCDEFGHI-2026-000001",
        "QS-2026-+00012",
    ])
    func malformedNumbersDoNotParse(text: String) {
        #expect(CaseNumber.parse(text) == nil)
    }

    @Test func formattingReportsEveryPartOutOfRange() {
        let violations = CaseFixtures.violations {
            _ = try CaseNumber.format(prefix: "q", year: 1999, sequence: 1_000_000)
        }
        #expect(violations.map(\.field) == ["prefix", "year", "sequence"])
    }

    @Test func numbersSortAsTextInIntakeOrder() throws {
        let texts = ["QS-2027-000001", "QS-2026-000010", "QS-2026-000009", "JZ-2026-000100", "QSA-2026-000001"]
        let numbers = texts.compactMap(CaseNumber.parse)
        #expect(numbers.count == texts.count)
        #expect(numbers.sorted().map(\.text) == texts.sorted())
        #expect(
            numbers.sorted().map(\.text) == [
                "JZ-2026-000100", "QS-2026-000009", "QS-2026-000010", "QS-2027-000001", "QSA-2026-000001",
            ])
    }

    @Test func aNumberIsEncodedAsItsText() throws {
        let number = try CaseNumber(prefix: "QS", year: 2026, sequence: 7)
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["QS-2026-000007"]"#)
        #expect(try JSONDecoder().decode([CaseNumber].self, from: data) == [number])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CaseNumber].self, from: Data(#"["QS-7"]"#.utf8))
        }
    }
}
