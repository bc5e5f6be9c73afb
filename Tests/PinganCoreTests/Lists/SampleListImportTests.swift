import Foundation
import PinganCore
import Testing

@Suite("Importing the shared sample responsibility list")
struct SampleListImportTests {
    let result: ListImportResult

    init() throws {
        result = ResponsibilityListTextParser.parse(try ListFixtures.sample())
    }

    @Test("The copy of the sample in the tests matches the shared sample", .enabled(if: ListFixtures.sampleIsShared))
    func copyMatchesSharedSample() throws {
        #expect(try String(contentsOfFile: ListFixtures.samplePath, encoding: .utf8) == SampleListCopy.text)
    }

    @Test("The sample holds a general list and a table-shaped district list, with their totals")
    func twoLists() throws {
        try #require(result.lists.count == 2)
        #expect(result.lists[0].title == "基础工作指引")
        #expect(result.lists[0].statedPoints == 300)
        #expect(result.lists[0].layout == .outline)
        #expect(result.lists[1].title == "青山区特色工作责任清单")
        #expect(result.lists[1].statedPoints == 50)
        #expect(result.lists[1].layout == .table)
    }

    @Test("The front matter gives the document title, issuing body and date, and is not read as a list")
    func frontMatter() throws {
        let list = try #require(result.lists.first)
        #expect(list.documentTitle == "青山区平安建设工作责任清单(2025年版)")
        #expect(list.issuingBody == "青山区平安建设领导小组")
        #expect(list.issuedOn == ListDate(year: 2025, month: 3, day: 10))
        #expect(list.introduction.isEmpty)
    }

    @Test("Nothing in the sample is left unparsed")
    func zeroUnparsedLines() {
        #expect(result.problems.filter { $0.kind == .unparsedLine }.isEmpty)
        #expect(result.problems.filter { $0.severity == .error }.isEmpty)
    }

    @Test("Four chapters of thirteen items reconcile with the 300 points")
    func chaptersReconcile() throws {
        let list = try #require(result.lists.first)
        #expect(list.chapters.map(\.code) == ["一", "二", "三", "四"])
        #expect(list.chapters.map(\.statedPoints) == [60, 80, 100, 60])
        #expect(list.chapters.map(\.items.count) == [3, 4, 4, 2])
        #expect(list.allItems.map(\.code) == (1...13).map(String.init))
        #expect(list.chapters.compactMap(\.points).reduce(0, +) == 300)
        #expect(result.problems.filter { $0.kind == .pointsMismatch }.isEmpty)
    }

    @Test("Stray question marks and blanks between number and title are dropped")
    func strayCharacters() throws {
        let items = try #require(result.lists.first).allItems
        #expect(items[0].title == "落实领导责任制")
        #expect(items[1].title == "完善部门协同机制")
        #expect(items[9].title == "消防安全")
    }

    @Test("A requirement cut by a page break is joined, and a new sentence starts a new paragraph")
    func requirementJoining() throws {
        let items = try #require(result.lists.first).allItems
        #expect(items[1].requirement.contains("工作联动机制,做到问题共商"))
        #expect(!items[1].requirement.contains("\n"))
        #expect(items[0].requirement.split(separator: "\n").count == 2)
    }

    @Test("Unit lines are split on 、 with the trailing 等 removed and group names kept as written")
    func units() throws {
        let items = try #require(result.lists.first).allItems
        #expect(items[0].leadUnits == ["区委办", "区平安办"])
        #expect(items[0].participatingUnits == ["各街道办事处", "区政府办"])
        #expect(items[1].participatingUnits == ["区公安分局", "区司法局", "区应急管理局", "区市场监管局"])
        #expect(items[12].participatingUnits == ["区直各部门"])
    }

    @Test("Items without lead units, participating units or requirement are reported with their lines")
    func missingUnitsReported() {
        let byKind = Dictionary(grouping: result.problems, by: \.kind)
        #expect(byKind[.missingLeadUnits]?.map(\.line) == [34])
        #expect(byKind[.missingParticipatingUnits]?.map(\.line) == [22, 46, 57])
        #expect(byKind[.missingRequirement]?.map(\.line) == [53])
    }

    @Test("Every negative-list entry becomes a rule or is flagged, and definitions stay with their entry")
    func negativeList() throws {
        let entries = try #require(result.lists.first).negativeList
        try #require(entries.count == 5)
        #expect(
            entries[0].rule
                == DeductionRule(
                    basis: .perIncidentBySeverity([
                        .init(severity: "特别重大", points: 30, counter: "起"),
                        .init(severity: "重大", points: 15, counter: "起"),
                        .init(severity: "较大", points: 5, counter: "起"),
                    ])))
        #expect(entries[0].notes.count == 1)
        #expect(entries[1].rule == DeductionRule(basis: .perIncident(points: 10, counter: "起")))
        let rate = DeductionRule.RateThreshold(
            metric: "十万人刑事案件发案率", perPopulation: 100_000, comparison: .above, threshold: 300,
            firstDeduction: 10, stepSize: 10, stepDeduction: 5, populationBase: "上一年度常住人口")
        #expect(entries[2].rule == DeductionRule(basis: .rateThreshold(rate), cap: 30))
        #expect(entries[2].notes == ["十万人刑事案件发案率的人口基数为上一年度常住人口。"])
        #expect(entries[3].rule == DeductionRule(basis: .perPerson(points: 5)))
        #expect(entries[4].rule == nil)
        #expect(entries[4].flag?.contains("-10分") == true)
        #expect(result.problems.contains { $0.kind == .unreadableDeduction && $0.line == 71 })
        #expect(entries.allSatisfy { ($0.rule == nil) != ($0.flag == nil) })
    }

    @Test("The table list reads 重点任务, 分解任务, 基本要求 rows and their 责任部门")
    func tableList() throws {
        try #require(result.lists.count == 2)
        let list = result.lists[1]
        #expect(list.chapters.map(\.code) == ["I-1", "I-2"])
        #expect(list.chapters[0].title == "打造“睦邻调解”品牌")
        #expect(list.chapters[0].items.map(\.code) == ["II-1", "II-2"])
        #expect(list.chapters[1].items.map(\.code) == ["II-3"])
        let rows = list.chapters[0].items[0].subitems
        #expect(rows.map(\.code) == ["(1)", "(2)"])
        #expect(rows[0].requirement == "每个社区建成1个调解工作室,配备专兼职调解员不少于2名。")
        #expect(rows[0].leadUnits == ["各街道办事处", "区司法局"])
        #expect(rows[1].leadUnits == ["区司法局"])
        #expect(list.chapters[1].items[0].subitems[1].leadUnits == ["区平安办"])
        #expect(list.allItems.count == 8)
    }

    @Test("A table list without points is reported once, not chapter by chapter")
    func tableWithoutPoints() {
        let missing = result.problems.filter { $0.kind == .missingPoints }
        #expect(missing.map(\.line) == [72])
        #expect(missing.first?.severity == .warning)
    }

    @Test("The sample may be imported, but not strictly")
    func rejection() {
        #expect(result.rejection(strict: false) == nil)
        #expect(result.rejection(strict: true) != nil)
    }
}
