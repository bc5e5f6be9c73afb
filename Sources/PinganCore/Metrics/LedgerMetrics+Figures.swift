import Foundation

extension LedgerMetrics {
    /// The definitions of the figures, keyed by ``LedgerFigure/key``; `docs/METRICS.md` holds the same text.
    public static let definitions: [String: String] = [
        "received":
            "Cases in the scope created (受理) at or after `from` and before `to`.",
        "resolved":
            "Cases in the scope whose latest resolution before `to` lies in [from, to) and was not followed by a "
            + "reopen before `to`; each case counts once, however often it was resolved.",
        "resolved_on_time":
            "Resolved cases (as above) whose resolution came at or before the deadline in force at that moment (the "
            + "deadline recorded on the `resolved` event, after any approved extension). Cases with no deadline "
            + "when resolved are not counted and are listed as resolved without deadline.",
        "first_time_resolution_rate":
            "Resolved cases that were never reopened (重办) nor returned (退回) before `to`, divided by resolved "
            + "cases; null when no case was resolved.",
        "median_hours_to_resolve":
            "The nearest-rank 50th percentile of the hours from intake to the counted resolution of the resolved "
            + "cases: the k-th smallest with k = ceil(0.5 × n); for an even n the lower middle value. Null when n = 0.",
        "p90_hours_to_resolve":
            "The nearest-rank 90th percentile of the same hours: the k-th smallest with k = ceil(0.9 × n). Null when "
            + "n = 0.",
        "overdue":
            "Cases in the scope that were received, assigned or in progress (not resolved, closed or merged) at the "
            + "evaluation instant min(`to`, now), with the deadline then in force before that instant.",
        "escalations":
            "Escalation steps fired (`escalated` timeline events) in [from, to) on cases in the scope, counted per "
            + "warning level of the step.",
        "satisfaction":
            "Cases in the scope closed in [from, to) with feedback `satisfied`, divided by those closed in [from, to) "
            + "with feedback `satisfied` or `unsatisfied` (closing with `none` gives no rating); null when none was "
            + "rated.",
    ]

    /// Every figure with its definition and explanation, in the order of `docs/METRICS.md`.
    public var figures: [LedgerFigure] {
        let window = "[\(Timestamp.format(period.from)), \(Timestamp.format(period.to)))"
        let hours = hoursToResolve.sorted()
        return [
            figure(
                "received", Double(receivedCases.count), "cases", cases: receivedCases,
                "\(receivedCases.count) case(s) created in \(window)"),
            figure(
                "resolved", Double(resolvedCases.count), "cases", cases: resolvedCases,
                "\(resolvedCases.count) case(s) resolved in \(window) and not reopened before its end"),
            figure(
                "resolved_on_time", Double(onTimeCases.count), "cases", numerator: onTimeCases.count,
                denominator: resolvedCases.count, cases: onTimeCases,
                "\(onTimeCases.count) of \(resolvedCases.count) resolved case(s) at or before the deadline in force; "
                    + "\(resolvedWithoutDeadlineCases.count) had no deadline"),
            figure(
                "first_time_resolution_rate", firstTimeResolutionRate, "ratio", numerator: firstTimeCases.count,
                denominator: resolvedCases.count, cases: firstTimeCases,
                ratio(firstTimeCases.count, resolvedCases.count, "resolved case(s) never reopened nor returned")),
            figure(
                "median_hours_to_resolve", medianHoursToResolve, "hours", denominator: hours.count,
                cases: resolvedCases, percentile(50, hours)),
            figure(
                "p90_hours_to_resolve", p90HoursToResolve, "hours", denominator: hours.count, cases: resolvedCases,
                percentile(90, hours)),
            figure(
                "overdue", Double(overdueCases.count), "cases", cases: overdueCases,
                "\(overdueCases.count) case(s) unresolved past their deadline at \(Timestamp.format(evaluatedAt))"),
            figure(
                "escalations", Double(escalationsByLevel.values.reduce(0, +)), "events",
                breakdown: escalationsByLevel,
                escalationsByLevel.isEmpty
                    ? "no escalation step fired in \(window)"
                    : escalationsByLevel.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
                        .joined(separator: ", ") + " step(s) fired in \(window)"),
            figure(
                "satisfaction", satisfaction, "ratio", numerator: satisfiedCases.count, denominator: ratedCases.count,
                cases: ratedCases,
                ratio(satisfiedCases.count, ratedCases.count, "rated closed case(s) satisfied")),
        ]
    }

    private func figure(
        _ key: String, _ value: Double?, _ unit: String, numerator: Int? = nil, denominator: Int? = nil,
        breakdown: [String: Int]? = nil, cases: [String] = [], _ explanation: String
    ) -> LedgerFigure {
        LedgerFigure(
            key: key, value: value, unit: unit, numerator: numerator, denominator: denominator, breakdown: breakdown,
            cases: cases, definition: Self.definitions[key] ?? "", explanation: explanation)
    }

    private func ratio(_ numerator: Int, _ denominator: Int, _ what: String) -> String {
        guard denominator > 0 else { return "no case to count: the rate is undefined (null)" }
        return "\(numerator) of \(denominator) \(what) = " + Self.format(Double(numerator) / Double(denominator))
    }

    private func percentile(_ percent: Int, _ sorted: [Double]) -> String {
        guard let value = NearestRank.percentile(percent, of: sorted) else {
            return "no case resolved: undefined (null)"
        }
        let rank = NearestRank.rank(percent: percent, count: sorted.count)
        return "value \(rank) of \(sorted.count) sorted ("
            + sorted.map(Self.format).joined(separator: ", ") + ") = \(Self.format(value)) h"
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
