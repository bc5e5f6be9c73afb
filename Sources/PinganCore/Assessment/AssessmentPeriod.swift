import Foundation

/// An assessment period (考核周期): a calendar year ("2025") or a quarter ("2025-Q2"), in the centre's time zone
/// (BRIEF §4; issue 7: "a list can be activated for an assessment period (quarter or year)").
public struct AssessmentPeriod: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The year.
    public var year: Int
    /// The quarter 1–4, or nil for the whole year.
    public var quarter: Int?

    /// Creates a period.
    public init(year: Int, quarter: Int? = nil) {
        self.year = year
        self.quarter = quarter
    }

    /// Parses "2025" or "2025-Q2" (years 2000–2099); throws `invalid` on `field` otherwise.
    public init(parsing text: String, field: String = "period") throws(PinganError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let failure = PinganError.invalid(
            field: field, rule: "format", detail: "a period is a year (2025) or a quarter (2025-Q2), not '\(text)'")
        guard let first = parts.first, first.count == 4, let year = Int(first), (2000...2099).contains(year) else {
            throw failure
        }
        switch parts.count {
        case 1: self.init(year: year)
        case 2:
            let quarter = parts[1]
            guard quarter.count == 2, quarter.first == "Q", let number = Int(quarter.dropFirst()),
                (1...4).contains(number)
            else { throw failure }
            self.init(year: year, quarter: number)
        default: throw failure
        }
    }

    /// "2025" or "2025-Q2".
    public var description: String {
        quarter.map { "\(year)-Q\($0)" } ?? "\(year)"
    }

    /// The first instant of the period, at local midnight in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        Self.midnight(year: year, month: quarter.map { ($0 - 1) * 3 + 1 } ?? 1, in: timeZone)
    }

    /// The first instant after the period.
    public func end(in timeZone: TimeZone) -> Date {
        guard let quarter, quarter < 4 else { return Self.midnight(year: year + 1, month: 1, in: timeZone) }
        return Self.midnight(year: year, month: quarter * 3 + 1, in: timeZone)
    }

    /// Whether the period contains `period` (a year contains its quarters; a period contains itself).
    public func contains(_ period: AssessmentPeriod) -> Bool {
        year == period.year && (quarter == nil || quarter == period.quarter)
    }

    private static func midnight(year: Int, month: Int, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }
}
