import Foundation

/// One step of an escalation chain (BRIEF §2): a target, a trigger and an effect.
///
/// JSON: `{"key": "deputy", "target": {"type": "leader", "role": "deputy"}, "when": "at_once", "effect": "notify"}`;
/// `delay` (`"4h"`) is required for `after_start` and `after_deadline` and not allowed otherwise.
public struct EscalationStep: Sendable, Hashable, Codable {
    /// The step's key, unique in its chain (a code: `deputy`, `higher_centre`); part of the stable step key.
    public var key: String
    /// Who the step reaches.
    public var target: EscalationTarget
    /// The kind of trigger.
    public var when: EscalationTrigger.Kind
    /// The delay, for `after_start` and `after_deadline`.
    public var delay: EscalationDelay?
    /// What the step does.
    public var effect: EscalationEffect
    /// A note shown with the step (the rule's wording, in Chinese).
    public var note: String?

    /// Creates a step.
    public init(
        key: String, target: EscalationTarget, when: EscalationTrigger.Kind, delay: EscalationDelay? = nil,
        effect: EscalationEffect, note: String? = nil
    ) {
        self.key = key
        self.target = target
        self.when = when
        self.delay = delay
        self.effect = effect
        self.note = note
    }

    /// The trigger, or `nil` when `delay` does not fit `when` (a validated policy never has that).
    public var trigger: EscalationTrigger? {
        switch (when, delay) {
        case (.atOnce, nil): .atOnce
        case (.afterStart, let delay?): .afterStart(delay)
        case (.deadline, nil): .atDeadline
        case (.afterDeadline, let delay?): .afterDeadline(delay)
        case (.onDemand, nil): .onDemand
        default: nil
        }
    }
}
