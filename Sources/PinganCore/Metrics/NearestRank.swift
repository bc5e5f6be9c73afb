/// Percentiles by the nearest-rank method: the p-th percentile of n sorted values x₁ ≤ … ≤ xₙ is x_k with
/// k = ⌈p × n ÷ 100⌉ (at least 1). The result is always one of the values; the median is the 50th percentile, so for
/// an even count it is the lower of the two middle values (never their average).
public enum NearestRank {
    /// The rank k (1-based) of the `percent`-th percentile among `count` values; integer arithmetic, so no rounding
    /// error can move it.
    public static func rank(percent: Int, count: Int) -> Int {
        max(1, (percent * count + 99) / 100)
    }

    /// The `percent`-th percentile of `values` (in any order), or `nil` when there are none.
    public static func percentile(_ percent: Int, of values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[min(sorted.count, rank(percent: percent, count: sorted.count)) - 1]
    }
}
