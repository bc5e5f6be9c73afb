import Foundation

/// A deduction rule of a negative list (负面清单), as data (BRIEF §4, issue 7 "Deduction rules").
///
/// All amounts are positive numbers of points to deduct: "-30分/件" is `perIncident(points: 30, counter: "件")`.
/// `cap` limits the total an entry can cost in one assessment period ("最多共扣50分").
public struct DeductionRule: Sendable, Equatable, Codable {
    /// What the deduction is counted on.
    public enum Basis: Sendable, Equatable, Codable {
        /// A fixed deduction for every incident ("-30分/件"); `counter` is the measure word as written (件, 起, 次).
        case perIncident(points: Decimal, counter: String)
        /// A deduction per incident that depends on its severity ("特别重大-30分/件,重大-10分/件").
        case perIncidentBySeverity([SeverityStep])
        /// A fixed deduction for every person concerned ("-3分/人").
        case perPerson(points: Decimal)
        /// A deduction when a rate crosses a threshold, with further steps ("万人命案发案率>0.6(超过即-20分,
        /// 每超过0.1再-10分,最多共扣50分)").
        case rateThreshold(RateThreshold)
    }

    /// One severity grade of a `perIncidentBySeverity` rule.
    public struct SeverityStep: Sendable, Equatable, Codable {
        /// The grade as written (特别重大, 重大, 较大, 一般).
        public var severity: String
        /// Points deducted per incident of this grade.
        public var points: Decimal
        /// The measure word as written (件, 起).
        public var counter: String

        /// Creates a step.
        public init(severity: String, points: Decimal, counter: String) {
            self.severity = severity
            self.points = points
            self.counter = counter
        }
    }

    /// How a rate is compared with its threshold.
    public enum Comparison: String, Sendable, Equatable, Codable {
        /// Deduct when the rate is above the threshold (">", "超过", "高于").
        case above
        /// Deduct when the rate is at or above the threshold ("≥", ">=").
        case atLeast = "at_least"
        /// Deduct when the rate is below the threshold ("<", "低于", "不足").
        case below
        /// Deduct when the rate is at or below the threshold ("≤", "<=").
        case atMost = "at_most"
    }

    /// A threshold on a rate, per population base or in percent.
    public struct RateThreshold: Sendable, Equatable, Codable {
        /// The rate as the list names it ("万人命案发案率").
        public var metric: String
        /// The population the rate is counted per (10,000 for 万人, 100,000 for 十万人), or nil for a plain rate.
        public var perPopulation: Int?
        /// How the rate is compared with the threshold.
        public var comparison: Comparison
        /// The threshold (0.6; 90 for 90%).
        public var threshold: Decimal
        /// Whether the threshold is written in percent.
        public var isPercentage: Bool
        /// Points deducted as soon as the threshold is crossed ("超过即-20分").
        public var firstDeduction: Decimal
        /// The size of each further step beyond the threshold ("每超过0.1"), if any.
        public var stepSize: Decimal?
        /// Points deducted for each full further step ("再-10分"), if any.
        public var stepDeduction: Decimal?
        /// The population base the list defines for the rate ("上一年度常住人口"), if a note defines one.
        public var populationBase: String?

        /// Creates a threshold.
        public init(
            metric: String, perPopulation: Int?, comparison: Comparison, threshold: Decimal, isPercentage: Bool = false,
            firstDeduction: Decimal, stepSize: Decimal? = nil, stepDeduction: Decimal? = nil,
            populationBase: String? = nil
        ) {
            self.metric = metric
            self.perPopulation = perPopulation
            self.comparison = comparison
            self.threshold = threshold
            self.isPercentage = isPercentage
            self.firstDeduction = firstDeduction
            self.stepSize = stepSize
            self.stepDeduction = stepDeduction
            self.populationBase = populationBase
        }
    }

    /// What the deduction is counted on.
    public var basis: Basis
    /// The most the entry can deduct in one period, if limited.
    public var cap: Decimal?

    /// Creates a rule.
    public init(basis: Basis, cap: Decimal? = nil) {
        self.basis = basis
        self.cap = cap
    }
}
