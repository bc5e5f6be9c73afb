import Foundation

/// An entry of a negative list (负面清单): an incident or threshold and the points it costs (BRIEF §4).
///
/// The prose deduction ("(-30分/件)", "(特别重大-30分/件,重大-10分/件)") becomes a `DeductionRule` when the importer
/// can read it; otherwise `rule` is nil and `flag` says why, so the rule can be entered by hand.
public struct NegativeListEntry: Sendable, Equatable, Codable {
    /// The entry's number as written ("1"), or empty.
    public var code: String
    /// The entry as written, with its deduction, without its number.
    public var text: String
    /// Definition paragraphs that follow the entry ("“重大安全生产事故”按照……确定。").
    public var notes: [String]
    /// The deduction rule read from the text, if it could be read.
    public var rule: DeductionRule?
    /// Why no rule could be read, when `rule` is nil.
    public var flag: String?
    /// The 1-based source line of the entry.
    public var line: Int

    /// Creates an entry.
    public init(
        code: String = "", text: String, notes: [String] = [], rule: DeductionRule? = nil, flag: String? = nil,
        line: Int = 0
    ) {
        self.code = code
        self.text = text
        self.notes = notes
        self.rule = rule
        self.flag = flag
        self.line = line
    }
}
