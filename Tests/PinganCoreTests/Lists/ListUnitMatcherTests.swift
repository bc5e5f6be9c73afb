import Foundation
import PinganCore
import Testing

@Suite("Matching unit names from lists to Pingan's units")
struct ListUnitMatcherTests {
    private let matcher = ListUnitMatcher(
        candidates: [
            ListUnitCandidate(id: "qs-police", name: "青山公安分局", aliases: ["区公安分局"]),
            ListUnitCandidate(id: "qs-justice", name: "青山区司法局"),
            ListUnitCandidate(id: "qs-emergency", name: "应急管理局"),
            ListUnitCandidate(id: "city-justice", name: "市司法局"),
            ListUnitCandidate(id: "qs-streets", name: "街道办事处联络组", aliases: ["各街道办事处"]),
            ListUnitCandidate(id: "qs-health-1", name: "区卫健委", aliases: []),
            ListUnitCandidate(id: "qs-health-2", name: "青山区卫健委", aliases: []),
        ],
        regionNames: ["青山区", "青山"])

    @Test("Exact names and aliases match first, including a group name a unit carries as an alias")
    func exact() {
        let report = matcher.match(["区公安分局", "各街道办事处"])
        #expect(report.matches.map(\.unitID) == ["qs-police", "qs-streets"])
        #expect(report.matches.map(\.basis) == [.exact, .exact])
        #expect(report.unmatched.isEmpty)
    }

    @Test("Width, blanks and a trailing 等 are normalised")
    func normalized() {
        let report = matcher.match(["青山区司法局 等", "ＡＢ"])
        #expect(report.matches.map(\.unitID) == ["qs-justice"])
        #expect(report.matches.first?.basis == .normalized)
        #expect(report.unmatched.map(\.name) == ["ＡＢ"])
    }

    @Test("The district's name or a leading 区 is ignored, and 分局 may stand for 局")
    func regionAndBureau() {
        let report = matcher.match(["区司法局", "区应急管理局", "区公安局"])
        #expect(report.matches.map(\.unitID) == ["qs-justice", "qs-emergency", "qs-police"])
        #expect(report.matches.map(\.basis) == [.regionPrefix, .regionPrefix, .branchBureau])
    }

    @Test("A city unit is never taken for the district's, and names are never matched in part")
    func noWildGuesses() {
        let report = matcher.match(["市公安局", "司法", "区司法局办公室"])
        #expect(report.matches.isEmpty)
        #expect(report.unmatched.map(\.reason) == [.noUnit, .noUnit, .noUnit])
    }

    @Test("Several units matching at one level are reported as ambiguous with their identifiers")
    func ambiguous() {
        let report = matcher.match(["卫健委"])
        #expect(report.unmatched.first?.reason == .ambiguous(["qs-health-1", "qs-health-2"]))
    }

    @Test("Group names without an alias are reported as collective, not dropped")
    func collective() {
        let report = matcher.match(["区直各部门", "各社区", "区公安分局"])
        #expect(report.unmatched.map(\.reason) == [.collective, .collective])
        #expect(report.matches.count == 1)
        #expect(report.matches.count + report.unmatched.count == 3)
    }

    @Test("Unmatched units of an imported list are reported with the line of the item that names them")
    func problemsForList() throws {
        let result = ResponsibilityListTextParser.parse(try ListFixtures.sample())
        let list = try #require(result.lists.first)
        let problems = matcher.problems(for: list)
        let names = Set(list.unitMentions.map(\.name))
        #expect(names.contains("区委办"))
        let first = try #require(problems.first)
        #expect(first.line == 12)
        #expect(first.kind == .unmatchedUnit)
        #expect(first.message.contains("区委办"))
        #expect(!problems.contains { $0.message.contains("“区公安分局”") })
        #expect(!problems.contains { $0.message.contains("“区司法局”") })
    }
}
