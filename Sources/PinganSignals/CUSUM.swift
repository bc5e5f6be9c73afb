import Foundation

/// One-sided standardised CUSUM (Rossi, Lampugnani & Marchi, Stat Med 18:2111, 1999) on a count series, as R's
/// `surveillance::algo.cusum` with `trans = "standard"` computes it: m = mean of the training counts (the
/// `baseline` counts before the first evaluated index) unless given; zₜ = (xₜ − m)/√m; S₀ = 0,
/// Sₜ = max(0, Sₜ₋₁ + zₜ − k); alarm ⇔ Sₜ ≥ h (note ≥); upper bound = ⌈√m·(h + k − Sₜ₋₁) + m⌉, NA or negative → 0.
/// With `reset` (the default) the sum restarts at 0 after an alarm, so one outbreak does not keep alarming; without
/// it the output matches R exactly (R never resets).
public struct CUSUM: Sendable {
    /// Reference value k (R default 1.04).
    public var k: Double
    /// Decision interval h (R default 2.26).
    public var h: Double
    /// Number of training counts before the first evaluated index.
    public var baseline: Int
    /// The in-control mean; `nil` for the mean of the training counts.
    public var mean: Double?
    /// Restart the sum at 0 after an alarm.
    public var reset: Bool

    /// Creates a detector; `baseline` must be at least 1.
    public init(k: Double = 1.04, h: Double = 2.26, baseline: Int = 7, mean: Double? = nil, reset: Bool = true) throws {
        guard baseline >= 1 else { throw SignalsError.invalidParameter(name: "baseline", reason: "must be at least 1") }
        guard h > 0 else { throw SignalsError.invalidParameter(name: "h", reason: "must be > 0") }
        self.k = k
        self.h = h
        self.baseline = baseline
        self.mean = mean
        self.reset = reset
    }

    /// Evaluates every index from `baseline` to the end of `counts`.
    public func evaluate(_ counts: [Double]) -> [AberrationPoint] {
        guard counts.count > baseline else { return [] }
        let m = mean ?? counts[0..<baseline].reduce(0, +) / Double(baseline)
        let root = m.squareRoot()
        var sum = 0.0
        var points: [AberrationPoint] = []
        points.reserveCapacity(counts.count - baseline)
        for t in baseline..<counts.count {
            let standardised = (counts[t] - m) / root
            var bound = (root * (h + k - sum) + m).rounded(.up)
            if bound.isNaN || bound < 0 { bound = 0 }
            let next = rMax(0, sum + (standardised - k))
            let alarm: Bool? = next.isNaN ? nil : next >= h
            points.append(AberrationPoint(index: t, count: counts[t], upperbound: bound, alarm: alarm, statistic: next))
            sum = (reset && alarm == true) ? 0 : next
        }
        return points
    }
}
