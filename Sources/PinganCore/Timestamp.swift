import Foundation

/// The one text form of an instant that Pingan stores and exchanges: ISO 8601 in UTC with milliseconds,
/// `2026-11-22T08:30:00.000Z`. It sorts lexicographically in time order on every database engine.
public enum Timestamp {
    /// Formats `date` in the canonical form.
    ///
    /// Milliseconds are truncated, as the ISO 8601 format style does — except that a time a few binary rounding steps
    /// (about a microsecond) below a millisecond counts as that millisecond, so that every stored time reads back and writes again as the same text
    /// (the format style writes `…16.514Z`, read back, as `…16.513Z`: binary fractions).
    public static func format(_ date: Date) -> String {
        // Milliseconds since 2001 (the Date's own reference, so no addition blurs the fraction), from 2002 on.
        let scaled = date.timeIntervalSinceReferenceDate * 1000
        guard scaled.isFinite, scaled >= 31_536_000_000, scaled < 252_423_993_600_000 else {
            return date.formatted(style)
        }
        let nearest = scaled.rounded()
        let onBoundary = abs(scaled - nearest) <= 8 * nearest.ulp
        var millis = Int64(onBoundary ? nearest : scaled.rounded(.down)) + 978_307_200_000
        let millisecond = millis % 1000
        millis /= 1000
        let second = millis % 60
        millis /= 60
        let minute = millis % 60
        millis /= 60
        let hour = millis % 24
        let (year, month, day) = CalendarDay(ordinal: Int(millis / 24)).components
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int64, at start: Int, width: Int) {
            var value = value
            for index in stride(from: start + width - 1, through: start, by: -1) {
                bytes[index] = UInt8(0x30 + value % 10)
                value /= 10
            }
        }
        put(Int64(year), at: 0, width: 4)
        put(Int64(month), at: 5, width: 2)
        put(Int64(day), at: 8, width: 2)
        put(hour, at: 11, width: 2)
        put(minute, at: 14, width: 2)
        put(second, at: 17, width: 2)
        put(millisecond, at: 20, width: 3)
        for (index, byte) in [(4, 0x2D), (7, 0x2D), (10, 0x54), (13, 0x3A), (16, 0x3A), (19, 0x2E), (23, 0x5A)] {
            bytes[index] = UInt8(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses the canonical form, or any ISO 8601 date-time with an offset (`2026-11-22T16:30:00+08:00`).
    public static func parse(_ text: String) -> Date? {
        if let date = canonical(text) { return date }
        if let date = try? style.parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text)
    }

    /// The canonical form read directly (every stored time is read through here, 50 per case listed): the same
    /// value the format style parses to, which holds from 2002 on (checked against it by the tests); earlier years,
    /// other lengths and offsets go to the format style.
    private static func canonical(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
                bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A
            else { return nil }
            func number(_ start: Int, _ width: Int) -> Int64? {
                var value: Int64 = 0
                for index in start..<(start + width) {
                    let digit = bytes[index] &- 0x30
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int64(digit)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
                let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                let millisecond = number(20, 3), year >= 2002, hour < 24, minute < 60, second < 60,
                let date = CalendarDay(year: Int(year), month: Int(month), day: Int(day))
            else { return nil }
            let seconds = Int64(date.ordinal) * 86_400 + hour * 3600 + minute * 60 + second
            return Date(
                timeIntervalSinceReferenceDate: Double(seconds - 978_307_200) + Double(millisecond) / 1000)
        }
    }

    /// Dates in JSON as the canonical text (every document Pingan writes).
    public static let jsonEncoding = JSONEncoder.DateEncodingStrategy.custom { date, encoder in
        var container = encoder.singleValueContainer()
        try container.encode(format(date))
    }

    /// Dates in stored JSON read back from their text; a text that is no time is a data-corruption error.
    public static let jsonDecoding = JSONDecoder.DateDecodingStrategy.custom { decoder in
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "bad time \(text)")
        }
        return date
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
}
