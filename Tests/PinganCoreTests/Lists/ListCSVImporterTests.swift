import Foundation
import PinganCore
import Testing

@Suite("Importing responsibility lists from CSV")
struct ListCSVImporterTests {
    static let csv = """
        \u{FEFF}清单,清单分值,章节编号,章节,章节分值,编号,条目,分值,工作要求,牵头单位,参与单位\r
        基础工作指引,60,,,,,,,,,\r
        ,,一,健全平安建设工作体系,60,1,落实领导责任制,20,"区委把平安建设纳入年度重点工作,
        每半年研究一次。",区委办、区平安办,各街道办事处、区政府办等\r
        ,,,,,2,"完善""部门""协同机制",40,建立联席会议制度。,区平安办,区公安分局;区司法局\r
        ,,,负面清单,,1,发生重大刑事案件(-30分/件),,,,\r
        ,,,,,2,"万人命案发案率>0.6(超过即-20分,每超过0.1再-10分,最多共扣50分)",,人口基数为上一年度常住人口。,,\r
        ,,,,,3,发生一票否决事项,,,,\r

        """

    @Test("Rows become chapters, items and negative-list entries; units are split; points reconcile")
    func readsTheLayout() throws {
        // act
        let result = try ListCSVImporter.read(Self.csv)
        // verify
        let list = try #require(result.lists.first)
        #expect(result.lists.count == 1)
        #expect(list.title == "基础工作指引")
        #expect(list.statedPoints == 60)
        #expect(list.chapters.map(\.code) == ["一"])
        #expect(list.chapters[0].statedPoints == 60)
        let items = list.chapters[0].items
        #expect(items.map(\.title) == ["落实领导责任制", "完善\"部门\"协同机制"])
        #expect(items[0].requirement == "区委把平安建设纳入年度重点工作,\n每半年研究一次。")
        #expect(items[0].leadUnits == ["区委办", "区平安办"])
        #expect(items[0].participatingUnits == ["各街道办事处", "区政府办"])
        #expect(items[1].participatingUnits == ["区公安分局", "区司法局"])
        #expect(items.map(\.line) == [3, 5])
        #expect(list.negativeList.count == 3)
        #expect(list.negativeList[0].rule == DeductionRule(basis: .perIncident(points: 30, counter: "件")))
        guard case .rateThreshold(let rate) = list.negativeList[1].rule?.basis else {
            Issue.record("the rate rule was not read")
            return
        }
        #expect(rate.perPopulation == 10_000)
        #expect(list.negativeList[1].rule?.cap == 50)
        #expect(list.negativeList[1].notes == ["人口基数为上一年度常住人口。"])
        #expect(list.negativeList[2].rule == nil)
        #expect(list.negativeList[2].flag != nil)
        #expect(!result.problems.contains { $0.kind == .pointsMismatch })
        #expect(result.problems.contains { $0.kind == .unreadableDeduction && $0.line == 8 })
    }

    @Test("Points that do not add up are reported with the chapter's line, and the list still imports")
    func mismatchReported() throws {
        let csv = "list,chapter_code,chapter,chapter_points,item,points,lead_units\nA,一,甲,30,x,10,区司法局\n"
        let result = try ListImportFormat.csv.importDocument(Data(csv.utf8), strict: false)
        #expect(result.problems.contains { $0.kind == .pointsMismatch && $0.line == 2 })
        #expect(throws: ListImportError.self) { try ListImportFormat.csv.importDocument(Data(csv.utf8), strict: true) }
    }

    @Test(
        "Bad CSV is refused with its line",
        arguments: [
            ("清单,条目,颜色\nA,x,红\n", "line 1: unknown column “颜色”"),
            ("清单,分值\nA,3\n", "line 1: the header names no 条目"),
            ("清单,条目,分值\nA,x,三分\n", "line 2: 分值 “三分” is not a number"),
            ("清单,条目\nA,\"open\n", "line 2: a quoted field is not closed"),
            ("清单,条目\nA,\"x\"y\n", "line 2: text after a closing quote"),
            ("清单,条目,条目\nA,x,y\n", "appears twice"),
        ])
    func badInput(csv: String, expected: String) {
        #expect {
            try ListCSVImporter.read(csv)
        } throws: { error in
            "\(error)".contains(expected)
        }
    }

    @Test("A CSV with only a header holds no list, and one without units is refused")
    func refusals() {
        #expect(throws: ListImportError.noList) {
            try ListImportFormat.csv.importDocument(Data("清单,条目\n".utf8), strict: false)
        }
        #expect {
            try ListImportFormat.csv.importDocument(Data("清单,章节,条目,分值\nA,甲,x,10\n".utf8), strict: false)
        } throws: { error in
            guard case .refused(let reason) = error as? ListImportError else { return false }
            return reason.contains("names no units")
        }
        #expect(throws: ListImportError.empty) {
            try ListImportFormat.csv.importDocument(Data(" \n".utf8), strict: false)
        }
    }
}
