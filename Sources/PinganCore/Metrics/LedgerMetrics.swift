import Foundation

/// The ledger metrics (issue 3 §8; BRIEF §4 indicators) of one scope for one period `[from, to)`, computed from the
/// cases' timelines. Pure: the period, the scope and `now` are parameters. `docs/METRICS.md` defines every figure;
/// ``figures`` carries each with its definition and explanation.
///
/// Only events strictly before `to` are read, so a past period's figures do not change when cases move on. The
/// "now" figure (overdue) is evaluated at ``evaluatedAt`` = min(`to`, now). A case is in the scope by its region, or
/// by its responsible unit as the ledger stood at ``evaluatedAt``.
public struct LedgerMetrics: Sendable, Equatable {
    /// The period.
    public var period: LedgerPeriod
    /// The instant the "now" figures were evaluated at: min(`to`, now).
    public var evaluatedAt: Date
    /// Cases created (受理) in the period.
    public var receivedCases: [String]
    /// Cases whose resolution in the period still stood at the period's end (not reopened before `to`).
    public var resolvedCases: [String]
    /// Resolved cases whose resolution came at or before the deadline in force at that moment.
    public var onTimeCases: [String]
    /// Resolved cases that had no deadline when resolved (neither on time nor late).
    public var resolvedWithoutDeadlineCases: [String]
    /// Resolved cases never reopened (重办) nor returned (退回) before `to`.
    public var firstTimeCases: [String]
    /// Hours from intake to the resolution counted, one per resolved case, in the order of ``resolvedCases``.
    public var hoursToResolve: [Double]
    /// Cases unresolved with their deadline passed at ``evaluatedAt``.
    public var overdueCases: [String]
    /// `escalated` events in the period, per warning level.
    public var escalationsByLevel: [String: Int]
    /// Cases closed in the period with feedback `satisfied`.
    public var satisfiedCases: [String]
    /// Cases closed in the period with feedback `satisfied` or `unsatisfied` (closing with `none` gives no rating).
    public var ratedCases: [String]

    /// Computes the metrics of `scope` over `histories` for `period`, as seen at `now`.
    public static func compute(
        _ histories: [CaseHistory], scope: LedgerScope, period: LedgerPeriod, now: Date
    ) -> LedgerMetrics {
        let instant = period.evaluationInstant(now: now)
        var metrics = LedgerMetrics(
            period: period, evaluatedAt: instant, receivedCases: [], resolvedCases: [], onTimeCases: [],
            resolvedWithoutDeadlineCases: [], firstTimeCases: [], hoursToResolve: [], overdueCases: [],
            escalationsByLevel: [:], satisfiedCases: [], ratedCases: [])
        let ordered = histories.sorted { $0.record.number < $1.record.number }
        for history in ordered {
            guard let snapshot = history.snapshot(before: period.to), scope.contains(history, snapshot: snapshot) else {
                continue
            }
            metrics.count(history, snapshot: snapshot)
        }
        return metrics
    }

    private mutating func count(_ history: CaseHistory, snapshot: CaseSnapshot) {
        let number = history.record.number
        let events = history.events(before: period.to)
        if period.contains(history.record.createdAt) { receivedCases.append(number) }
        if let index = events.lastIndex(where: { $0.type == .resolved }), period.contains(events[index].at),
            !events[(index + 1)...].contains(where: { $0.type == .reopened })
        {
            let resolution = events[index]
            resolvedCases.append(number)
            hoursToResolve.append(resolution.at.timeIntervalSince(history.record.createdAt) / 3600)
            if let text = resolution.data["deadline"], let deadline = Timestamp.parse(text) {
                if resolution.at <= deadline { onTimeCases.append(number) }
            } else {
                resolvedWithoutDeadlineCases.append(number)
            }
            if !events.contains(where: { $0.type == .reopened || $0.type == .returned }) {
                firstTimeCases.append(number)
            }
        }
        if snapshot.isOverdue(at: evaluatedAt) { overdueCases.append(number) }
        for event in events where event.type == .escalated && period.contains(event.at) {
            escalationsByLevel[event.data["level"] ?? "unknown", default: 0] += 1
        }
        if let closing = events.last(where: { $0.type == .closed }), period.contains(closing.at) {
            let feedback = closing.data["feedback"].flatMap(CaseFeedback.init(rawValue:))
            if feedback == .satisfied { satisfiedCases.append(number) }
            if feedback == .satisfied || feedback == .unsatisfied { ratedCases.append(number) }
        }
    }

    /// The share of resolved cases resolved the first time, or `nil` when none was resolved.
    public var firstTimeResolutionRate: Double? {
        resolvedCases.isEmpty ? nil : Double(firstTimeCases.count) / Double(resolvedCases.count)
    }

    /// The median hours to resolve (nearest rank, ``NearestRank``), or `nil` when none was resolved.
    public var medianHoursToResolve: Double? { NearestRank.percentile(50, of: hoursToResolve) }

    /// The 90th-percentile hours to resolve (nearest rank), or `nil` when none was resolved.
    public var p90HoursToResolve: Double? { NearestRank.percentile(90, of: hoursToResolve) }

    /// The share of rated closed cases rated satisfied, or `nil` when none was rated.
    public var satisfaction: Double? {
        ratedCases.isEmpty ? nil : Double(satisfiedCases.count) / Double(ratedCases.count)
    }
}
