import Foundation

/// An escalation policy (预警升级规则): for each warning level, the chain of steps a case follows while unresolved
/// (BRIEF §2; DESIGN principle 2 "Rules are data": a versioned, validated document; a case keeps the version it
/// started under, so editing a policy never rewrites a running chain).
///
/// JSON form: `{"name": "default", "version": 1, "chains": [{"level": "level3", "disposal": "…", "steps": [ … ]}]}`;
/// see ``EscalationStep`` for a step and docs/ROUTING.md for the shipped default.
public struct EscalationPolicy: Sendable, Hashable, Codable {
    /// The policy name (a code such as `default`); part of every step key.
    public var name: String
    /// The version; part of every step key.
    public var version: Int
    /// One chain per warning level; a level without a chain does not escalate.
    public var chains: [EscalationChain]

    /// Creates a policy; call ``validate()`` before using one that came from outside.
    public init(name: String, version: Int, chains: [EscalationChain]) {
        self.name = name
        self.version = version
        self.chains = chains
    }

    /// Decodes and validates a policy document. Every error names its field path (`chains[0].steps[2].delay`).
    public static func load(json: Data) throws(PinganError) -> EscalationPolicy {
        let policy = try JSONDocument.decode(EscalationPolicy.self, from: json)
        try policy.validate()
        return policy
    }

    /// The chain for `level`, if any.
    public func chain(for level: WarningLevel) -> EscalationChain? {
        chains.first { $0.level == level }
    }

    /// Checks the policy: a code-like name; a version from 1; at most one chain per level and none for `none`; a
    /// disposal text; at least one step per chain; step keys that are codes and unique in their chain; a delay exactly
    /// when the trigger needs one, from 1 minute to 365 days; `joint_response` only towards the lead and participants;
    /// `take_over` only by a leader; `reassign_upward` only to the next higher centre or a parent unit's leader.
    public func validate() throws(PinganError) {
        var violations: [FieldViolation] = []
        if !CodeRule.isValid(name) {
            violations.append(.init(field: "name", rule: "format", detail: CodeRule.description))
        }
        if version < 1 {
            violations.append(.init(field: "version", rule: "range", detail: "the version is a whole number from 1"))
        }
        var levels: [WarningLevel: Int] = [:]
        for (index, chain) in chains.enumerated() {
            let at = "chains[\(index)]"
            if chain.level == .none {
                violations.append(
                    .init(field: "\(at).level", rule: "unknown_value", detail: "'none' has no escalation chain"))
            } else if let first = levels[chain.level] {
                violations.append(
                    .init(
                        field: "\(at).level", rule: "duplicate",
                        detail: "chains[\(first)] is already the chain for \(chain.level.rawValue)"))
            } else {
                levels[chain.level] = index
            }
            if chain.disposal.trimmingCharacters(in: .whitespaces).isEmpty || chain.disposal.count > 500 {
                violations.append(
                    .init(field: "\(at).disposal", rule: "length", detail: "a disposal text has 1 to 500 characters"))
            }
            if chain.steps.isEmpty {
                violations.append(
                    .init(field: "\(at).steps", rule: "required", detail: "a chain has at least one step"))
            }
            var keys: Set<String> = []
            for (position, step) in chain.steps.enumerated() {
                violations += Self.check(step, at: "\(at).steps[\(position)]", keys: &keys)
            }
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }

    private static func check(_ step: EscalationStep, at: String, keys: inout Set<String>) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        if !CodeRule.isValid(step.key) {
            violations.append(.init(field: "\(at).key", rule: "format", detail: CodeRule.description))
        } else if !keys.insert(step.key).inserted {
            violations.append(
                .init(field: "\(at).key", rule: "duplicate", detail: "the key '\(step.key)' is used twice in the chain")
            )
        }
        if step.when.takesDelay {
            if let delay = step.delay {
                if !(1...525_600).contains(delay.minutes) {
                    violations.append(
                        .init(field: "\(at).delay", rule: "range", detail: "a delay is from 1 minute to 365 days"))
                }
            } else {
                violations.append(
                    .init(field: "\(at).delay", rule: "required", detail: "'\(step.when.rawValue)' needs a delay"))
            }
        } else if step.delay != nil {
            violations.append(
                .init(field: "\(at).delay", rule: "not_allowed", detail: "'\(step.when.rawValue)' takes no delay"))
        }
        switch (step.effect, step.target) {
        case (.jointResponse, .leadAndParticipants):
            break
        case (.jointResponse, _):
            violations.append(
                .init(
                    field: "\(at).effect", rule: "target",
                    detail: "a joint response is formed with the lead and participating units"))
        case (.takeOver, .leader):
            break
        case (.takeOver, _):
            violations.append(
                .init(field: "\(at).effect", rule: "target", detail: "only a leader takes a case over personally"))
        case (.reassignUpward, .nextHigherCentre), (.reassignUpward, .leader(_, of: .parentUnit)):
            break
        case (.reassignUpward, _):
            violations.append(
                .init(
                    field: "\(at).effect", rule: "target",
                    detail: "a case is reassigned upward to the next higher centre or the parent unit"))
        default:
            break
        }
        if let note = step.note, note.count > 200 {
            violations.append(.init(field: "\(at).note", rule: "length", detail: "a note has at most 200 characters"))
        }
        return violations
    }
}
