import Foundation

/// Unit lines of a list: "牵头单位:区委办、区平安办", "参与单位:各街道办事处、区政府办等", and the unlabelled 责任部门
/// cells of a table list.
enum ListUnitNames {
    /// Which units a label introduces.
    enum Role: Sendable, Equatable {
        /// 牵头单位, 责任单位, 主责单位: the units that answer for the item.
        case lead
        /// 参与单位, 配合单位, 协办单位: the units that help.
        case participating
    }

    private static let labels: [(String, Role)] = [
        ("牵头单位", .lead), ("牵头部门", .lead), ("责任单位", .lead), ("责任部门", .lead), ("主责单位", .lead),
        ("主责部门", .lead), ("主办单位", .lead), ("参与单位", .participating), ("参与部门", .participating),
        ("配合单位", .participating), ("配合部门", .participating), ("协办单位", .participating),
        ("协同单位", .participating), ("协作单位", .participating),
    ]

    private static let suffixes = [
        "局", "办", "委", "会", "处", "队", "院", "所", "站", "部", "室", "中心", "组", "厅", "庭", "街道", "政府",
        "公司", "社区", "镇", "乡", "门", "位", "团", "联", "协", "馆", "台", "行", "署", "狱", "校", "园", "区",
    ]

    /// The labelled unit lists in a folded line ("牵头单位:甲、乙 参与单位:丙"), or nil when the line does not
    /// start with a unit label.
    static func labelled(_ text: String) -> [(role: Role, names: [String], blank: Bool)]? {
        guard text.contains("单位") || text.contains("部门") else { return nil }
        var found: [(Role, String.Index, String.Index)] = []
        var searchFrom = text.startIndex
        while searchFrom < text.endIndex {
            var best: (Role, Range<String.Index>)?
            for (label, role) in labels {
                if let range = text.range(of: label, range: searchFrom..<text.endIndex),
                    best == nil || range.lowerBound < (best?.1.lowerBound ?? text.endIndex)
                {
                    best = (role, range)
                }
            }
            guard let (role, range) = best else { break }
            var valueStart = range.upperBound
            let afterLabel = text[valueStart...].drop { ListText.isSpace($0) }
            if let separator = afterLabel.first, separator == ":" {
                valueStart = text.index(after: afterLabel.startIndex)
            } else if afterLabel.startIndex == valueStart, !afterLabel.isEmpty {
                // "牵头单位区平安办" without a colon or blank is prose that mentions the word, not a label.
                searchFrom = range.upperBound
                continue
            }
            found.append((role, range.lowerBound, valueStart))
            searchFrom = valueStart
        }
        guard let first = found.first,
            ListText.trim(text[text.startIndex..<first.1]).isEmpty
        else { return nil }
        var result: [(role: Role, names: [String], blank: Bool)] = []
        for (index, entry) in found.enumerated() {
            let end = index + 1 < found.count ? found[index + 1].1 : text.endIndex
            let value = String(text[entry.2..<end])
            result.append((entry.0, split(value), ListText.compact(value).isEmpty))
        }
        return result
    }

    /// Splits a list of unit names on "、", commas and semicolons (on blanks when there is no other separator),
    /// removing a trailing "等" ("等单位", "等部门") and blanks inside names; duplicates are dropped.
    static func split(_ text: String) -> [String] {
        var body = ListText.trim(text)
        while let last = body.last, "。.;,、".contains(last) { body.removeLast() }
        for ending in ["等相关单位", "等有关单位", "等相关部门", "等有关部门", "等单位", "等部门", "等"]
        where body.hasSuffix(ending) {
            body.removeLast(ending.count)
            break
        }
        let separators: Set<Character> = ["、", ",", ";", "/", "，", "；"]
        let hasSeparator = body.contains { separators.contains($0) }
        var parts: [String] = []
        var part = ""
        var depth = 0
        // Separators inside brackets belong to the name: "区委政法委(区平安办、区综治中心)".
        for character in body {
            let folded = ListText.fold(character)
            if folded == "(" || folded == "[" || character == "【" { depth += 1 }
            if folded == ")" || folded == "]" || character == "】" { depth = max(depth - 1, 0) }
            let splits = hasSeparator ? separators.contains(character) : ListText.isSpace(character)
            if splits, depth == 0 {
                parts.append(part)
                part = ""
            } else {
                part.append(character)
            }
        }
        parts.append(part)
        var names: [String] = []
        for part in parts {
            let name = ListText.compact(part)
            if !name.isEmpty, !placeholders.contains(name), !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// What a unit cell holds when it names no unit.
    private static let placeholders: Set<String> = ["无", "-", "—", "/", "暂无", "空"]

    /// Whether a folded line is an unlabelled list of unit names ("各街道办事处、区司法局"): short names without
    /// sentence punctuation, each ending like the name of an organisation.
    static func looksLikeUnitList(_ text: String) -> Bool {
        guard !text.contains(where: { "。;:!?".contains($0) }) else { return false }
        let names = split(text)
        guard !names.isEmpty else { return false }
        return names.allSatisfy { name in
            // "区委政法委(区平安办)": the name before its bracketed other name decides.
            let head = String(name.prefix { $0 != "(" && $0 != "（" })
            return head.count >= 2 && name.count <= 30 && !name.contains(where: \.isNumber)
                && suffixes.contains(where: { head.hasSuffix($0) })
        }
    }

    /// Whether a folded fragment is the rest of a unit line cut by a page break ("管理局", "区司法局等").
    static func looksLikeContinuation(_ text: String) -> Bool {
        text.count <= 40 && looksLikeUnitList(text)
    }
}

extension ListUnitNames {
    /// Whether a name ends like the name of an organisation (局, 办, 委, 中心, 街道……), so that it is complete.
    static func endsLikeUnit(_ name: String) -> Bool {
        suffixes.contains { name.hasSuffix($0) }
    }
}
