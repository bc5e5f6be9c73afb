import Foundation
import PinganCore

/// Inputs shared by the list tests: the shared sample and variants written for these tests.
enum ListFixtures {
    /// `../shared/samples/responsibility-list.txt` relative to the repository root, found from this file's path.
    static var samplePath: String {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        // Tests/PinganCoreTests/Lists/ListFixtures.swift → the repository root is four levels up.
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/samples/responsibility-list.txt").path
    }

    /// Whether the shared sample is present beside the repository.
    static var sampleIsShared: Bool {
        FileManager.default.fileExists(atPath: samplePath)
    }

    /// The shared sample's text, or the copy in `SampleListCopy` where the shared folder is absent.
    static func sample() throws -> String {
        sampleIsShared ? try String(contentsOfFile: samplePath, encoding: .utf8) : SampleListCopy.text
    }

    /// Parses `text` and returns the only list, failing the test when there is not exactly one.
    static func onlyList(_ text: String) -> (ResponsibilityList?, ListImportResult) {
        let result = ResponsibilityListTextParser.parse(text)
        return (result.lists.count == 1 ? result.lists[0] : nil, result)
    }

    /// Full-width punctuation, "（一）" chapters and "1、" items, "分）" with a blank, a half point.
    static let fullWidthVariant = """
        平安建设考核细则
        综合治理工作（100分）
        （一）组织领导（40.5分）
        1、健全工作机构（20.5 分）
        成立工作领导小组，明确分管领导。
        牵头单位：区委政法委
        参与单位：区人社局、区民政局等
        2、落实工作经费（20分）
        工作经费列入财政预算。
        牵头单位：区财政局
        参与单位：各街道办事处
        （二）矛盾化解（59.5分）
        3、排查化解（59.5分）
        每月排查一次。
        牵头单位：区司法局
        参与单位：区信访局
        """

    /// A chapter whose items do not add up, and chapters that do not add up to the total.
    static let mismatchVariant = """
        专项工作指引(100分)
        一、队伍建设(50分)
        1.配齐人员(20分)
        按标准配齐专职人员。
        牵头单位:区平安办
        参与单位:区人社局
        2.加强培训(20分)
        每年培训不少于2次。
        牵头单位:区平安办
        参与单位:区司法局
        二、阵地建设(40分)
        3.建设中心(40分)
        建成实体化综治中心。
        牵头单位:区平安办
        参与单位:区住建局
        """
}
