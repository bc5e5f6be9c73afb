import Foundation

extension ListDocumentBuilder {
    /// Reads a line of a table list flattened to text: 重点任务 "I-1……", 分解任务 "II-1……", 基本要求 "(1)……", and the
    /// unlabelled 责任部门 cell; a line with tabs is read cell by cell.
    mutating func table(_ line: ListSourceLine) {
        if let cells = line.tabCells() {
            for cell in cells { tableCell(cell) }
        } else {
            tableCell(line)
        }
    }

    private mutating func tableCell(_ line: ListSourceLine) {
        if assignUnits(line) { return }
        let current = drafts.count - 1
        let numbering = ListNumbering.parse(line.folded)
        let points = ListPointsSuffix.parse(line.folded)
        let taskDepth = drafts[current].stack.prefix { !drafts[current].nodes[$0].isRow }.count
        if let numbering {
            var node = ListDraft.Node(
                code: numbering.code, title: "", points: points?.points, line: line.number, style: numbering.style)
            lastUnits = nil
            if case .roman(let level) = numbering.style {
                node.title = line.written(from: numbering.length, to: points?.start)
                drafts[current].open(node, atDepth: min(level - 1, taskDepth))
                pendingHeading = drafts[current].nodes.count - 1
            } else {
                node.text = line.written(from: numbering.length, to: points?.start)
                node.isRow = true
                drafts[current].open(node, atDepth: taskDepth)
                pendingHeading = nil
            }
            return
        }
        let top = drafts[current].stack.last
        if drafts[current].hasPointsColumn, let value = Self.barePoints(line.compact), let top {
            drafts[current].nodes[top].points = value
            return
        }
        if let top, pendingHeading == top, drafts[current].hasRequirementColumn, line.written.count <= 20,
            let last = line.written.last, !ListText.endsSentence(last)
        {
            // The task's title cut by a page break: its units come after its requirements, not here.
            drafts[current].nodes[top].title += line.written(from: 0)
            return
        }
        if ListUnitNames.looksLikeUnitList(line.text) {
            tableUnits(line, top: top)
            return
        }
        lastUnits = nil
        pendingHeading = nil
        drafts[current].appendText(line.written(from: 0))
    }

    /// An unlabelled 责任部门 cell: the responsible units of the open row.
    private mutating func tableUnits(_ line: ListSourceLine, top: Int?) {
        if continueUnits(line) { return }
        guard let top else {
            problems.append(
                ListImportProblem(
                    line: line.number, severity: .error, kind: .unparsedLine,
                    message: "responsible units before any task of the table: “\(line.written(from: 0))”"))
            return
        }
        add(ListUnitNames.split(line.text), role: .lead, to: top)
        lastUnits = (top, .lead, Self.closesUnitList(line.compact), Self.endsOpen(line.compact))
        pendingHeading = nil
    }

    /// A cell that holds only points: "5", "5分", "0.5".
    private static func barePoints(_ compact: String) -> Decimal? {
        var text = compact
        if text.hasSuffix("分") { text.removeLast() }
        return ListText.decimal(text)
    }
}
