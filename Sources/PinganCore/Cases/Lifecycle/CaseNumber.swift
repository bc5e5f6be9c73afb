import Foundation

/// A case's human-readable number (案件编号), `QS-2026-000123`: a prefix naming the centre, the year of intake and a
/// sequence within that prefix and year (DESIGN "Identity of things").
///
/// The sequence is zero-padded to six digits, so numbers of one prefix sort as text in intake order; the sequence is
/// therefore limited to 1…999 999 per prefix and year. Internal ids remain UUIDs.
public struct CaseNumber: Sendable, Equatable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The centre's prefix: 1–8 upper-case ASCII letters or digits, starting with a letter (`QS`).
    public var prefix: String
    /// The year of intake, 2000–9999.
    public var year: Int
    /// The sequence within prefix and year, 1–999 999.
    public var sequence: Int

    /// The largest sequence a year can hold while numbers keep sorting as text.
    public static let maximumSequence = 999_999

    /// Creates a number, checking every part (every broken rule is reported at once).
    public init(prefix: String, year: Int, sequence: Int) throws(PinganError) {
        var violations: [FieldViolation] = []
        if !Self.isValidPrefix(prefix) {
            violations.append(
                .init(
                    field: "prefix", rule: "format",
                    detail: "a case number prefix has 1 to 8 upper-case letters or digits, starting with a letter"))
        }
        if !(2000...9999).contains(year) {
            violations.append(.init(field: "year", rule: "range", detail: "the year must lie between 2000 and 9999"))
        }
        if !(1...Self.maximumSequence).contains(sequence) {
            violations.append(
                .init(
                    field: "sequence", rule: "range",
                    detail: "the sequence must lie between 1 and \(Self.maximumSequence)"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        self.prefix = prefix
        self.year = year
        self.sequence = sequence
    }

    /// Formats a number, `QS-2026-000123`; throws `invalid` for a prefix, year or sequence out of range.
    public static func format(prefix: String, year: Int, sequence: Int) throws(PinganError) -> String {
        try CaseNumber(prefix: prefix, year: year, sequence: sequence).text
    }

    /// Parses the text form; `nil` unless it is exactly `PREFIX-YYYY-NNNNNN` with valid parts.
    public static func parse(_ text: String) -> CaseNumber? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count == 4, parts[2].utf8.count == 6,
            parts[1].utf8.allSatisfy(isDigit), parts[2].utf8.allSatisfy(isDigit),
            let year = Int(parts[1]), let sequence = Int(parts[2])
        else { return nil }
        return try? CaseNumber(prefix: String(parts[0]), year: year, sequence: sequence)
    }

    /// The text form, `QS-2026-000123`.
    public var text: String {
        let digits = String(sequence)
        return "\(prefix)-\(year)-\(String(repeating: "0", count: max(0, 6 - digits.count)))\(digits)"
    }

    /// The text form.
    public var description: String { text }

    /// Numbers order by prefix, then year, then sequence — the same order as their text.
    public static func < (lhs: CaseNumber, rhs: CaseNumber) -> Bool {
        (lhs.prefix, lhs.year, lhs.sequence) < (rhs.prefix, rhs.year, rhs.sequence)
    }

    /// Decodes the text form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = CaseNumber.parse(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a case number like QS-2026-000123")
        }
        self = number
    }

    /// Encodes the text form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    private static func isValidPrefix(_ prefix: String) -> Bool {
        let bytes = Array(prefix.utf8)
        guard (1...8).contains(bytes.count), let first = bytes.first, isUpper(first) else { return false }
        return bytes.allSatisfy { isUpper($0) || isDigit($0) }
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
