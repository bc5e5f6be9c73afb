import Foundation

/// The CDC Early Aberration Reporting System detectors C1, C2 and C3 (Hutwagner et al. 2003; Fricker, Hegler & Dunfee,
/// Stat Med 27:3407, 2008) on a count series, as R's `surveillance::earsC` (1.20.3) computes them:
/// - C1: reference = the `baseline` counts before t; U = mean + z·max(sd, minSigma); alarm ⇔ Y(t) > U.
/// - C2: the same with a two-day guard band: reference = Y(t−baseline−2 … t−3).
/// - C3 (textbook, default): C3(t) = Σ_{i=t−2..t} max(0, C2(i) − 1); alarm ⇔ C3(t) > z. The reported bound is the
///   count that makes C3 exceed z: Ȳ₂ + S₂·(1 + z − p₁ − p₂), or −∞ when p₁ + p₂ > z already.
/// - C3 `rCompatible`: R's code, U = max(0, Y(t) + max(S₂, minSigma)·(z − p₁ − p₂)), pₖ = max(0, C2(t−k) − 1);
///   alarm ⇔ Y(t) > U, so today's C2 is not used (R's documentation says otherwise; see docs/SIGNALS.md).
/// z = qnorm(1 − α), α defaulting to 0.001 for C1/C2 and 0.025 for C3 as in R; sd is the sample standard deviation
/// (divisor n − 1). Points are produced from the first t the method can evaluate (C1: baseline, C2: baseline + 2,
/// C3: baseline + 4, 0-based).
public struct EARS: Sendable {
    /// The three EARS methods.
    public enum Method: String, Sendable, CaseIterable {
        /// C1-MILD: 7-day baseline directly before t.
        case c1
        /// C2-MEDIUM: 7-day baseline with a 2-day guard band.
        case c2
        /// C3-ULTRA: sum of C2 excesses over three days.
        case c3
    }

    /// The method.
    public var method: Method
    /// Length of the reference window (R: `baseline`, at least 3).
    public var baseline: Int
    /// The false-alarm probability giving z = qnorm(1 − α); `nil` for R's default (0.001 C1/C2, 0.025 C3).
    public var alpha: Double?
    /// Floor on the standard deviation (R: `minSigma`; Burkom suggests 0.5 or 1 for sparse data).
    public var minSigma: Double
    /// C3 as R's code computes it instead of the textbook definition.
    public var rCompatible: Bool

    /// Creates a detector; throws `SignalsError.invalidParameter` for a baseline < 3, α outside (0, 1), or a
    /// negative `minSigma` (R's own checks).
    public init(
        method: Method, baseline: Int = 7, alpha: Double? = nil, minSigma: Double = 0, rCompatible: Bool = false
    )
        throws
    {
        guard baseline >= 3 else { throw SignalsError.invalidParameter(name: "baseline", reason: "must be at least 3") }
        if let alpha, !(alpha > 0 && alpha < 1) {
            throw SignalsError.invalidParameter(name: "alpha", reason: "must be in (0, 1)")
        }
        guard minSigma >= 0 else { throw SignalsError.invalidParameter(name: "minSigma", reason: "must be ≥ 0") }
        self.method = method
        self.baseline = baseline
        self.alpha = alpha
        self.minSigma = minSigma
        self.rCompatible = rCompatible
    }

    /// The threshold z = qnorm(1 − α).
    public var z: Double {
        NormalQuantile.quantile(1 - (alpha ?? (method == .c3 ? 0.025 : 0.001)))
    }

    /// The first 0-based index the method can evaluate.
    public var firstIndex: Int {
        switch method {
        case .c1: baseline
        case .c2: baseline + 2
        case .c3: baseline + 4
        }
    }

    /// Evaluates every index from `firstIndex` to the end of `counts`.
    public func evaluate(_ counts: [Double]) -> [AberrationPoint] {
        guard counts.count > firstIndex else { return [] }
        let z = self.z
        var points: [AberrationPoint] = []
        points.reserveCapacity(counts.count - firstIndex)
        switch method {
        case .c1, .c2:
            let lag = method == .c1 ? 1 : 3
            for t in firstIndex..<counts.count {
                let (mean, sd) = Self.meanSD(counts, from: t - lag - baseline + 1, through: t - lag)
                let sigma = rMax(sd, minSigma)
                let bound = mean + z * sigma
                let statistic = (counts[t] - mean) / sigma
                points.append(
                    AberrationPoint(
                        index: t, count: counts[t], upperbound: bound, alarm: bound.isNaN ? nil : counts[t] > bound,
                        statistic: statistic))
            }
        case .c3:
            for t in firstIndex..<counts.count {
                let c2 = (0...2).map { lag in c2Statistic(counts, at: t - lag) }
                let p1 = rMax(0, c2[1].value - 1)
                let p2 = rMax(0, c2[2].value - 1)
                let sigma = rMax(c2[0].sd, minSigma)
                if rCompatible {
                    let bound = rMax(0, counts[t] + sigma * (z - (p2 + p1)))
                    let statistic = rMax(0, c2[0].value - 1) + p1 + p2
                    points.append(
                        AberrationPoint(
                            index: t, count: counts[t], upperbound: bound, alarm: bound.isNaN ? nil : counts[t] > bound,
                            statistic: statistic))
                } else {
                    let statistic = rMax(0, c2[0].value - 1) + p1 + p2
                    let bound = p1 + p2 > z ? -Double.infinity : c2[0].mean + sigma * (1 + z - p1 - p2)
                    points.append(
                        AberrationPoint(
                            index: t, count: counts[t], upperbound: statistic.isNaN ? .nan : bound,
                            alarm: statistic.isNaN ? nil : statistic > z, statistic: statistic))
                }
            }
        }
        return points
    }

    /// C2(t) with its reference mean and raw sample s.d.
    private func c2Statistic(_ counts: [Double], at t: Int) -> (value: Double, mean: Double, sd: Double) {
        let (mean, sd) = Self.meanSD(counts, from: t - 2 - baseline, through: t - 3)
        return ((counts[t] - mean) / rMax(sd, minSigma), mean, sd)
    }

    /// Mean and sample standard deviation (divisor n − 1) of `counts[from...through]`, two-pass as R's `var`.
    static func meanSD(_ counts: [Double], from: Int, through: Int) -> (mean: Double, sd: Double) {
        let n = Double(through - from + 1)
        var sum = 0.0
        for index in from...through { sum += counts[index] }
        let mean = sum / n
        var squares = 0.0
        for index in from...through {
            let deviation = counts[index] - mean
            squares += deviation * deviation
        }
        return (mean, (squares / (n - 1)).squareRoot())
    }
}
