import Foundation

/// A list while the text parser reads it: headings and rows as an arena of nodes with the path of open nodes, and
/// the negative-list entries; turned into a `ResponsibilityList` at the end.
struct ListDraft: Sendable {
    /// What the parser is reading inside the list.
    enum Mode: Sendable, Equatable {
        case outline
        case table
        case negativeList
    }

    /// A heading, item or table row.
    struct Node: Sendable {
        var code: String
        var title: String
        var points: Decimal?
        var text = ""
        var lead: [String] = []
        var participating: [String] = []
        var line: Int
        var style: ListNumbering.Style?
        /// A table row (基本要求) whose text is its requirement rather than its title.
        var isRow = false
        var children: [Int] = []

        /// Whether the node already has points, text or units, so a bare numbered line under it is a clause.
        var hasContent: Bool {
            points != nil || !text.isEmpty || !lead.isEmpty || !participating.isEmpty
        }
    }

    /// A negative-list entry while its notes are read.
    struct Entry: Sendable {
        var code: String
        var ordinal: Int?
        private(set) var text: String
        var notes: [String] = []
        var line: Int
        /// Brackets opened and not yet closed in `text`: the entry goes on in the next line.
        private(set) var openBrackets = 0
        /// Whether `text` writes a deduction amount so far.
        private(set) var hasAmount = false

        init(code: String, ordinal: Int?, text: String, line: Int) {
            self.code = code
            self.ordinal = ordinal
            self.text = ""
            self.line = line
            append(text)
        }

        /// Appends a line of the entry cut by a page break.
        mutating func append(_ more: String) {
            let tail = String(text.suffix(12))
            ListText.append(more, to: &text)
            let folded = ListText.fold(more)
            openBrackets += folded.filter { $0 == "(" }.count - folded.filter { $0 == ")" }.count
            hasAmount = hasAmount || ListDocumentBuilder.hasDeductionAmount(ListText.fold(tail + more))
        }
    }

    var title: String
    var statedPoints: Decimal?
    var line: Int
    var mode: Mode = .outline
    var isTable = false
    var hasPointsColumn = false
    /// Whether the table has a requirement column (基本要求), so responsible units come after the requirements.
    var hasRequirementColumn = false
    var introduction = ""
    var nodes: [Node] = []
    var roots: [Int] = []
    /// The path of open nodes, outermost first.
    var stack: [Int] = []
    var entries: [Entry] = []
    var negativeIntroduction = ""

    /// Adds `node` under the open node at `depth` (as a root for depth 0), and opens it.
    mutating func open(_ node: Node, atDepth depth: Int) {
        stack = Array(stack.prefix(depth))
        let index = nodes.count
        nodes.append(node)
        if let parent = stack.last {
            nodes[parent].children.append(index)
        } else {
            roots.append(index)
        }
        stack.append(index)
    }

    /// Appends a line of text to the open node — its requirement or description — or to the introduction.
    mutating func appendText(_ text: String, startsNumbered: Bool = false) {
        if let top = stack.last {
            ListText.append(text, to: &nodes[top].text, startsNumbered: startsNumbered)
        } else {
            ListText.append(text, to: &introduction, startsNumbered: startsNumbered)
        }
    }

    /// Places a numbered heading of an outline list: beside the open heading of the same numbering style, or one
    /// level deeper for a new style — except that a numbered line without points under an item that already has
    /// points or text is a clause of its requirement ("(1)……").
    mutating func placeOutlineHeading(_ node: Node, written: String) {
        if let depth = stack.lastIndex(where: { nodes[$0].style == node.style }) {
            open(node, atDepth: depth)
        } else if let top = stack.last, node.points == nil, nodes[top].hasContent {
            appendText(written, startsNumbered: true)
        } else {
            open(node, atDepth: stack.count)
        }
    }

    /// The finished list.
    func build(front: ListFrontMatter) -> ResponsibilityList {
        func item(_ index: Int) -> ListItem {
            let node = nodes[index]
            return ListItem(
                code: node.code, title: node.title, statedPoints: node.points, requirement: node.text,
                leadUnits: node.lead, participatingUnits: node.participating, subitems: node.children.map(item),
                line: node.line)
        }
        var chapters: [ListChapter]
        if !roots.isEmpty, roots.allSatisfy({ nodes[$0].children.isEmpty }) {
            // Items straight under the list heading: one implicit chapter keeps the chapter → item shape.
            chapters = [ListChapter(code: "", title: title, items: roots.map(item), line: 0)]
        } else {
            chapters = roots.map { index in
                let node = nodes[index]
                return ListChapter(
                    code: node.code, title: node.title, statedPoints: node.points, description: node.text,
                    leadUnits: node.lead, participatingUnits: node.participating, items: node.children.map(item),
                    line: node.line)
            }
        }
        let negative = entries.map { entry in
            var result = NegativeListEntry(code: entry.code, text: entry.text, notes: entry.notes, line: entry.line)
            switch DeductionRuleParser.parse(entry.text, notes: entry.notes) {
            case .rule(let rule): result.rule = rule
            case .flagged(let reason): result.flag = reason
            }
            return result
        }
        return ResponsibilityList(
            title: title, documentTitle: front.title, issuingBody: front.issuingBody, issuedOn: front.date,
            statedPoints: statedPoints, layout: isTable ? .table : .outline, introduction: introduction,
            chapters: chapters, negativeList: negative, negativeListIntroduction: negativeIntroduction, line: line)
    }
}
