import Foundation

extension ListImportResult {
    /// The dry-run tree for people (issue 7, `--dry-run`): every list, chapter and item with its points and units,
    /// the negative list with the rule read from each entry or the reason it was flagged, then the problems.
    public func textReport() -> String {
        var lines: [String] = []
        for list in lists {
            lines += Self.report(list)
            lines.append("")
        }
        let counts = [ListImportProblem.Severity.error, .warning, .notice].map { severity in
            "\(problems.filter { $0.severity == severity }.count) \(severity.rawValue)(s)"
        }
        lines.append("problems: \(problems.count) — " + counts.joined(separator: ", "))
        lines += problems.map { "  \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func report(_ list: ResponsibilityList) -> [String] {
        var lines: [String] = []
        var heading = "list: \(list.title) — \(points(list.points))"
        if let stated = list.statedPoints, list.chapters.allSatisfy({ $0.points != nil }), !list.chapters.isEmpty {
            let sum = list.chapters.compactMap(\.points).reduce(0, +)
            heading += sum == stated ? " (chapters add up)" : " (chapters add up to \(DeductionRule.format(sum)))"
        }
        lines.append(heading + (list.layout == .table ? " [table]" : ""))
        let source = [list.documentTitle, list.issuingBody, list.issuedOn?.description].compactMap { $0 }
        if !source.isEmpty { lines.append("  document: " + source.joined(separator: " · ")) }
        for chapter in list.chapters {
            lines.append("  \(label(chapter.code, chapter.title)) — \(points(chapter.points))")
            lines += units(
                chapter.leadUnits, chapter.participatingUnits, table: list.layout == .table, indent: "      ")
            for item in chapter.items { lines += report(item, table: list.layout == .table, indent: "    ") }
        }
        if !list.negativeList.isEmpty {
            lines.append("  负面清单 (negative list): \(list.negativeList.count) entries")
            for entry in list.negativeList {
                lines.append("    \(label(entry.code, entry.text))")
                if let rule = entry.rule {
                    lines.append("        rule: \(rule)")
                } else {
                    lines.append("        flagged: \(entry.flag ?? "no rule")")
                }
                if !entry.notes.isEmpty { lines.append("        notes: \(entry.notes.count)") }
            }
        }
        return lines
    }

    private static func report(_ item: ListItem, table: Bool, indent: String) -> [String] {
        var title = item.title
        if title.isEmpty {
            title = item.requirement.count > 30 ? String(item.requirement.prefix(30)) + "…" : item.requirement
        }
        var lines = ["\(indent)\(label(item.code, title)) — \(points(item.points))"]
        lines += units(item.leadUnits, item.participatingUnits, table: table, indent: indent + "    ")
        for subitem in item.subitems { lines += report(subitem, table: table, indent: indent + "  ") }
        return lines
    }

    private static func units(_ lead: [String], _ participating: [String], table: Bool, indent: String) -> [String] {
        var lines: [String] = []
        if !lead.isEmpty {
            lines.append("\(indent)\(table ? "责任部门 responsible" : "牵头单位 lead"): " + lead.joined(separator: "、"))
        }
        if !participating.isEmpty {
            lines.append("\(indent)参与单位 participating: " + participating.joined(separator: "、"))
        }
        return lines
    }

    private static func label(_ code: String, _ title: String) -> String {
        code.isEmpty ? title : "\(code) \(title)"
    }

    private static func points(_ value: Decimal?) -> String {
        value.map { "\(DeductionRule.format($0)) 分" } ?? "no points"
    }
}
