import Foundation

extension ResponsibilityList {
    /// Checks the list against itself (issue 7: "the importer checks itself"): items add up to their chapter's
    /// points and chapters to the stated total; every item has a lead unit (牵头单位), a requirement and — in an
    /// outline list — participating units (参与单位, a notice only); the list names some unit; every negative-list
    /// entry has a rule. Each finding carries the line of the heading concerned.
    public func reconcile() -> [ListImportProblem] {
        var problems: [ListImportProblem] = []
        problems += headingProblems()
        problems += pointProblems()
        problems += unitProblems()
        for entry in negativeList where entry.rule == nil {
            problems.append(
                ListImportProblem(
                    line: entry.line, severity: .warning, kind: .unreadableDeduction,
                    message: "negative-list entry \(Self.label(entry.code, entry.text)) kept as text: "
                        + (entry.flag ?? "no rule")))
        }
        return problems
    }

    private func headingProblems() -> [ListImportProblem] {
        var problems: [ListImportProblem] = []
        var seen: Set<String> = []
        for chapter in chapters {
            let name = "chapter \(Self.label(chapter.code, chapter.title))"
            if !seen.insert(chapter.code + "\u{1F}" + chapter.title).inserted {
                problems.append(
                    ListImportProblem(
                        line: chapter.line, severity: .error, kind: .duplicateHeading,
                        message: "\(name) appears twice in the list; a table of contents without 目录 is counted twice"))
            } else if chapter.items.isEmpty, chapter.description.isEmpty, chapter.leadUnits.isEmpty {
                problems.append(
                    ListImportProblem(
                        line: chapter.line, severity: .warning, kind: .duplicateHeading,
                        message: "\(name) has no items, requirement or units"))
            }
        }
        return problems
    }

    private func pointProblems() -> [ListImportProblem] {
        let name = "list “\(title)”"
        let anyPoints =
            chapters.contains { $0.statedPoints != nil } || allItems.contains { $0.statedPoints != nil }
        guard anyPoints else {
            let stated = statedPoints.map { "states \(DeductionRule.format($0)) points but " } ?? ""
            return [
                ListImportProblem(
                    line: line == 0 ? nil : line, severity: .warning, kind: .missingPoints,
                    message: "\(name) \(stated)none of its chapters or items states points; nothing to reconcile")
            ]
        }
        var problems: [ListImportProblem] = []
        if statedPoints == nil, line != 0 {
            problems.append(
                ListImportProblem(
                    line: line, severity: .warning, kind: .missingPoints,
                    message: "\(name) states no total points; its total is taken as the sum of its chapters"))
        }
        for chapter in chapters where chapter.points == nil {
            problems.append(
                ListImportProblem(
                    line: chapter.line, severity: .error, kind: .missingPoints,
                    message: "chapter \(Self.label(chapter.code, chapter.title)) states no points, nor do its items"))
        }
        let known = chapters.compactMap(\.points)
        if let statedPoints, known.count == chapters.count, !chapters.isEmpty {
            let sum = known.reduce(0, +)
            if sum != statedPoints {
                problems.append(
                    ListImportProblem(
                        line: line == 0 ? nil : line, severity: .error, kind: .pointsMismatch,
                        message: "\(name) states \(DeductionRule.format(statedPoints)) points but its chapters "
                            + "add up to \(DeductionRule.format(sum)) (\(Self.terms(known)))"))
            }
        }
        for chapter in chapters {
            problems += Self.childProblems(
                parent: "chapter \(Self.label(chapter.code, chapter.title))", stated: chapter.statedPoints,
                line: chapter.line, children: chapter.items)
        }
        return problems
    }

    private static func childProblems(
        parent: String, stated: Decimal?, line: Int, children: [ListItem]
    ) -> [ListImportProblem] {
        var problems: [ListImportProblem] = []
        let known = children.compactMap(\.points)
        if !known.isEmpty {
            for child in children where child.points == nil {
                problems.append(
                    ListImportProblem(
                        line: child.line, severity: .error, kind: .missingPoints,
                        message: "item \(label(child.code, child.title)) of \(parent) states no points"))
            }
            if let stated, known.count == children.count {
                let sum = known.reduce(0, +)
                if sum != stated {
                    problems.append(
                        ListImportProblem(
                            line: line, severity: .error, kind: .pointsMismatch,
                            message: "\(parent) states \(DeductionRule.format(stated)) points but its items add up "
                                + "to \(DeductionRule.format(sum)) (\(terms(known)))"))
                }
            }
        }
        for child in children where !child.subitems.isEmpty {
            problems += childProblems(
                parent: "item \(label(child.code, child.title))", stated: child.statedPoints, line: child.line,
                children: child.subitems)
        }
        return problems
    }

    private func unitProblems() -> [ListImportProblem] {
        var problems: [ListImportProblem] = []
        func check(_ item: ListItem, lead: Bool, participating: Bool) {
            let hasLead = lead || !item.leadUnits.isEmpty
            let hasParticipating = participating || !item.participatingUnits.isEmpty
            guard item.subitems.isEmpty else {
                for subitem in item.subitems { check(subitem, lead: hasLead, participating: hasParticipating) }
                return
            }
            let name = "item \(Self.label(item.code, item.title.isEmpty ? item.requirement : item.title))"
            if !hasLead {
                problems.append(
                    ListImportProblem(
                        line: item.line, severity: .warning, kind: .missingLeadUnits,
                        message: "\(name) names no lead unit (牵头单位)"))
            }
            if !hasParticipating, layout == .outline {
                problems.append(
                    ListImportProblem(
                        line: item.line, severity: .notice, kind: .missingParticipatingUnits,
                        message: "\(name) names no participating units (参与单位)"))
            }
            if item.requirement.isEmpty {
                problems.append(
                    ListImportProblem(
                        line: item.line, severity: .warning, kind: .missingRequirement,
                        message: "\(name) has no requirement text"))
            }
        }
        for chapter in chapters {
            for item in chapter.items {
                check(item, lead: !chapter.leadUnits.isEmpty, participating: !chapter.participatingUnits.isEmpty)
            }
        }
        if unitMentions.isEmpty, !chapters.isEmpty {
            problems.append(
                ListImportProblem(
                    line: line == 0 ? nil : line, severity: .error, kind: .noUnits,
                    message: "list “\(title)” names no units (no 牵头单位, 参与单位 or 责任部门)"))
        }
        return problems
    }

    /// "6 防范化解物业服务矛盾", shortened to 24 characters.
    static func label(_ code: String, _ title: String) -> String {
        let short = title.count > 24 ? String(title.prefix(24)) + "…" : title
        return code.isEmpty ? short : "\(code) \(short)"
    }

    private static func terms(_ values: [Decimal]) -> String {
        guard values.count <= 12 else { return "\(values.count) parts" }
        return values.map { DeductionRule.format($0) }.joined(separator: " + ")
    }
}
