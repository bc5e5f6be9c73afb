import Foundation

/// A unit (单位): a department, street office or centre that cases are assigned to and that is scored (BRIEF §1, §4).
///
/// Named `OrgUnit` because Foundation already has a `Unit` (of measure).
public struct OrgUnit: Sendable, Equatable, Codable {
    /// Internal identifier.
    public var id: UUID
    /// Short stable code (`qs-police`), unique.
    public var code: String
    /// Full name (`青山公安分局`).
    public var name: String
    /// Kind of unit.
    public var kind: UnitKind
    /// The region the unit is responsible for.
    public var regionCode: String
    /// The unit above it, if any (a street office's district government, a district centre's city centre).
    public var parentID: UUID?
    /// Other names the unit is known by in documents (`区公安分局`), used to match responsibility lists.
    public var aliases: [String]
    /// The users holding each leader post.
    public var leaders: [LeaderRole: UUID]

    /// Creates a unit.
    public init(
        id: UUID, code: String, name: String, kind: UnitKind, regionCode: String, parentID: UUID? = nil,
        aliases: [String] = [], leaders: [LeaderRole: UUID] = [:]
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.regionCode = regionCode
        self.parentID = parentID
        self.aliases = aliases
        self.leaders = leaders
    }

    /// Checks the fields a client supplies for a unit; the references (region, parent) are checked by the caller
    /// against the store.
    public static func validate(code: String, name: String, aliases: [String]) throws(PinganError) {
        var violations: [FieldViolation] = []
        if !CodeRule.isValid(code) {
            violations.append(.init(field: "code", rule: "format", detail: CodeRule.description))
        }
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty || trimmed.count > 100 {
            violations.append(.init(field: "name", rule: "length", detail: "a name of 1 to 100 characters is required"))
        }
        for (index, alias) in aliases.enumerated() where alias.isEmpty || alias.count > 100 {
            violations.append(
                .init(field: "aliases[\(index)]", rule: "length", detail: "an alias has 1 to 100 characters"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }
}

/// The rule for short machine codes of units and similar objects: 2–40 characters of lower-case ASCII letters,
/// digits, `-`, `_` or `.`, starting with a letter or digit.
public enum CodeRule {
    /// Explanation of the rule, for error messages.
    public static let description =
        "a code has 2 to 40 characters: lower-case letters, digits, '-', '_' or '.', starting with a letter or digit"

    /// Whether `code` follows the rule.
    public static func isValid(_ code: String) -> Bool {
        let bytes = Array(code.utf8)
        guard (2...40).contains(bytes.count), let first = bytes.first, isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }
}
