import Foundation

/// How an automatic item turns an indicator's value into points (issue 7 "Scoring"): all or nothing at a target,
/// linear between a floor and the target, or steps. Values are fractions (0.9 = 90%); the outcome is a share of the
/// item's points from 0 to 1, with the sentence that explains it.
public enum ScoringFunction: Sendable, Equatable, Codable {
    /// Full points when the value reaches `target`, none otherwise ("first-time resolution rate ≥ 90%").
    case allOrNothing(target: Decimal)
    /// None at or below `floor`, full at or above `target`, in proportion between them.
    case linear(floor: Decimal, target: Decimal)
    /// The share of the highest step the value reaches (`minimum` ascending), none below the first step.
    case steps([Step])

    /// A step: reaching `minimum` earns `share` (0–1) of the points.
    public struct Step: Sendable, Equatable, Codable {
        /// The value the step needs.
        public var minimum: Decimal
        /// The share of the item's points it earns, 0–1.
        public var share: Decimal

        /// Creates a step.
        public init(minimum: Decimal, share: Decimal) {
            self.minimum = minimum
            self.share = share
        }
    }

    /// Checks the function's figures: a target above its floor, steps ascending with shares in [0, 1].
    public func validate(field: String) throws(PinganError) {
        switch self {
        case .allOrNothing: return
        case .linear(let floor, let target):
            guard floor < target else {
                throw .invalid(field: field, rule: "range", detail: "the floor must be below the target")
            }
        case .steps(let steps):
            guard !steps.isEmpty, zip(steps, steps.dropFirst()).allSatisfy({ $0.minimum < $1.minimum }),
                steps.allSatisfy({ (0...1).contains($0.share) })
            else {
                throw .invalid(
                    field: field, rule: "steps",
                    detail: "steps need ascending minimums and shares between 0 and 1")
            }
        }
    }

    /// The share of the points `value` earns, and why.
    public func share(for value: Decimal) -> (share: Decimal, explanation: String) {
        let shown = Self.percent(value)
        switch self {
        case .allOrNothing(let target):
            return value >= target
                ? (1, "\(shown) ≥ target \(Self.percent(target)): full points")
                : (0, "\(shown) < target \(Self.percent(target)): no points")
        case .linear(let floor, let target):
            if value >= target { return (1, "\(shown) ≥ target \(Self.percent(target)): full points") }
            if value <= floor { return (0, "\(shown) ≤ floor \(Self.percent(floor)): no points") }
            let share = (value - floor) / (target - floor)
            return (
                share,
                "\(shown) between floor \(Self.percent(floor)) and target \(Self.percent(target)): "
                    + "\(DeductionRule.format(share * 100, scale: 2))% of the points"
            )
        case .steps(let steps):
            guard let reached = steps.last(where: { value >= $0.minimum }) else {
                return (0, "\(shown) below the first step \(Self.percent(steps.first?.minimum ?? 0)): no points")
            }
            return (
                reached.share,
                "\(shown) ≥ step \(Self.percent(reached.minimum)): "
                    + "\(DeductionRule.format(reached.share * 100, scale: 2))% of the points"
            )
        }
    }

    static func percent(_ value: Decimal) -> String {
        DeductionRule.format(value * 100, scale: 2) + "%"
    }
}
