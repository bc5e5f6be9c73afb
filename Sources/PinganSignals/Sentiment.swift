/// A sentiment judgement (issue 5, §5): label and score in [−1, 1] (negative < 0).
public struct Sentiment: Sendable, Equatable {
    /// The three labels.
    public enum Label: String, Sendable, Codable, CaseIterable {
        /// Negative.
        case negative
        /// Neutral.
        case neutral
        /// Positive.
        case positive
    }

    /// The label.
    public var label: Label
    /// The combined score in [−1, 1].
    public var score: Double
    /// The lexicon's raw sum (negated and intensified word weights).
    public var lexiconSum: Double
    /// The Naive Bayes log-odds.
    public var modelLogOdds: Double

    /// Creates a judgement.
    public init(label: Label, score: Double, lexiconSum: Double, modelLogOdds: Double) {
        self.label = label
        self.score = score
        self.lexiconSum = lexiconSum
        self.modelLogOdds = modelLogOdds
    }
}
