/// One evaluated time point of an aberration detector (issue 5, §7): the count, the upper bound the count had to
/// exceed, the alarm, and the detector's statistic (C1/C2/C3 value, or the CUSUM sum). R's `NA` is `nil` for the
/// alarm and NaN for the numbers.
public struct AberrationPoint: Sendable, Equatable {
    /// 0-based index into the series.
    public var index: Int
    /// The observed count.
    public var count: Double
    /// The threshold on the count (R's `upperbound`); NaN where R gives `NA`.
    public var upperbound: Double
    /// Whether the point alarms; `nil` where R gives `NA` (zero variance without `minSigma`).
    public var alarm: Bool?
    /// The statistic: C1, C2 or C3 value, or the CUSUM sum Sₜ before any reset.
    public var statistic: Double

    /// Creates a point.
    public init(index: Int, count: Double, upperbound: Double, alarm: Bool?, statistic: Double) {
        self.index = index
        self.count = count
        self.upperbound = upperbound
        self.alarm = alarm
        self.statistic = statistic
    }
}

/// NaN-propagating maximum, as R's `max`/`pmax` (Swift's `max` silently drops NaN).
@inline(__always) func rMax(_ a: Double, _ b: Double) -> Double {
    if a.isNaN || b.isNaN { return .nan }
    return a > b ? a : b
}
