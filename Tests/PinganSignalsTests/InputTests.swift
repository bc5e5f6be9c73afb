import Foundation
import PinganSignals
import Testing

@Suite("Input parsing and pseudonymisation")
struct InputTests {
    let parser = PostParser(pseudonymizer: Pseudonymizer(key: Array("test-key-0123456789".utf8)))

    @Test("a valid line becomes a post with the author replaced by its keyed hash")
    func validLine() throws {
        let line =
            #"{"id":"a1","text":"停水了","time":"2026-11-20T08:30:00+08:00","source":"weibo","region":"110101","#
            + #""author":"张三","reposts":3,"comments":2,"likes":1,"url":"https://example.org/1"}"#
        let report = parser.parse(Data(line.utf8))
        let post = try #require(report.posts.first)
        #expect(report.errors.isEmpty)
        #expect(post.time == 1_795_134_600)
        #expect(post.engagement == 6)
        let pseudonym = try #require(post.authorPseudonym)
        #expect(pseudonym.hasPrefix("a_") && pseudonym.count == 34)
        #expect(!pseudonym.contains("张三"))
        #expect(pseudonym == Pseudonymizer(key: Array("test-key-0123456789".utf8)).pseudonym(of: "张三"))
        #expect(pseudonym != Pseudonymizer(key: Array("another-key".utf8)).pseudonym(of: "张三"))
    }

    @Test("bad lines are reported with their line number and reason and the rest still parse")
    func badLinesAreSkipped() {
        var bytes = Array(#"{"id":"1","text":"a","time":"2026-01-01T00:00:00Z","source":"grid"}"#.utf8) + [0x0A]
        bytes += Array("not json\n".utf8)
        bytes += [0x7B, 0xFF, 0xFE, 0x7D, 0x0A]  // invalid UTF-8
        bytes += Array(#"{"id":"3","text":"b","time":"2026-01-01","source":"grid","likes":-1}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"4","text":"c","time":"2026-13-01T00:00:00Z","source":"grid"}"#.utf8) + [0x0A]
        bytes += Array("\n   \n".utf8)
        bytes += Array(#"{"id":"6","text":"d","time":"2026-01-01T00:00:00-05:00","source":"hotline"}"#.utf8)
        let report = parser.parse(Data(bytes))
        #expect(report.posts.map(\.id) == ["1", "6"])
        #expect(report.errors.count == 4)
        #expect(report.errors.first == .badLine(line: 2, reason: "not valid JSON"))
        #expect(report.errors.contains(.badLine(line: 3, reason: "invalid UTF-8")))
        #expect(report.errors.contains(.badLine(line: 4, reason: "field 'likes' is not a non-negative integer")))
        #expect(report.errors.contains { if case .badLine(5, _) = $0 { true } else { false } })
        #expect(report.posts.last?.time == 1_767_243_600)
    }

    @Test("ISO 8601 times with offsets, fractions and plain dates are read exactly")
    func isoTimes() {
        #expect(ISO8601Time.epochSeconds("1970-01-01T00:00:00Z") == 0)
        #expect(ISO8601Time.epochSeconds("2024-02-29T23:59:59.999+0800") == 1_709_222_399)
        #expect(ISO8601Time.epochSeconds("2024-03-01") == 1_709_251_200)
        #expect(ISO8601Time.epochSeconds("2023-02-29T00:00:00Z") == nil)
        #expect(ISO8601Time.epochSeconds("2024-01-01T00:00:00") == nil)
        #expect(ISO8601Time.dateString(day: 19_782) == "2024-02-29")
    }
}
