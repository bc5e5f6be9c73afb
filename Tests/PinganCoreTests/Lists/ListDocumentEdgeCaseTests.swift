import Foundation
import PinganCore
import Testing

@Suite("Edge cases of list documents")
struct ListDocumentEdgeCaseTests {
    @Test("A 目录 marker without repeated headings below is ignored and the list starts after it")
    func contentsMarkerAlone() throws {
        let text = """
            某区清单
            目录
            基础工作(10分)
            一、宣传(10分)
            1.宣传活动(10分)
            每季度开展一次。
            牵头单位:区委宣传部
            参与单位:各街道办事处
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.line == 3)
        #expect(list.documentTitle == "某区清单")
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("Several lists in one document each get their own chapters, negative list and the document's facts")
    func severalLists() throws {
        let text = """
            关于印发《某区责任清单》的通知
            某区平安办
            2024年12月1日
            共性工作指引(20分)
            一、组织(20分)
            1.机构(20分)
            设立机构。
            牵头单位:区委办
            参与单位:区政府办
            负面清单
            1.发生命案(-5分/件)
            个性工作指引(10分)
            一、特色(10分)
            1.品牌(10分)
            打造品牌。
            牵头单位:区司法局
            参与单位:区法院
            """
        let result = ResponsibilityListTextParser.parse(text)
        try #require(result.lists.count == 2)
        #expect(result.lists.map(\.title) == ["共性工作指引", "个性工作指引"])
        #expect(result.lists.map(\.negativeList.count) == [1, 0])
        #expect(result.lists.allSatisfy { $0.documentTitle == "某区责任清单" })
        #expect(result.lists.allSatisfy { $0.issuingBody == "某区平安办" })
        #expect(result.lists.allSatisfy { $0.issuedOn == ListDate(year: 2024, month: 12, day: 1) })
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A prose line that happens to end in points inside an item is not taken for a new list")
    func proseEndingInPoints() throws {
        let text = """
            基础工作(20分)
            一、调解(20分)
            1.调解组织(20分)
            调解组织全覆盖(10分)
            牵头单位:区司法局
            参与单位:各街道办事处
            """
        let result = ResponsibilityListTextParser.parse(text)
        try #require(result.lists.count == 1)
        #expect(result.lists[0].allItems.first?.requirement == "调解组织全覆盖(10分)")
    }

    @Test("The text report shows points, units, rules and problems")
    func textReport() throws {
        let report = ResponsibilityListTextParser.parse(try ListFixtures.sample()).textReport()
        #expect(report.contains("list: 基础工作指引 — 300 分 (chapters add up)"))
        #expect(report.contains("    1 落实领导责任制 — 20 分"))
        #expect(report.contains("牵头单位 lead: 区委办、区平安办"))
        #expect(report.contains("rule: by severity: 特别重大 -30/起, 重大 -15/起, 较大 -5/起"))
        #expect(report.contains("flagged: deduction “-10分” does not say per what"))
        #expect(report.contains("责任部门 responsible: 各街道办事处、区司法局"))
        #expect(report.contains("line 34: warning: item 6 防范化解物业服务矛盾 names no lead unit (牵头单位)"))
    }

    @Test("An imported list survives a Codable round trip unchanged")
    func codableRoundTrip() throws {
        let result = ResponsibilityListTextParser.parse(try ListFixtures.sample())
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(ListImportResult.self, from: data) == result)
    }

    @Test("Unit mentions list every name once with the line of the item that first names it")
    func unitMentions() throws {
        let list = try #require(ResponsibilityListTextParser.parse(try ListFixtures.sample()).lists.first)
        let mentions = list.unitMentions
        #expect(mentions.count == Set(mentions.map(\.name)).count)
        #expect(mentions.first == ListUnitMention(name: "区委办", line: 12, code: "1"))
        #expect(mentions.contains(ListUnitMention(name: "区信访局", line: 26, code: "4")))
    }

    @Test("Random documents never crash the parser and every problem points into the document")
    func randomDocuments() {
        let fragments = [
            "基础工作指引(300分)", "一、健全体系(60分)", "1.?落实责任(20分)", "(1)建立制度;", "牵头单位:区委办、区平安办",
            "参与单位:各街道办事处等", "负面清单", "1.发生事故(-5分/起)", "2.万人发案率>0.6(超过即-20分,每超过0.1再-10分",
            "重点任务", "分解任务", "I-1打造品牌", "II-1建设工作室", "区司法局、区法院", "目录", "- 3 -", "制,做到问题共商。",
            "（二）化解（20分）", "2025年3月10日", "(", ")", "分", "1.", "第一章", "①", "\t", "牵头单位:", "？", "I-", "(一)",
        ]
        var generator = SplitMix(state: 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<300 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                let index = Int.random(in: 0..<fragments.count, using: &generator)
                lines.append(fragments[index])
            }
            let result = ResponsibilityListTextParser.parse(lines.joined(separator: "\n"))
            #expect(
                result.problems.allSatisfy { problem in problem.line.map { (1...lines.count).contains($0) } ?? true })
            _ = ListImportJSON.encode(result)
            _ = result.textReport()
        }
    }
}

/// A deterministic generator for the random-input tests (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension ListDocumentEdgeCaseTests {
    @Test("Headings repeated by a table of contents without its 目录 marker are reported, not silently doubled")
    func contentsWithoutMarker() throws {
        let text = """
            基础工作(20分)
            一、组织(10分)
            二、宣传(10分)
            一、组织(10分)
            1.机构(10分)
            设立机构。
            牵头单位:区委办
            参与单位:区政府办
            二、宣传(10分)
            2.宣传(10分)
            开展宣传。
            牵头单位:区委宣传部
            参与单位:区文旅局
            """
        let result = ResponsibilityListTextParser.parse(text)
        let duplicates = result.problems.filter { $0.kind == .duplicateHeading }
        #expect(duplicates.map(\.line) == [2, 3, 4, 9])
        #expect(result.problems.contains { $0.kind == .pointsMismatch })
    }
}
