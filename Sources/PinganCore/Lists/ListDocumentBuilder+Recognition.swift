import Foundation

extension ListDocumentBuilder {
    private static let headerWords: Set<String> = [
        "重点任务", "分解任务", "基本要求", "责任部门", "责任单位", "牵头单位", "配合单位", "参与单位", "分值", "分数",
        "标准分", "得分", "序号", "工作任务", "主要任务", "具体任务", "工作内容", "考核内容", "考核标准", "评分标准",
        "工作要求", "完成时限", "时间节点", "备注", "任务分解",
    ]
    private static let taskWords: Set<String> = ["重点任务", "分解任务", "基本要求", "工作任务", "主要任务", "具体任务"]

    /// The column names when the line is (part of) a table header — every word a column name, and at least one of
    /// them a task column unless a table is `continuing` (a header split over lines, or repeated after a page
    /// break) — or nil.
    static func tableHeader(_ line: ListSourceLine, continuing: Bool = false) -> [String]? {
        let words = line.text.split(whereSeparator: ListText.isSpace).map(String.init)
        guard !words.isEmpty, words.allSatisfy(headerWords.contains) else { return nil }
        return continuing || words.contains(where: taskWords.contains) ? words : nil
    }

    /// Whether the line opens a negative list: "负面清单", "五、负面清单", "负面清单(扣分项)", "扣分项".
    static func isNegativeHeading(_ line: ListSourceLine) -> Bool {
        var chars = line.folded
        if let numbering = ListNumbering.parse(chars) { chars = Array(chars[numbering.length...]) }
        let compact = String(chars.filter { !ListText.isSpace($0) })
        if ["扣分项", "扣分事项", "扣分项目", "扣分情形"].contains(compact) { return true }
        return compact.hasPrefix("负面清单") && compact.count <= 30 && !compact.contains("。")
    }

    /// Whether an unnumbered line with points looks like the heading of a whole list ("基础工作指引(300分)"):
    /// a short title without sentence punctuation.
    static func isListHeading(_ line: ListSourceLine, points: ListPointsSuffix) -> Bool {
        let title = String(line.folded[0..<points.start]).filter { !ListText.isSpace($0) }
        return !title.isEmpty && title.count <= 40 && !title.contains(where: { "。,;:!?".contains($0) })
    }

    /// Whether chapters, a table header or a negative list follow the line within a few lines — what tells a list
    /// heading from a line of prose that happens to end in points.
    static func hasStructure(after index: Int, in lines: [ListSourceLine]) -> Bool {
        for next in lines[(index + 1)...].prefix(12) {
            if isNoise(next) { continue }
            if tableHeader(next) != nil || isNegativeHeading(next) { return true }
            if ListUnitNames.labelled(next.text) != nil { continue }
            if isPointedHeading(next) { return true }
            if ListPointsSuffix.parse(next.folded) != nil { return false }
        }
        return false
    }

    /// Whether an unnumbered line without points names a new list ("青山区特色工作责任清单"): a short title with 清单 or
    /// 指引 and no sentence punctuation, directly followed by a table header or by a first chapter ("一、……(20分)").
    static func isUnpointedListHeading(_ line: ListSourceLine, at index: Int, in lines: [ListSourceLine]) -> Bool {
        let compact = line.compact
        guard compact.count <= 40, compact.contains("清单") || compact.contains("指引"), !compact.hasPrefix("负面清单"),
            !compact.contains(where: { "。,;:!?".contains($0) })
        else { return false }
        guard let next = lines[(index + 1)...].first(where: { !isNoise($0) }) else { return false }
        if tableHeader(next) != nil { return true }
        guard let numbering = ListNumbering.parse(next.folded), numbering.ordinal == 1,
            ListPointsSuffix.parse(next.folded) != nil
        else { return false }
        switch numbering.style {
        case .chinese, .chapterWord, .chineseParenthesized, .roman: return true
        default: return false
        }
    }

    /// Whether the line is where the lists begin, for the front-matter scan.
    static func isContent(_ index: Int, in lines: [ListSourceLine]) -> Bool {
        let line = lines[index]
        if tableHeader(line) != nil || isNegativeHeading(line) { return true }
        if isPointedHeading(line) { return true }
        guard let points = ListPointsSuffix.parse(line.folded) else {
            return ListNumbering.parse(line.folded) == nil && isUnpointedListHeading(line, at: index, in: lines)
        }
        return ListNumbering.parse(line.folded) == nil && isListHeading(line, points: points)
            && hasStructure(after: index, in: lines)
    }

    /// Whether the line is a numbered heading with points, at its end or before a requirement on the same line.
    static func isPointedHeading(_ line: ListSourceLine) -> Bool {
        guard let numbering = ListNumbering.parse(line.folded) else { return false }
        return ListPointsSuffix.parse(line.folded) != nil
            || ListPointsSuffix.inline(line.folded, from: numbering.length) != nil
    }

    /// Page numbers and markers left by the page layout: "- 3 -", "—3—", "第3页", "3/12", "(此页无正文)".
    static func isNoise(_ line: ListSourceLine) -> Bool {
        let compact = line.compact
        if compact == "(此页无正文)" || compact == "此页无正文" { return true }
        let chars = Array(compact)
        func digits(_ range: Range<Int>) -> Bool {
            (1...3).contains(range.count) && chars[range].allSatisfy { $0.isASCII && $0.isNumber }
        }
        guard let firstDigit = chars.firstIndex(where: \.isNumber) else { return false }
        // "- 3 -", "—3—", "3".
        let dashes = chars.enumerated().filter { $0.element == "-" }.map(\.offset)
        if let lastDigit = chars.lastIndex(where: \.isNumber), digits(firstDigit..<(lastDigit + 1)),
            dashes.allSatisfy({ $0 < firstDigit || $0 > lastDigit }),
            chars.allSatisfy({ $0 == "-" || ($0.isASCII && $0.isNumber) })
        {
            return true
        }
        // "3/12".
        if let slash = chars.firstIndex(of: "/"), digits(0..<slash), digits((slash + 1)..<chars.count) { return true }
        // "第3页", "第3页共12页".
        guard chars.first == "第", let page = chars.firstIndex(of: "页"), digits(1..<page) else { return false }
        if page == chars.count - 1 { return true }
        guard chars.count > page + 3, chars[page + 1] == "共", chars.last == "页" else { return false }
        return digits((page + 2)..<(chars.count - 1))
    }
}

extension ListDocumentBuilder {
    /// A numbered heading cut by a page break before its points ("1.加强基层综治中心规范化" / "建设(20分)") as one
    /// line, or nil when `line` and `next` are not such a pair.
    static func joinedHeading(_ line: ListSourceLine, _ next: ListSourceLine) -> ListSourceLine? {
        guard let last = line.folded.last, !ListText.endsSentence(last), !",、".contains(last),
            let points = ListPointsSuffix.parse(next.folded), points.start <= 30,
            let numbering = ListNumbering.parse(line.folded), ListPointsSuffix.parse(line.folded) == nil,
            line.folded.count - numbering.length <= 40, ListNumbering.parse(next.folded) == nil,
            ListUnitNames.labelled(next.text) == nil,
            !next.folded[0..<points.start].contains(where: { "。,;:".contains($0) })
        else { return nil }
        return ListSourceLine(number: line.number, text: String(line.written) + String(next.written))
    }
}
