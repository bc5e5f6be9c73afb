import Foundation

/// One concrete, time-stamped step of an escalation plan (BRIEF §2): when it is due, whom it reaches and why.
public struct PlannedStep: Sendable, Hashable, Codable {
    /// The stable key the scheduler records when the step fires.
    public var key: StepKey
    /// The warning level whose chain the step belongs to.
    public var level: WarningLevel
    /// The policy step it was made from.
    public var step: EscalationStep
    /// When it is due; `nil` for an on-demand step, which only the lifecycle fires.
    public var dueAt: Date?
    /// The resolved recipients.
    public var recipients: [EscalationRecipient]
    /// What, when, whom and why, in Chinese — including any fallback for an unfilled leader post.
    public var explanation: String

    /// Creates a planned step.
    public init(
        key: StepKey, level: WarningLevel, step: EscalationStep, dueAt: Date?, recipients: [EscalationRecipient],
        explanation: String
    ) {
        self.key = key
        self.level = level
        self.step = step
        self.dueAt = dueAt
        self.recipients = recipients
        self.explanation = explanation
    }

    /// What the step does.
    public var effect: EscalationEffect { step.effect }
}
