import Foundation
import PinganCore
import Testing

@Suite("Importing outline lists written in other ways than the sample")
struct OutlineVariantTests {
    @Test("Full-width punctuation, （一） chapters, 1、 items and half points are read")
    func fullWidthVariant() throws {
        let (found, result) = ListFixtures.onlyList(ListFixtures.fullWidthVariant)
        let list = try #require(found)
        #expect(list.title == "综合治理工作")
        #expect(list.statedPoints == 100)
        #expect(list.documentTitle == "平安建设考核细则")
        #expect(list.chapters.map(\.code) == ["(一)", "(二)"])
        #expect(list.chapters[0].title == "组织领导")
        #expect(list.chapters[0].statedPoints == Decimal(string: "40.5"))
        #expect(list.chapters[0].items.map(\.statedPoints) == [Decimal(string: "20.5"), 20])
        #expect(list.chapters[0].items[0].title == "健全工作机构")
        #expect(list.chapters[0].items[0].requirement == "成立工作领导小组，明确分管领导。")
        #expect(list.chapters[0].items[0].participatingUnits == ["区人社局", "区民政局"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A chapter whose items do not add up is reported with both figures, and the import still succeeds")
    func mismatch() throws {
        let (found, result) = ListFixtures.onlyList(ListFixtures.mismatchVariant)
        let list = try #require(found)
        let mismatches = result.problems.filter { $0.kind == .pointsMismatch }
        #expect(mismatches.map(\.line) == [1, 2])
        #expect(mismatches.allSatisfy { $0.severity == .error })
        #expect(mismatches[1].message.contains("states 50 points but its items add up to 40 (20 + 20)"))
        #expect(mismatches[0].message.contains("states 100 points but its chapters add up to 90"))
        #expect(list.chapters.count == 2)
        #expect(result.rejection(strict: false) == nil)
        #expect(result.rejection(strict: true) != nil)
    }

    @Test("A table of contents that repeats the headings is skipped and nothing is counted twice")
    func tableOfContents() throws {
        let text = """
            某区网格化服务管理责任清单
            目  录
            网格工作指引(40分)……………………1
            一、网格划分(20分)…………………2
            二、网格员管理(20分)………………3
            负面清单……………………………4
            网格工作指引(40分)
            一、网格划分(20分)
            1.科学划分网格(20分)
            按300至500户划分一个网格。
            牵头单位:区平安办
            参与单位:各街道办事处
            二、网格员管理(20分)
            2.网格员配备(20分)
            每个网格配备1名专职网格员。
            牵头单位:各街道办事处
            参与单位:区人社局
            负面清单
            1.网格员弄虚作假(-2分/人)
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.line == 7)
        #expect(list.chapters.count == 2)
        #expect(list.allItems.count == 2)
        #expect(list.negativeList.count == 1)
        #expect(list.negativeList.first?.rule == DeductionRule(basis: .perPerson(points: 2)))
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("Page numbers are dropped and a sentence they cut is joined")
    func pageNumbers() throws {
        let text = """
            基础工作(20分)
            一、平安创建(20分)
            1.创建平安社区(20分)
            开展平安社区创建活动，创建率达到
            - 3 -
            90%以上。
            牵头单位:区平安办
            参与单位:各街道办事处
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.allItems.first?.requirement == "开展平安社区创建活动，创建率达到90%以上。")
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A unit line cut by a page break is joined into whole names")
    func unitLineContinued() throws {
        let text = """
            基础工作(20分)
            一、安全生产(20分)
            1.隐患排查(20分)
            重大隐患整改率100%。
            牵头单位:区应急
            管理局
            参与单位:区住建局、区交通局、
            区市场监管局等
            """
        let (found, result) = ListFixtures.onlyList(text)
        let item = try #require(found?.allItems.first)
        #expect(item.leadUnits == ["区应急管理局"])
        #expect(item.participatingUnits == ["区住建局", "区交通局", "区市场监管局"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("Both unit labels on one line, half-width parentheses with blanks, and (1) clauses in a requirement")
    func labelsOnOneLine() throws {
        let text = """
            共性工作指引 ( 30 分 )
            一、推进体制现代化 (30分)
            1. 完善党委领导体制 (18 分)
            (1)党委每年专题研究一次;
            (2)建立述职评议制度。
            牵头单位:党政办、综治办 参与单位:官园街道、展览路街道等
            2. 健全政府负责体制 (12分)
            落实政府主体责任。
            牵头单位：党政办
            参与单位：司法所
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.title == "共性工作指引")
        #expect(list.statedPoints == 30)
        let first = try #require(list.allItems.first)
        #expect(first.title == "完善党委领导体制")
        #expect(first.statedPoints == 18)
        #expect(first.requirement == "(1)党委每年专题研究一次;\n(2)建立述职评议制度。")
        #expect(first.subitems.isEmpty)
        #expect(first.leadUnits == ["党政办", "综治办"])
        #expect(first.participatingUnits == ["官园街道", "展览路街道"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("Three levels 一、 → (一) → 1. nest as chapter → item → sub-items and reconcile at each level")
    func threeLevels() throws {
        let text = """
            专项清单(40分)
            一、矛盾纠纷化解(40分)
            (一)排查(15分)
            1.每月排查(10分)
            每月集中排查一次。
            牵头单位:区司法局
            参与单位:各街道办事处
            2.建立台账(5分)
            逐一登记在册。
            牵头单位:区司法局
            参与单位:各街道办事处
            (二)化解(20分)
            3.限时化解(20分)
            按期化解率不低于90%。
            牵头单位:区信访局
            参与单位:区司法局
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        let chapter = try #require(list.chapters.first)
        #expect(chapter.items.map(\.code) == ["(一)", "(二)"])
        #expect(chapter.items[0].subitems.map(\.code) == ["1", "2"])
        let mismatches = result.problems.filter { $0.kind == .pointsMismatch }
        #expect(mismatches.map(\.line) == [2])
        #expect(mismatches.first?.message.contains("add up to 35 (15 + 20)") == true)
        #expect(result.problems.count == 1, "\(result.problems)")
    }

    @Test("Items straight under a list heading form one implicit chapter")
    func itemsWithoutChapters() throws {
        let text = """
            街道工作清单(30分)
            1、人民调解(10分)
            每个社区设立调解委员会。
            牵头单位:司法所
            参与单位:各社区
            2、法律援助(20分)
            困难群众应援尽援。
            牵头单位:司法所
            参与单位:民政科
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters.count == 1)
        #expect(list.chapters[0].code.isEmpty)
        #expect(list.chapters[0].items.map(\.code) == ["1", "2"])
        #expect(list.chapters[0].points == 30)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A list without a heading of its own is imported and the missing heading reported")
    func implicitList() throws {
        let text = """
            一、平安宣传(10分)
            1.宣传活动(10分)
            每季度开展一次平安宣传。
            牵头单位:区委宣传部
            参与单位:各街道办事处
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.statedPoints == nil)
        #expect(list.points == 10)
        #expect(result.problems.map(\.kind) == [.missingHeading])
        #expect(result.problems.first?.line == 1)
    }

    @Test("A heading cut by a page break keeps its whole title and points")
    func headingContinued() throws {
        let text = """
            基础工作(20分)
            一、基层基础(20分)
            1.加强基层综治中心规范化
            建设(20分)
            实体化运行。
            牵头单位:区平安办
            参与单位:各街道办事处
            """
        let (found, result) = ListFixtures.onlyList(text)
        let item = try #require(found?.allItems.first)
        #expect(item.title == "加强基层综治中心规范化建设")
        #expect(item.statedPoints == 20)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("Chapter-level units count for the chapter's items")
    func chapterUnits() throws {
        let text = """
            基础工作(20分)
            一、禁毒工作(20分)
            牵头单位:区公安分局
            参与单位:区禁毒办
            1.毒品查缉(20分)
            开展毒品查缉专项行动。
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters[0].leadUnits == ["区公安分局"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A unit line before any chapter is reported as unparsed with its line")
    func orphanUnits() {
        let text = """
            基础工作(20分)
            一、禁毒工作(20分)
            1.毒品查缉(20分)
            开展毒品查缉专项行动。
            牵头单位:区公安分局
            """
        let withOrphan = "基础工作(20分)\n牵头单位:区公安分局\n" + text.split(separator: "\n").dropFirst().joined(separator: "\n")
        let result = ResponsibilityListTextParser.parse(withOrphan)
        let unparsed = result.problems.filter { $0.kind == .unparsedLine }
        #expect(unparsed.map(\.line) == [2])
        #expect(unparsed.first?.severity == .error)
    }

    @Test("Numbering styles are read with their codes and stray characters are skipped")
    func numberingStyles() throws {
        let text = """
            清单(60分)
            第一章 组织(20分)
            ① 机构(20分)
            要求。
            牵头单位:区委办
            参与单位:区政府办
            第二章 保障(40分)
            1.1 经费(15分)
            要求。
            牵头单位:区财政局
            参与单位:区审计局
            1.2？人员(25分)
            要求。
            牵头单位:区人社局
            参与单位:区编办
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters.map(\.code) == ["第一章", "第二章"])
        #expect(list.chapters[0].items.map(\.code) == ["①"])
        #expect(list.chapters[1].items.map(\.code) == ["1.1", "1.2"])
        #expect(list.chapters[1].items[1].title == "人员")
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A document with no list gives no lists and one clear problem")
    func noList() {
        let result = ResponsibilityListTextParser.parse("关于开展平安宣传的通知\n请各单位认真落实。\n")
        #expect(result.lists.isEmpty)
        #expect(result.problems.count == 1)
        #expect(result.rejection(strict: false) != nil)
    }

    @Test("A list that names no units is refused")
    func noUnits() {
        let text = """
            基础工作(20分)
            一、宣传(20分)
            1.宣传活动(20分)
            每季度开展一次。
            """
        let result = ResponsibilityListTextParser.parse(text)
        #expect(result.lists.count == 1)
        #expect(result.problems.contains { $0.kind == .noUnits && $0.severity == .error })
        #expect(result.rejection(strict: false)?.contains("names no units") == true)
    }

    @Test("CRLF line ends and a byte-order mark do not change the result")
    func lineEnds() {
        let plain = ListFixtures.mismatchVariant
        let windows = "\u{FEFF}" + plain.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(ResponsibilityListTextParser.parse(windows) == ResponsibilityListTextParser.parse(plain))
    }
}

extension OutlineVariantTests {
    @Test("Separators inside brackets stay in the name and placeholders such as 无 name no unit")
    func bracketedUnitNames() throws {
        let text = """
            基础工作(20分)
            一、组织(20分)
            1.统筹协调(20分)
            统筹推进。
            牵头单位:区委政法委(区平安办、区综治中心)、区委办
            参与单位:无
            """
        let (found, result) = ListFixtures.onlyList(text)
        let item = try #require(found?.allItems.first)
        #expect(item.leadUnits == ["区委政法委(区平安办、区综治中心)", "区委办"])
        #expect(item.participatingUnits.isEmpty)
        #expect(result.problems.map(\.kind) == [.missingParticipatingUnits])
    }
}

extension OutlineVariantTests {
    @Test("A unit label with nothing after it is reported")
    func blankUnitLabel() {
        let text = """
            基础工作(20分)
            一、组织(20分)
            1.统筹协调(20分)
            统筹推进。
            牵头单位:区委办
            参与单位:
            """
        let result = ResponsibilityListTextParser.parse(text)
        #expect(result.problems.filter { $0.kind == .unparsedLine }.map(\.line) == [6])
    }
}

extension OutlineVariantTests {
    @Test("Points between the title and a requirement on the same line are read")
    func inlinePoints() throws {
        let text = """
            基础工作(30分)
            一、组织领导(30分)
            1．完善党委领导体制（18分）：区委常委会每年至少2次专题研究。
            牵头单位:区委办
            参与单位:区政府办
            2.健全政府负责体制(12分)。区政府将其纳入规划。
            牵头单位:区政府办
            参与单位:区发改委
            """
        let (found, result) = ListFixtures.onlyList(text)
        let items = try #require(found?.allItems)
        #expect(items.map(\.title) == ["完善党委领导体制", "健全政府负责体制"])
        #expect(items.map(\.statedPoints) == [18, 12])
        #expect(items.map(\.requirement) == ["区委常委会每年至少2次专题研究。", "区政府将其纳入规划。"])
        #expect(result.problems.isEmpty, "\(result.problems)")
    }
}
