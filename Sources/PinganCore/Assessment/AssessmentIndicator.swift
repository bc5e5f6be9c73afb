import Foundation

/// A ledger indicator an automatic item can be bound to (BRIEF §4 "Indicators that the ledger can compute itself"),
/// taken from `LedgerMetrics` exactly, as a fraction of counts.
public enum AssessmentIndicator: String, Sendable, Equatable, Codable, CaseIterable {
    /// Resolved cases never reopened nor returned ÷ resolved cases (一次性化解率, target ≥ 90%).
    case firstTimeResolutionRate = "first_time_resolution_rate"
    /// Resolved cases resolved by the deadline in force ÷ resolved cases (按期办结率).
    case onTimeRate = "on_time_rate"
    /// Rated closed cases satisfied ÷ rated closed cases (群众满意率, target ≥ 98% / 95%).
    case satisfaction

    /// The indicator's value in `metrics` as an exact fraction with its counts, or nil when nothing was counted.
    public func value(in metrics: LedgerMetrics) -> (value: Decimal, numerator: Int, denominator: Int)? {
        let (numerator, denominator): (Int, Int)
        switch self {
        case .firstTimeResolutionRate:
            (numerator, denominator) = (metrics.firstTimeCases.count, metrics.resolvedCases.count)
        case .onTimeRate: (numerator, denominator) = (metrics.onTimeCases.count, metrics.resolvedCases.count)
        case .satisfaction: (numerator, denominator) = (metrics.satisfiedCases.count, metrics.ratedCases.count)
        }
        guard denominator > 0 else { return nil }
        return (Decimal(numerator) / Decimal(denominator), numerator, denominator)
    }
}

/// An automatic item (自动评分项): the item's indicator and scoring function (issue 7 "Scoring").
public struct MetricBinding: Sendable, Equatable, Codable {
    /// The indicator.
    public var indicator: AssessmentIndicator
    /// How its value becomes points.
    public var function: ScoringFunction

    /// Creates a binding.
    public init(indicator: AssessmentIndicator, function: ScoringFunction) {
        self.indicator = indicator
        self.function = function
    }

    /// The score the binding gives an item of `maximum` points for `metrics`: the points and the explanation. With
    /// nothing to count (no resolved or rated case), the item earns no points and the explanation says so.
    public func score(
        maximum: Decimal, metrics: LedgerMetrics
    ) -> (points: Decimal, value: Decimal?, explanation: String) {
        guard let found = indicator.value(in: metrics) else {
            return (0, nil, "\(indicator.rawValue): no case counted in the period; no points")
        }
        let (share, why) = function.share(for: found.value)
        var points = share * maximum
        var rounded = Decimal()
        NSDecimalRound(&rounded, &points, 2, .plain)
        return (
            rounded, found.value,
            "\(indicator.rawValue) \(found.numerator)/\(found.denominator) = \(why) → \(DeductionRule.format(rounded)) "
                + "of \(DeductionRule.format(maximum))"
        )
    }
}
