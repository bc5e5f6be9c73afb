import Foundation

/// The deadlines of one case as the SLA policy set them (BRIEF §1 "限时化解"), with the rule and an explanation
/// (DESIGN principle 5 "Explain every number").
public struct SLADeadlines: Sendable, Equatable, Codable {
    /// The policy's name.
    public var policyName: String
    /// The policy version the deadlines came from; the case keeps it.
    public var policyVersion: Int
    /// The index of the rule in the policy's `rules`.
    public var ruleIndex: Int
    /// The rule.
    public var rule: SLAPolicy.Rule
    /// When the unit must have accepted the case (受理期限).
    public var acceptBy: Date
    /// When the case must be resolved (办结期限).
    public var resolveBy: Date
    /// The explanation, in Chinese.
    public var explanation: String

    /// Creates deadlines.
    public init(
        policyName: String, policyVersion: Int, ruleIndex: Int, rule: SLAPolicy.Rule, acceptBy: Date, resolveBy: Date,
        explanation: String
    ) {
        self.policyName = policyName
        self.policyVersion = policyVersion
        self.ruleIndex = ruleIndex
        self.rule = rule
        self.acceptBy = acceptBy
        self.resolveBy = resolveBy
        self.explanation = explanation
    }
}
