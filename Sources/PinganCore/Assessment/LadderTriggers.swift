import Foundation

/// The configurable triggers that open an accountability case (BRIEF §4; issue 7): a failed assessment and N major
/// incidents within M days. (Strongly reported problems left unanswered are opened by the centre by hand.)
public enum LadderTriggers {
    /// The trigger for a scorecard below the pass mark, or nil.
    public static func failedAssessment(
        _ card: Scorecard, period: AssessmentPeriod, policy: LadderPolicy
    ) -> AccountabilityCase.Trigger? {
        guard card.failed(passMark: policy.passMark), let share = card.share else { return nil }
        return .failedAssessment(period: period.description, share: share, passMark: policy.passMark)
    }

    /// The trigger when the unit's latest `majorIncidentCount` major incidents up to `now` fall within
    /// `majorIncidentDays` days, or nil.
    public static func majorIncidents(
        _ incidents: [Incident], now: Date, policy: LadderPolicy
    ) -> AccountabilityCase.Trigger? {
        let count = max(policy.majorIncidentCount, 1)
        let major = incidents.filter { $0.isMajor && $0.occurredAt <= now }.sorted { $0.occurredAt < $1.occurredAt }
        guard major.count >= count else { return nil }
        let window = Array(major.suffix(count))
        guard let first = window.first, let last = window.last,
            last.occurredAt.timeIntervalSince(first.occurredAt) <= Double(policy.majorIncidentDays) * 86_400
        else { return nil }
        return .majorIncidents(count: count, withinDays: policy.majorIncidentDays, incidentIDs: window.map(\.id))
    }
}
