import Foundation

/// The one text form of an instant that Pingan stores and exchanges: ISO 8601 in UTC with milliseconds,
/// `2026-11-22T08:30:00.000Z`. It sorts lexicographically in time order on every database engine.
public enum Timestamp {
    /// Formats `date` in the canonical form.
    public static func format(_ date: Date) -> String {
        date.formatted(style)
    }

    /// Parses the canonical form, or any ISO 8601 date-time with an offset (`2026-11-22T16:30:00+08:00`).
    public static func parse(_ text: String) -> Date? {
        if let date = try? style.parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
