import Foundation

/// A calendar date as written in a list document ("2025年3月10日", "2025年3月"), day optional (BRIEF §4).
public struct ListDate: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Year (2025).
    public var year: Int
    /// Month, 1–12.
    public var month: Int
    /// Day of the month, when the document gives one.
    public var day: Int?

    /// Creates a date.
    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 form: `2025-03-10`, or `2025-03` without a day.
    public var description: String {
        let yearMonth = String(format: "%04d-%02d", year, month)
        guard let day else { return yearMonth }
        return yearMonth + String(format: "-%02d", day)
    }
}
