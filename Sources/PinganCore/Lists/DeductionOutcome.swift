import Foundation

/// The points a deduction rule takes for given facts, with the explanation (rule and figures) that produced them
/// (DESIGN principle 5, "explain every number"; BRIEF §4).
public struct DeductionOutcome: Sendable, Equatable, Codable {
    /// Points deducted, after the cap; zero or positive.
    public var points: Decimal
    /// Points the rule would deduct without its cap.
    public var uncappedPoints: Decimal
    /// Whether the cap reduced the deduction.
    public var isCapped: Bool { points < uncappedPoints }
    /// One sentence with the figures: "2 起 × -10 = -20".
    public var explanation: String

    /// Creates an outcome.
    public init(points: Decimal, uncappedPoints: Decimal, explanation: String) {
        self.points = points
        self.uncappedPoints = uncappedPoints
        self.explanation = explanation
    }
}
