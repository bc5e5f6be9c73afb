import Foundation

/// The state machine behind `ResponsibilityListTextParser`: reads the lines after the front matter and builds one
/// draft per list, recording what it cannot place.
struct ListDocumentBuilder {
    let lines: [ListSourceLine]
    let front: ListFrontMatter
    var drafts: [ListDraft] = []
    var problems: [ListImportProblem] = []
    /// The table task whose heading was the previous line: its title may go on in the next line.
    var pendingHeading: Int?
    /// The node whose units the previous line listed, whether that line closed its list (with "等"), and whether it
    /// ended with a separator (so the next line starts a new name).
    var lastUnits: (node: Int, role: ListUnitNames.Role, closed: Bool, endsWithSeparator: Bool)?

    init(lines: [ListSourceLine], front: ListFrontMatter) {
        self.lines = lines
        self.front = front
    }

    // MARK: Reading

    mutating func run() {
        var index = front.contentStart
        while index < lines.count {
            defer { index += 1 }
            var line = lines[index]
            if Self.isNoise(line) || ListFrontMatter.isContentsMarker(line.compact) { continue }
            var next = index + 1
            while next < lines.count, Self.isNoise(lines[next]) { next += 1 }
            if next < lines.count, drafts.last?.mode != .negativeList, !line.folded.contains("分"),
                let joined = Self.joinedHeading(line, lines[next]), !Self.isContent(next, in: lines)
            {
                line = joined
                index = next
            }
            handle(line, index: index)
        }
    }

    private mutating func handle(_ line: ListSourceLine, index: Int) {
        let numbering = ListNumbering.parse(line.folded)
        let points = ListPointsSuffix.parse(line.folded)
        if let words = Self.tableHeader(line, continuing: drafts.last?.mode == .table) {
            if drafts.isEmpty { startImplicitList(at: line) }
            drafts[drafts.count - 1].mode = .table
            drafts[drafts.count - 1].isTable = true
            if words.contains(where: { ["分值", "分数", "标准分", "得分"].contains($0) }) {
                drafts[drafts.count - 1].hasPointsColumn = true
            }
            if words.contains(where: { ["基本要求", "工作要求", "工作内容", "考核标准", "评分标准"].contains($0) }) {
                drafts[drafts.count - 1].hasRequirementColumn = true
            }
            clearTransient()
            return
        }
        if Self.isNegativeHeading(line) {
            if drafts.isEmpty { startImplicitList(at: line) }
            drafts[drafts.count - 1].mode = .negativeList
            clearTransient()
            return
        }
        if numbering == nil, let points, Self.isListHeading(line, points: points),
            Self.hasStructure(after: index, in: lines)
        {
            var draft = ListDraft(title: line.written(from: 0, to: points.start), line: line.number)
            draft.statedPoints = points.points
            drafts.append(draft)
            clearTransient()
            return
        }
        if numbering == nil, points == nil, Self.isUnpointedListHeading(line, at: index, in: lines) {
            drafts.append(ListDraft(title: line.written(from: 0), line: line.number))
            clearTransient()
            return
        }
        if drafts.isEmpty { startImplicitList(at: line) }
        if drafts[drafts.count - 1].mode == .negativeList, numbering != nil, points != nil {
            // A heading with points after the negative list: the list's chapters go on.
            drafts[drafts.count - 1].mode = drafts[drafts.count - 1].isTable ? .table : .outline
            clearTransient()
        }
        switch drafts[drafts.count - 1].mode {
        case .outline: outline(line, numbering: numbering, points: points)
        case .table: table(line)
        case .negativeList: negative(line, numbering: numbering)
        }
    }

    private mutating func clearTransient() {
        pendingHeading = nil
        lastUnits = nil
    }

    private mutating func startImplicitList(at line: ListSourceLine) {
        drafts.append(ListDraft(title: front.title ?? "", line: 0))
        problems.append(
            ListImportProblem(
                line: line.number, severity: .warning, kind: .missingHeading,
                message: "the list starts without a heading of its own with points (such as “基础工作指引(300分)”); "
                    + "its total is taken as the sum of its chapters"))
    }

    // MARK: Outline lists

    private mutating func outline(_ line: ListSourceLine, numbering: ListNumbering?, points: ListPointsSuffix?) {
        if assignUnits(line) { return }
        if numbering == nil, continueUnits(line) { return }
        lastUnits = nil
        let current = drafts.count - 1
        guard let numbering else {
            drafts[current].appendText(line.written(from: 0))
            return
        }
        var node = ListDraft.Node(
            code: numbering.code, title: line.written(from: numbering.length, to: points?.start),
            points: points?.points, line: line.number, style: numbering.style)
        if points == nil, let (inline, rest) = ListPointsSuffix.inline(line.folded, from: numbering.length) {
            // "1.落实领导责任制(20分):区委……" — the requirement goes on after the points.
            node.title = line.written(from: numbering.length, to: inline.start)
            node.points = inline.points
            node.text = line.written(from: rest)
        }
        drafts[current].placeOutlineHeading(node, written: line.written(from: 0))
    }

    // MARK: Units

    /// Reads a labelled unit line ("牵头单位:……") into the open node; true when the line was one.
    mutating func assignUnits(_ line: ListSourceLine) -> Bool {
        guard let groups = ListUnitNames.labelled(line.text) else { return false }
        pendingHeading = nil
        guard let top = drafts[drafts.count - 1].stack.last else {
            problems.append(
                ListImportProblem(
                    line: line.number, severity: .error, kind: .unparsedLine,
                    message: "unit line outside any chapter or item: “\(line.written(from: 0))”"))
            lastUnits = nil
            return true
        }
        var role = ListUnitNames.Role.lead
        for (groupRole, names, blank) in groups {
            role = groupRole
            if blank {
                problems.append(
                    ListImportProblem(
                        line: line.number, severity: .warning, kind: .unparsedLine,
                        message: "unit label without units: “\(line.written(from: 0))”"))
            }
            add(names, role: groupRole, to: top)
        }
        lastUnits = (top, role, Self.closesUnitList(line.compact), Self.endsOpen(line.compact))
        return true
    }

    /// Reads the rest of a unit line cut by a page break ("区应急" / "管理局等"); true when the line was one.
    mutating func continueUnits(_ line: ListSourceLine) -> Bool {
        guard let last = lastUnits, !last.closed, ListUnitNames.looksLikeContinuation(line.text) else { return false }
        var names = ListUnitNames.split(line.text)
        let index = drafts.count - 1
        let node = drafts[index].nodes[last.node]
        let current = last.role == .lead ? node.lead : node.participating
        if !last.endsWithSeparator, let previous = current.last, !ListUnitNames.endsLikeUnit(previous),
            let first = names.first
        {
            names[0] = previous + first
            if last.role == .lead {
                drafts[index].nodes[last.node].lead.removeLast()
            } else {
                drafts[index].nodes[last.node].participating.removeLast()
            }
        }
        add(names, role: last.role, to: last.node)
        lastUnits = (last.node, last.role, Self.closesUnitList(line.compact), Self.endsOpen(line.compact))
        return true
    }

    mutating func add(_ names: [String], role: ListUnitNames.Role, to node: Int) {
        let index = drafts.count - 1
        for name in names {
            switch role {
            case .lead where !drafts[index].nodes[node].lead.contains(name):
                drafts[index].nodes[node].lead.append(name)
            case .participating where !drafts[index].nodes[node].participating.contains(name):
                drafts[index].nodes[node].participating.append(name)
            default:
                break
            }
        }
    }

    static func closesUnitList(_ compact: String) -> Bool {
        var text = compact
        while let last = text.last, "。.".contains(last) { text.removeLast() }
        return text.hasSuffix("等") || text.hasSuffix("等单位") || text.hasSuffix("等部门")
    }

    static func endsOpen(_ compact: String) -> Bool {
        guard let last = compact.last else { return false }
        return "、,;，；".contains(last)
    }

    // MARK: Finishing

    /// The lists and every problem, ordered by line.
    func finish() -> ListImportResult {
        let lists = drafts.map { $0.build(front: front) }
        var all = problems + lists.flatMap { $0.reconcile() }
        if lists.isEmpty {
            all.append(
                ListImportProblem(
                    line: nil, severity: .error, kind: .missingHeading,
                    message: "no responsibility list found: no heading with points such as “一、……(60分)”"))
        }
        let ordered = all.enumerated().sorted { lhs, rhs in
            let left = lhs.element.line ?? Int.max
            let right = rhs.element.line ?? Int.max
            return left != right ? left < right : lhs.offset < rhs.offset
        }
        return ListImportResult(lists: lists, problems: ordered.map(\.element))
    }
}
