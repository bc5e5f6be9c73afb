import Foundation

/// A delay in an escalation step, in calendar time (BRIEF §2): `30m`, `4h` or `2d` (days of 24 hours).
///
/// Encoded as that text; from 1 minute to 365 days.
public struct EscalationDelay: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The delay in minutes.
    public let minutes: Int

    /// Creates a delay of `minutes` minutes.
    public init(minutes: Int) {
        self.minutes = minutes
    }

    /// Parses `<n>m`, `<n>h` or `<n>d`, or returns `nil`.
    public init?(text: String) {
        guard let unit = text.last, let amount = Int(text.dropLast()), amount >= 0,
            text.dropLast().utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return nil }
        switch unit {
        case "m": minutes = amount
        case "h": minutes = amount * 60
        case "d": minutes = amount * 1_440
        default: return nil
        }
    }

    /// The text form, in the largest whole unit.
    public var description: String {
        if minutes > 0 && minutes % 1_440 == 0 { return "\(minutes / 1_440)d" }
        if minutes > 0 && minutes % 60 == 0 { return "\(minutes / 60)h" }
        return "\(minutes)m"
    }

    /// The delay in Chinese (`4小时`, `1天`, `30分钟`).
    public var chineseText: String {
        if minutes > 0 && minutes % 1_440 == 0 { return "\(minutes / 1_440)天" }
        if minutes > 0 && minutes % 60 == 0 { return "\(minutes / 60)小时" }
        return "\(minutes)分钟"
    }

    /// The delay in seconds.
    public var interval: TimeInterval { TimeInterval(minutes) * 60 }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let delay = EscalationDelay(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a delay such as '30m', '4h' or '2d'")
        }
        self = delay
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
