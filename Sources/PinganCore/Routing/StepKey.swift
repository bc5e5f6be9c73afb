import Foundation

/// The stable identity of one planned escalation step — `<policy>/v<version>/<level>/<step key>`, e.g.
/// `default/v1/level3/deputy` — so the scheduler can record that a step fired and never fire it again (issue 3
/// "each step fires exactly once"). The same case, policy version, level and step always give the same key.
public struct StepKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The key text.
    public let rawValue: String

    /// Wraps a key text (as stored by the scheduler).
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// The key of `step` in the chain of `level` of `policy`.
    public init(policy: EscalationPolicy, level: WarningLevel, step: EscalationStep) {
        self.rawValue = "\(policy.name)/v\(policy.version)/\(level.rawValue)/\(step.key)"
    }

    /// The key text.
    public var description: String { rawValue }

    /// Orders keys by their text.
    public static func < (lhs: StepKey, rhs: StepKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes the key text.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the key text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
