import Foundation

@testable import PinganCore

/// A case told through the real lifecycle, hour by hour from ``t0``, for the metrics and reconciliation tests.
struct LedgerStory {
    /// 2026-11-01T00:00:00Z.
    static let t0 = Date(timeIntervalSince1970: 1_793_491_200)
    static let unitA = UUID(uuidString: "00000000-0000-4000-8000-00000000AA01")!
    static let unitB = UUID(uuidString: "00000000-0000-4000-8000-00000000BB02")!
    static let pathA = "990100/990102/990102002"
    static let pathB = "990100/990102/990102001"
    static let centre = ActorRef.user(id: UUID(), name: "op", unitID: UUID())

    var record: Case
    var events: [CaseEvent]
    var regionPath: String

    static func hours(_ value: Double) -> Date { t0.addingTimeInterval(value * 3600) }

    /// Opens case `number` at hour `at` with its deadline at hour `deadline`.
    init(_ number: Int, at: Double, deadline: Double?, regionPath: String = pathA) {
        let draft = CaseDraft(
            kind: .dispute, categoryCode: "conflict.labour", regionCode: "990102002", source: .grid,
            title: "案件\(number)", description: "", level: .level3, deadline: deadline.map(Self.hours))
        let id = UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", number))!
        let (record, events) = try! CaseLifecycle.open(
            draft, id: id, number: String(format: "QS-2026-%06d", number), by: Self.centre, at: Self.hours(at))
        self.record = record
        self.events = events
        self.regionPath = regionPath
    }

    mutating func act(_ action: CaseAction, at hour: Double) {
        let (changed, new) = try! CaseLifecycle.apply(action, to: record, by: Self.centre, at: Self.hours(hour))
        record = changed
        events += new
    }

    mutating func assign(_ unit: UUID, at hour: Double) {
        act(
            .assign(unitID: unit, personID: nil, participantIDs: [], reason: "属地", deadline: nil, acceptDeadline: nil),
            at: hour)
    }

    mutating func accept(at hour: Double) { act(.accept(personID: nil), at: hour) }

    mutating func resolve(at hour: Double) { act(.resolve(channel: .peopleMediation, result: "已化解"), at: hour) }

    mutating func reopen(at hour: Double) {
        act(.reopen(reason: "群众不满意", requester: .citizen, deadline: nil), at: hour)
    }

    mutating func close(_ feedback: CaseFeedback, at hour: Double) {
        act(.close(feedback: feedback, afterFeedbackPeriod: feedback == .none), at: hour)
    }

    /// Assigns to `unit` an hour after `at`, accepts an hour later.
    mutating func work(_ unit: UUID, from hour: Double) {
        assign(unit, at: hour + 1)
        accept(at: hour + 2)
    }

    /// An `escalated` event as the scheduler writes it.
    mutating func escalate(level: String, at hour: Double) {
        events.append(
            CaseEvent(
                id: UUID(), caseID: record.id, at: Self.hours(hour), actor: .system("scheduler"), type: .escalated,
                note: nil, data: ["level": level, "step": "s", "effect": "notify", "recipients": "x"],
                version: record.version))
    }

    var history: CaseHistory { CaseHistory(record: record, regionPath: regionPath, events: events) }
}
