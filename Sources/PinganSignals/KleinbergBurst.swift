import Foundation

/// Kleinberg's two-state burst detection for keyword streams ("Bursty and Hierarchical Structure in Streams",
/// KDD 2002, §4 enumerating version): in batch t, rₜ of dₜ documents carry the keyword. State 0 emits at rate
/// p₀ = Σr/Σd, state 1 at p₁ = min(s·p₀, 0.9999); the cost of a batch in state i is
/// σᵢ = −ln[C(dₜ, rₜ) pᵢ^rₜ (1 − pᵢ)^(dₜ−rₜ)]; moving up costs γ·ln n (n batches), moving down is free. The
/// optimal state sequence is found by Viterbi over all batches (not greedily). A burst is a maximal run of state 1,
/// weighted by Σ(σ₀ − σ₁) over the run.
public struct KleinbergBurst: Sendable {
    /// One burst: first and last batch (0-based, inclusive) and its weight.
    public struct Burst: Sendable, Equatable {
        /// First batch in state 1.
        public var start: Int
        /// Last batch in state 1.
        public var end: Int
        /// Σ(σ₀ − σ₁) over the burst.
        public var weight: Double
    }

    /// The rate multiplier s of the burst state (> 1).
    public var s: Double
    /// The transition cost multiplier γ.
    public var gamma: Double

    /// Creates a detector; `s` must exceed 1 and `gamma` be non-negative.
    public init(s: Double = 2, gamma: Double = 1) throws {
        guard s > 1 else { throw SignalsError.invalidParameter(name: "s", reason: "must be > 1") }
        guard gamma >= 0 else { throw SignalsError.invalidParameter(name: "gamma", reason: "must be ≥ 0") }
        self.s = s
        self.gamma = gamma
    }

    /// The optimal state per batch (0 or 1) and the bursts; `relevant[t]` ≤ `total[t]`.
    public func detect(relevant: [Int], total: [Int]) -> (states: [Int], bursts: [Burst]) {
        let n = min(relevant.count, total.count)
        guard n > 0 else { return ([], []) }
        let sumR = relevant.prefix(n).reduce(0, +)
        let sumD = total.prefix(n).reduce(0, +)
        guard sumD > 0, sumR > 0 else { return (Array(repeating: 0, count: n), []) }
        let p0 = Double(sumR) / Double(sumD)
        let p1 = min(s * p0, 0.9999)
        let up = gamma * log(Double(n))
        func cost(_ p: Double, _ r: Int, _ d: Int) -> Double {
            let logChoose = lgamma(Double(d) + 1) - lgamma(Double(r) + 1) - lgamma(Double(d - r) + 1)
            return -(logChoose + Double(r) * log(p) + Double(d - r) * log(1 - p))
        }
        var sigma0 = [Double](repeating: 0, count: n)
        var sigma1 = [Double](repeating: 0, count: n)
        for t in 0..<n {
            let d = max(total[t], 0)
            let r = min(max(relevant[t], 0), d)
            sigma0[t] = cost(p0, r, d)
            sigma1[t] = cost(p1, r, d)
        }
        // Viterbi; the stream starts in state 0, so entering state 1 at t = 0 pays the up cost.
        var best0 = sigma0[0]
        var best1 = up + sigma1[0]
        var from0: [Int] = [0]
        var from1: [Int] = [0]
        for t in 1..<n {
            let stay0 = best0
            let down = best1
            let (new0, back0) = stay0 <= down ? (stay0 + sigma0[t], 0) : (down + sigma0[t], 1)
            let rise = best0 + up
            let stay1 = best1
            let (new1, back1) = stay1 <= rise ? (stay1 + sigma1[t], 1) : (rise + sigma1[t], 0)
            best0 = new0
            best1 = new1
            from0.append(back0)
            from1.append(back1)
        }
        var states = [Int](repeating: 0, count: n)
        var state = best0 <= best1 ? 0 : 1
        for t in stride(from: n - 1, through: 0, by: -1) {
            states[t] = state
            if t > 0 { state = state == 0 ? from0[t] : from1[t] }
        }
        var bursts: [Burst] = []
        var t = 0
        while t < n {
            if states[t] == 1 {
                var end = t
                var weight = 0.0
                while end < n, states[end] == 1 {
                    weight += sigma0[end] - sigma1[end]
                    end += 1
                }
                bursts.append(Burst(start: t, end: end - 1, weight: weight))
                t = end
            } else {
                t += 1
            }
        }
        return (states, bursts)
    }
}
