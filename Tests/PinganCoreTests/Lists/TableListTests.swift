import Foundation
import PinganCore
import Testing

@Suite("Importing table-shaped lists flattened to text")
struct TableListTests {
    @Test("A header on one line, tab-separated rows and a points column are read")
    func tabsAndPoints() throws {
        let text = """
            省级平安建设重点任务清单(20分)
            重点任务\t分解任务\t基本要求\t分值\t责任部门
            I-1推进矛盾纠纷多元化解\tII-1建强调解组织\t(1)乡镇(街道)调委会规范化建设达标。\t8\t区司法局
            (2)行业性专业性调委会覆盖重点行业。\t7分\t区司法局、区人社局
            II-2推进诉源治理\t(1)万人成讼率逐年下降。\t5\t区法院
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.layout == .table)
        #expect(list.chapters.map(\.code) == ["I-1"])
        let tasks = list.chapters[0].items
        #expect(tasks.map(\.code) == ["II-1", "II-2"])
        #expect(tasks[0].subitems.map(\.statedPoints) == [8, 7])
        #expect(tasks[0].subitems[1].leadUnits == ["区司法局", "区人社局"])
        #expect(tasks[1].subitems.first?.requirement == "万人成讼率逐年下降。")
        #expect(list.chapters[0].points == 20)
        #expect(result.problems.isEmpty, "\(result.problems)")
    }

    @Test("A requirement cut by a page break is joined and a task title cut in two is rejoined")
    func continuations() throws {
        let text = """
            区级任务清单(10分)
            重点任务
            分解任务
            基本要求
            责任部门
            I-1打造“枫桥式”
            派出所
            II-1推进警调对接
            (1)派出所设立人民调解室,配备专职调解员不少于
            2名。
            区公安分局、区司法局
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters.first?.title == "打造“枫桥式”派出所")
        let row = try #require(list.chapters.first?.items.first?.subitems.first)
        #expect(row.requirement == "派出所设立人民调解室,配备专职调解员不少于2名。")
        #expect(row.leadUnits == ["区公安分局", "区司法局"])
        #expect(result.problems.map(\.kind) == [.missingPoints])
    }

    @Test("A repeated header after a page break is skipped")
    func repeatedHeader() throws {
        let text = """
            区级任务清单(10分)
            重点任务 分解任务 基本要求 责任部门
            I-1平安宣传
            II-1开展宣传月活动
            (1)每年开展一次平安宣传月活动。
            区委宣传部
            重点任务 分解任务 基本要求 责任部门
            (2)平安知识知晓率不低于90%。
            区委宣传部、区平安办
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.chapters.first?.items.first?.subitems.count == 2)
        #expect(!result.problems.contains { $0.kind == .unparsedLine })
    }

    @Test("A responsible-units cell before any task is reported as unparsed")
    func unitsBeforeTask() {
        let text = """
            区级任务清单(10分)
            重点任务 分解任务 基本要求 责任部门
            区委宣传部
            I-1平安宣传
            II-1开展宣传月活动
            (1)每年开展一次平安宣传月活动。
            区委宣传部
            """
        let result = ResponsibilityListTextParser.parse(text)
        #expect(result.problems.filter { $0.kind == .unparsedLine }.map(\.line) == [3])
    }
}
