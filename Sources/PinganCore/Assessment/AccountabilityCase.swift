import Foundation

/// One accountability case (追究) against a unit on the ladder 通报 → 约谈 → 挂牌督办 → 一票否决 (BRIEF §4; issue 7
/// "Accountability ladder"): what triggered it, the steps taken with their rectification deadlines, the circumstances
/// recorded, and the rectification results, which are part of the unit's record. Pure: every change takes the time.
public struct AccountabilityCase: Sendable, Equatable, Codable {
    /// What opened the case.
    public enum Trigger: Sendable, Equatable, Codable {
        /// The unit failed its assessment: its share of the scored points was below the pass mark.
        case failedAssessment(period: String, share: Decimal, passMark: Decimal)
        /// N major incidents within M days.
        case majorIncidents(count: Int, withinDays: Int, incidentIDs: [UUID])
        /// Strongly reported problems left unanswered, as the centre describes them.
        case unansweredProblems(String)

        /// A sentence for people.
        public var description: String {
            switch self {
            case .failedAssessment(let period, let share, let passMark):
                "failed the \(period) assessment: \(ScoringFunction.percent(share)) of the scored points, "
                    + "below the pass mark of \(ScoringFunction.percent(passMark))"
            case .majorIncidents(let count, let days, _): "\(count) major incidents within \(days) days"
            case .unansweredProblems(let text): "strongly reported problems left unanswered: \(text)"
            }
        }
    }

    /// A step taken.
    public struct StepRecord: Sendable, Equatable, Codable {
        /// The step.
        public var step: LadderStep
        /// When it was taken.
        public var at: Date
        /// The rectification deadline; the next step follows when it passes unrectified.
        public var deadline: Date
        /// Why it was taken ("opened", "rectification overdue", "aggravating: …").
        public var reason: String
    }

    /// An aggravating or mitigating circumstance (BRIEF §4).
    public struct Circumstance: Sendable, Equatable, Codable {
        /// Which circumstance.
        public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
            /// 阻挠调查: obstructing the inquiry (aggravating).
            case obstructing
            /// 弄虚作假、隐瞒: falsifying or concealing (aggravating).
            case falsifying
            /// 打击报复举报人: retaliating against whistle-blowers (aggravating).
            case retaliating
            /// 主动采取措施减少损失: acting early to limit the loss (mitigating).
            case actingEarly = "acting_early"
            /// 积极配合: cooperating (mitigating).
            case cooperating

            /// Whether it aggravates (else it mitigates).
            public var isAggravating: Bool { [.obstructing, .falsifying, .retaliating].contains(self) }
        }

        /// Which.
        public var kind: Kind
        /// What happened.
        public var note: String
        /// Who recorded it.
        public var recordedBy: String
        /// When.
        public var at: Date
    }

    /// A rectification result (整改结果).
    public struct Rectification: Sendable, Equatable, Codable {
        /// What was done, as reported and checked.
        public var note: String
        /// Whether the centre accepted it as rectified; an accepted rectification closes the case.
        public var accepted: Bool
        /// Who recorded it.
        public var recordedBy: String
        /// When.
        public var at: Date
    }

    /// The case's identifier.
    public var id: UUID
    /// The unit.
    public var unitID: UUID
    /// What opened it.
    public var trigger: Trigger
    /// Who opened it.
    public var openedBy: String
    /// The steps, in order; the last is the current one.
    public var steps: [StepRecord]
    /// The circumstances recorded.
    public var circumstances: [Circumstance]
    /// The rectification results.
    public var rectifications: [Rectification]
    /// When an accepted rectification closed the case.
    public var closedAt: Date?

    /// Opens a case at 通报 with its rectification deadline.
    public static func open(
        id: UUID, unitID: UUID, trigger: Trigger, by actor: String, at time: Date, policy: LadderPolicy,
        calendar: Calendar
    ) -> AccountabilityCase {
        AccountabilityCase(
            id: id, unitID: unitID, trigger: trigger, openedBy: actor,
            steps: [
                step(.notice, at: time, reason: "opened: \(trigger.description)", policy: policy, calendar: calendar)
            ],
            circumstances: [], rectifications: [], closedAt: nil)
    }

    /// The current step.
    public var current: StepRecord? { steps.last }

    /// The time the case was opened.
    public var openedAt: Date? { steps.first?.at }

    /// The highest step reached by `time`, if any.
    public func step(at time: Date) -> LadderStep? {
        steps.filter { $0.at <= time }.map(\.step).max()
    }

    /// Takes every step that is due by `now`: while the case is open and the current step's deadline has passed
    /// unrectified, the next step is taken at that deadline (so a late run places steps when they fell due).
    /// Returns the steps added.
    @discardableResult
    public mutating func advance(to now: Date, policy: LadderPolicy, calendar: Calendar) -> [StepRecord] {
        var added: [StepRecord] = []
        while closedAt == nil, let current, current.deadline < now, let next = current.step.next {
            let record = Self.step(
                next, at: current.deadline,
                reason: "\(current.step.chineseName) not rectified by \(Timestamp.format(current.deadline))",
                policy: policy, calendar: calendar)
            steps.append(record)
            added.append(record)
        }
        return added
    }

    /// Records a circumstance at `time` (after advancing to it): an aggravating one moves the case up
    /// `policy.aggravatingSteps` at once; a mitigating one extends the current deadline by
    /// `policy.mitigatingExtensionDays`. A closed case only keeps it on record.
    public mutating func record(
        _ kind: Circumstance.Kind, note: String, by actor: String, at time: Date, policy: LadderPolicy,
        calendar: Calendar
    ) throws(PinganError) {
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalid(field: "note", rule: "required", detail: "describe the circumstance")
        }
        advance(to: time, policy: policy, calendar: calendar)
        circumstances.append(Circumstance(kind: kind, note: note, recordedBy: actor, at: time))
        guard closedAt == nil, let current else { return }
        if kind.isAggravating {
            var step = current.step
            for _ in 0..<max(policy.aggravatingSteps, 0) { step = step.next ?? step }
            if step != current.step {
                steps.append(
                    Self.step(
                        step, at: time, reason: "aggravating: \(kind.rawValue)", policy: policy, calendar: calendar))
            }
        } else {
            steps[steps.count - 1].deadline =
                calendar.date(byAdding: .day, value: policy.mitigatingExtensionDays, to: current.deadline)
                ?? current.deadline
        }
    }

    /// Records a rectification result at `time` (after advancing to it); an accepted one closes the case.
    public mutating func rectify(
        note: String, accepted: Bool, by actor: String, at time: Date, policy: LadderPolicy, calendar: Calendar
    ) throws(PinganError) {
        guard closedAt == nil else { throw .conflict(field: "status", detail: "the case is closed") }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalid(field: "note", rule: "required", detail: "describe the rectification")
        }
        advance(to: time, policy: policy, calendar: calendar)
        rectifications.append(Rectification(note: note, accepted: accepted, recordedBy: actor, at: time))
        if accepted { closedAt = time }
    }

    private static func step(
        _ step: LadderStep, at time: Date, reason: String, policy: LadderPolicy, calendar: Calendar
    ) -> StepRecord {
        let days = policy.rectificationDays[step] ?? 30
        let deadline = calendar.date(byAdding: .day, value: days, to: time) ?? time
        return StepRecord(step: step, at: time, deadline: deadline, reason: reason)
    }
}
