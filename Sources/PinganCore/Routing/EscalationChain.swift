import Foundation

/// The escalation chain of one warning level (BRIEF §2): the disposal in words and the steps.
public struct EscalationChain: Sendable, Hashable, Codable {
    /// The warning level the chain applies to.
    public var level: WarningLevel
    /// The default disposal (处置要求), in Chinese, shown to handlers.
    public var disposal: String
    /// The steps, in the order they are shown.
    public var steps: [EscalationStep]

    /// Creates a chain.
    public init(level: WarningLevel, disposal: String, steps: [EscalationStep]) {
        self.level = level
        self.disposal = disposal
        self.steps = steps
    }
}
