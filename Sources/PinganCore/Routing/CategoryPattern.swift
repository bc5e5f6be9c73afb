import Foundation

/// Which case categories a rule applies to: one category code (`labour.wage`), every code under a prefix
/// (`labour.*`), or every category (`*`). Used by the routing table and the SLA policy (BRIEF §1 "category + region →
/// the responsible unit"; DESIGN principle 2 "Rules are data").
///
/// Encoded as its text form. A more specific pattern beats a less specific one: an exact code beats any prefix, a
/// longer prefix beats a shorter one, and a prefix beats the wildcard.
public struct CategoryPattern: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The pattern as written: `labour.wage`, `labour.*` or `*`.
    public let text: String

    /// Creates a pattern from its text, or `nil` when the text is not a pattern (see ``isValid(_:)``).
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text
    }

    /// The pattern that matches every category.
    public static let any = CategoryPattern(uncheckedText: "*")

    private init(uncheckedText: String) {
        self.text = uncheckedText
    }

    /// Whether `text` is `*`, a category code, or a category code followed by `.*`. A category code is 1–60
    /// characters of lower-case ASCII letters, digits, `.`, `-` or `_`, starting with a letter or digit.
    public static func isValid(_ text: String) -> Bool {
        if text == "*" { return true }
        let code = text.hasSuffix(".*") ? String(text.dropLast(2)) : text
        let bytes = Array(code.utf8)
        guard (1...60).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x5F }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Whether the pattern applies to the category `code`.
    public func matches(_ code: String) -> Bool {
        if text == "*" { return true }
        if text.hasSuffix(".*") {
            let prefix = String(text.dropLast(2))
            return code == prefix || code.hasPrefix(prefix + ".")
        }
        return code == text
    }

    /// How specific the pattern is: 0 for `*`, the prefix length for a prefix, 1,000 plus the length for an exact code.
    public var specificity: Int {
        if text == "*" { return 0 }
        if text.hasSuffix(".*") { return text.utf8.count - 2 }
        return 1_000 + text.utf8.count
    }

    /// The pattern as written.
    public var description: String { text }

    /// Decodes the text form, rejecting anything that is not a pattern.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard Self.isValid(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a category pattern (a code, 'code.*' or '*')")
        }
        self.text = text
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
