import Foundation
import PinganCore
import Testing

@Suite("Lists whose heading states no points")
struct UnpointedListHeadingTests {
    @Test("A table list titled without points after a negative list starts a list of its own")
    func tableAfterNegativeList() throws {
        let text = """
            基础工作(20分)
            一、安全(20分)
            1.安全生产(20分)
            落实责任。
            牵头单位:区应急管理局
            参与单位:区住建局
            负面清单
            1.发生事故(-5分/起)
            “事故”按有关规定确定。
            青山区特色工作责任清单
            重点任务
            分解任务
            基本要求
            责任部门
            I-1平安宣传
            II-1开展宣传月活动
            (1)每年开展一次平安宣传月活动。
            区委宣传部
            """
        let result = ResponsibilityListTextParser.parse(text)
        try #require(result.lists.count == 2)
        #expect(result.lists[0].negativeList.first?.notes == ["“事故”按有关规定确定。"])
        #expect(result.lists[1].title == "青山区特色工作责任清单")
        #expect(result.lists[1].statedPoints == nil)
        #expect(result.lists[1].layout == .table)
        #expect(result.lists[1].line == 10)
    }

    @Test("A line that mentions a 清单 inside a requirement does not start a list")
    func requirementMentioningList() throws {
        let text = """
            基础工作(40分)
            一、安全(40分)
            1.隐患排查(20分)
            动态更新问题隐患清单
            牵头单位:区应急管理局
            参与单位:区住建局
            2.整改落实(20分)
            建立整改清单
            牵头单位:区应急管理局
            参与单位:区住建局
            """
        let result = ResponsibilityListTextParser.parse(text)
        #expect(result.lists.count == 1)
        #expect(result.lists.first?.allItems.map(\.requirement) == ["动态更新问题隐患清单", "建立整改清单"])
    }
}

extension UnpointedListHeadingTests {
    @Test("A document that starts with an unpointed list title and its chapters reads it as the list's heading")
    func unpointedFirstList() throws {
        let text = """
            街道平安建设责任清单
            一、组织领导(10分)
            1.专题研究(10分)
            每季度研究一次。
            牵头单位:党政办
            参与单位:综治办
            """
        let (found, result) = ListFixtures.onlyList(text)
        let list = try #require(found)
        #expect(list.title == "街道平安建设责任清单")
        #expect(list.line == 1)
        #expect(list.points == 10)
        #expect(result.problems.map(\.kind) == [.missingPoints])
    }
}
