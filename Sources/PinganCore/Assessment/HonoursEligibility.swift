import Foundation

/// "Is this unit eligible for honours on this date, and if not, why" (BRIEF §4; issue 7): the consequence windows of
/// the accountability ladder — no honours for `listedSupervisionBanMonths` after 挂牌督办, no honours, awards or
/// promotion for `vetoBanMonths` after 一票否决 — counted from the day the step was taken, whatever happened to the
/// case afterwards.
public struct HonoursEligibility: Sendable, Equatable {
    /// A window in which the unit is barred.
    public struct Bar: Sendable, Equatable {
        /// What it bars.
        public var consequences: [LadderConsequence]
        /// From (the step's time).
        public var from: Date
        /// Until (excluded).
        public var until: Date
        /// The step.
        public var step: LadderStep
        /// The accountability case.
        public var caseID: UUID
        /// A sentence for people.
        public var reason: String
    }

    /// The date asked about.
    public var date: Date
    /// The windows in force on that date.
    public var bars: [Bar]

    /// Whether the unit may receive `consequence` (honours by default) on the date.
    public func isEligible(for consequence: LadderConsequence = .honours) -> Bool {
        !bars.contains { $0.consequences.contains(consequence) }
    }

    /// Answers for `date` from the unit's accountability `cases` (advanced to the date first, so a step that fell
    /// due by then counts).
    public static func on(
        _ date: Date, cases: [AccountabilityCase], policy: LadderPolicy, calendar: Calendar
    ) -> HonoursEligibility {
        var bars: [Bar] = []
        for var item in cases {
            item.advance(to: date, policy: policy, calendar: calendar)
            for record in item.steps where record.at <= date {
                let (months, barred): (Int, [LadderConsequence])
                switch record.step {
                case .listedSupervision: (months, barred) = (policy.listedSupervisionBanMonths, [.honours])
                case .veto: (months, barred) = (policy.vetoBanMonths, LadderConsequence.allCases)
                case .notice, .interview: continue
                }
                let until = calendar.date(byAdding: .month, value: months, to: record.at) ?? record.at
                guard date < until else { continue }
                bars.append(
                    Bar(
                        consequences: barred, from: record.at, until: until, step: record.step, caseID: item.id,
                        reason: "\(record.step.chineseName) on \(Timestamp.format(record.at)): no "
                            + barred.map(\.rawValue).joined(separator: ", ") + " until \(Timestamp.format(until))"))
            }
        }
        return HonoursEligibility(date: date, bars: bars)
    }
}
