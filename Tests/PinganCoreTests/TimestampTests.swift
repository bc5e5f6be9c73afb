import Foundation
import PinganCore
import Testing

@Suite struct TimestampTests {
    /// The direct reader of the canonical form must give exactly what the ISO 8601 format style gives, and every
    /// time read must be written again as the same text.
    @Test func canonicalFormParsesToTheFormatStylesValue() throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var generator = SplitMix(state: 2026)
        for index in 0..<20_000 {
            let millis = Int64.random(in: 1_009_843_200_000..<4_102_444_800_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(millis) / 1000 + (index.isMultiple(of: 2) ? 0 : 0.0004))
            let text = Timestamp.format(date)
            let parsed = try #require(Timestamp.parse(text))
            #expect(parsed == (try style.parse(text)), "\(text)")
            #expect(Timestamp.format(parsed) == text)
        }
    }

    @Test(arguments: [
        "2026-13-01T00:00:00.000Z", "2026-11-22 08:30:00.000Z", "2026-11-22T08:30:00.0a0Z", "", "not a time",
    ])
    func badTextIsRefused(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    /// What the format style accepts leniently (29 February of a common year, 24:00) still reads as it did.
    @Test(arguments: ["2026-02-29T00:00:00.000Z", "2026-11-22T24:00:00.000Z"])
    func lenientFormsReadAsTheFormatStyleReadsThem(text: String) throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        #expect(Timestamp.parse(text) == (try style.parse(text)))
    }

    /// Times that are not on a millisecond are truncated, as the format style truncates them.
    @Test func formattingTruncatesLikeTheFormatStyle() {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)
        var generator = SplitMix(state: 11)
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: 1_009_843_200..<4_102_444_800, using: &generator))
            let (ours, theirs) = (Timestamp.format(date), date.formatted(style))
            // They differ only where the format style loses a millisecond to binary rounding.
            if ours != theirs {
                let scaled = date.timeIntervalSinceReferenceDate * 1000
                #expect(abs(scaled - scaled.rounded()) < 0.01, "\(ours) \(theirs)")
            }
        }
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_763_800_200.1239)) == "2025-11-22T08:30:00.123Z")
    }

    @Test func otherFormsStillParse() throws {
        let offset = try #require(Timestamp.parse("2026-11-22T16:30:00+08:00"))
        #expect(Timestamp.format(offset) == "2026-11-22T08:30:00.000Z")
        #expect(Timestamp.parse("2024-02-29T12:00:00.500Z").map(Timestamp.format) == "2024-02-29T12:00:00.500Z")
        #expect(Timestamp.parse("2001-01-01T00:00:01.000Z")?.timeIntervalSinceReferenceDate == 1)
    }
}
