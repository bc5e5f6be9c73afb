import Foundation

/// One number of the ledger metrics with what it means and how it came about (DESIGN principle 5 "explain every
/// number"): the value, its parts, its definition (as in `docs/METRICS.md`) and a sentence with the figures.
public struct LedgerFigure: Sendable, Equatable, Codable {
    /// The stable name (`received`, `first_time_resolution_rate` …).
    public var key: String
    /// The value; `nil` when it is undefined (a rate or a percentile with nothing to count).
    public var value: Double?
    /// What the value counts: `cases`, `events`, `ratio` (0–1) or `hours`.
    public var unit: String
    /// The numerator of a ratio.
    public var numerator: Int?
    /// The denominator of a ratio, or the number of values of a percentile.
    public var denominator: Int?
    /// Counts per key, for a figure that has parts (escalations per level).
    public var breakdown: [String: Int]?
    /// The numbers of the cases counted, for checking by hand.
    public var cases: [String]
    /// The definition, as written in `docs/METRICS.md`.
    public var definition: String
    /// The figures that produced the value, in a sentence.
    public var explanation: String

    /// Creates a figure.
    public init(
        key: String, value: Double?, unit: String, numerator: Int? = nil, denominator: Int? = nil,
        breakdown: [String: Int]? = nil, cases: [String] = [], definition: String, explanation: String
    ) {
        self.key = key
        self.value = value
        self.unit = unit
        self.numerator = numerator
        self.denominator = denominator
        self.breakdown = breakdown
        self.cases = cases
        self.definition = definition
        self.explanation = explanation
    }
}
