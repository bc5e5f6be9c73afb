import Foundation

/// Reads responsibility lists from a spreadsheet saved as CSV (issue 7, "csv … with a documented column layout";
/// the layout is in `docs/LISTS.md`).
///
/// The first record names the columns, in Chinese or English and in any order; `item` (条目) is required. Each
/// following record is one item; an empty list or chapter cell repeats the one above (as merged cells do when a
/// spreadsheet is saved as CSV). A record with a chapter but no item describes the chapter itself (its points,
/// requirement, units); one with only a list describes the list (its points). Records whose chapter is 负面清单 are
/// negative-list entries: the item cell is the entry's text, from which `DeductionRuleParser` reads the rule, and
/// the requirement cell its notes. Unit cells are split like unit lines ("、", ",", ";", "/").
public enum ListCSVImporter {
    /// A column of the layout.
    public enum Column: String, Sendable, CaseIterable {
        /// The list's title (清单).
        case list
        /// The list's stated total (清单分值).
        case listPoints = "list_points"
        /// The chapter's code (章节编号).
        case chapterCode = "chapter_code"
        /// The chapter's title (章节); 负面清单 for negative-list entries.
        case chapter
        /// The chapter's stated points (章节分值).
        case chapterPoints = "chapter_points"
        /// The item's code (编号).
        case itemCode = "item_code"
        /// The item's title (条目), or a negative-list entry's text.
        case item
        /// The item's points (分值).
        case points
        /// The requirement (工作要求), or a negative-list entry's notes.
        case requirement
        /// Lead units (牵头单位).
        case leadUnits = "lead_units"
        /// Participating units (参与单位).
        case participatingUnits = "participating_units"

        /// The Chinese header, as a spreadsheet usually names the column.
        public var chineseName: String {
            switch self {
            case .list: "清单"
            case .listPoints: "清单分值"
            case .chapterCode: "章节编号"
            case .chapter: "章节"
            case .chapterPoints: "章节分值"
            case .itemCode: "编号"
            case .item: "条目"
            case .points: "分值"
            case .requirement: "工作要求"
            case .leadUnits: "牵头单位"
            case .participatingUnits: "参与单位"
            }
        }

        static func named(_ header: String) -> Column? {
            let name = ListText.compact(ListText.fold(header)).lowercased()
            return allCases.first { $0.rawValue == name || $0.chineseName == name }
        }
    }

    /// Reads the lists of a CSV document and the problems their reconciliation finds; a document that is not
    /// CSV of this layout throws `ListImportError.malformed` with the line.
    public static func read(_ text: String) throws(ListImportError) -> ListImportResult {
        try read(rows: ListCSV.records(text))
    }

    /// Reads the lists of a spreadsheet's rows in this layout (the first row names the columns) — the rows of a CSV
    /// document or of an XLSX worksheet — and the problems their reconciliation finds.
    public static func read(rows records: [ListSheetRow]) throws(ListImportError) -> ListImportResult {
        guard let header = records.first else { throw .empty }
        var columns: [Column: Int] = [:]
        for (index, name) in header.fields.enumerated() where !ListText.trim(name).isEmpty {
            guard let column = Column.named(name) else {
                let known = Column.allCases.map { "\($0.chineseName)/\($0.rawValue)" }.joined(separator: ", ")
                throw .malformed(line: header.line, reason: "unknown column “\(name)”; the columns are \(known)")
            }
            guard columns[column] == nil else {
                throw .malformed(line: header.line, reason: "the column “\(name)” appears twice")
            }
            columns[column] = index
        }
        guard columns[.item] != nil else {
            throw .malformed(line: header.line, reason: "the header names no 条目 (item) column")
        }
        var builder = Builder(columns: columns)
        for record in records.dropFirst() {
            try builder.add(record)
        }
        let lists = builder.lists
        let problems = builder.problems + lists.flatMap { $0.reconcile() }
        return ListImportResult(lists: lists, problems: problems.sorted { ($0.line ?? .max) < ($1.line ?? .max) })
    }

    private struct Builder {
        let columns: [Column: Int]
        var lists: [ResponsibilityList] = []
        var problems: [ListImportProblem] = []
        var listTitle = ""
        var chapterTitle = ""
        var chapterCode = ""

        init(columns: [Column: Int]) {
            self.columns = columns
        }

        func cell(_ column: Column, _ record: ListSheetRow) -> String {
            guard let index = columns[column], index < record.fields.count else { return "" }
            return ListText.trim(record.fields[index])
        }

        func points(_ column: Column, _ record: ListSheetRow) throws(ListImportError) -> Decimal? {
            var text = ListText.compact(ListText.fold(cell(column, record)))
            if text.hasSuffix("分") { text.removeLast() }
            guard !text.isEmpty else { return nil }
            guard let value = ListText.decimal(text) else {
                throw .malformed(
                    line: record.line,
                    reason: "\(column.chineseName) “\(cell(column, record))” is not a number of points")
            }
            return value
        }

        mutating func add(_ record: ListSheetRow) throws(ListImportError) {
            guard record.fields.contains(where: { !ListText.trim($0).isEmpty }) else { return }
            let title = cell(.list, record)
            if !title.isEmpty, title != listTitle || lists.isEmpty {
                listTitle = title
                chapterTitle = ""
                chapterCode = ""
                lists.append(ResponsibilityList(title: title, line: record.line))
            }
            if lists.isEmpty {
                guard columns[.list] == nil else {
                    throw .malformed(line: record.line, reason: "the first record names no list (清单)")
                }
                listTitle = "责任清单"
                lists.append(ResponsibilityList(title: listTitle, line: record.line))
            }
            if let stated = try points(.listPoints, record) { lists[lists.count - 1].statedPoints = stated }
            let chapter = cell(.chapter, record)
            let code = cell(.chapterCode, record)
            if !chapter.isEmpty || !code.isEmpty, chapter != chapterTitle || code != chapterCode {
                chapterTitle = chapter
                chapterCode = code
                if !Self.isNegativeList(chapter) {
                    lists[lists.count - 1].chapters.append(
                        ListChapter(code: code, title: chapter, line: record.line))
                }
            }
            if let stated = try points(.chapterPoints, record), !Self.isNegativeList(chapterTitle),
                !lists[lists.count - 1].chapters.isEmpty
            {
                lists[lists.count - 1].chapters[lists[lists.count - 1].chapters.count - 1].statedPoints = stated
            }
            let item = cell(.item, record)
            let itemCode = cell(.itemCode, record)
            if Self.isNegativeList(chapterTitle) {
                try addEntry(record, text: item, code: itemCode)
                return
            }
            guard !item.isEmpty || !itemCode.isEmpty else {
                try describeChapter(record)
                return
            }
            if lists[lists.count - 1].chapters.isEmpty {
                lists[lists.count - 1].chapters.append(ListChapter(code: "", title: "", line: record.line))
            }
            let entry = ListItem(
                code: itemCode, title: item, statedPoints: try points(.points, record),
                requirement: cell(.requirement, record), leadUnits: ListUnitNames.split(cell(.leadUnits, record)),
                participatingUnits: ListUnitNames.split(cell(.participatingUnits, record)), line: record.line)
            let last = lists[lists.count - 1].chapters.count - 1
            lists[lists.count - 1].chapters[last].items.append(entry)
        }

        mutating func describeChapter(_ record: ListSheetRow) throws(ListImportError) {
            let stated = try points(.points, record)
            guard !lists[lists.count - 1].chapters.isEmpty, !chapterTitle.isEmpty || !chapterCode.isEmpty else {
                return
            }
            let last = lists[lists.count - 1].chapters.count - 1
            var chapter = lists[lists.count - 1].chapters[last]
            if let stated { chapter.statedPoints = stated }
            let requirement = cell(.requirement, record)
            if !requirement.isEmpty { chapter.description = requirement }
            chapter.leadUnits += ListUnitNames.split(cell(.leadUnits, record))
            chapter.participatingUnits += ListUnitNames.split(cell(.participatingUnits, record))
            lists[lists.count - 1].chapters[last] = chapter
        }

        mutating func addEntry(_ record: ListSheetRow, text: String, code: String) throws(ListImportError) {
            guard !text.isEmpty else {
                let introduction = cell(.requirement, record)
                if !introduction.isEmpty { lists[lists.count - 1].negativeListIntroduction = introduction }
                return
            }
            let notes = cell(.requirement, record).split(whereSeparator: \.isNewline).map { ListText.trim($0) }
                .filter { !$0.isEmpty }
            var entry = NegativeListEntry(code: code, text: text, notes: notes, line: record.line)
            switch DeductionRuleParser.parse(text, notes: notes) {
            case .rule(let rule): entry.rule = rule
            case .flagged(let reason): entry.flag = reason
            }
            lists[lists.count - 1].negativeList.append(entry)
        }

        static func isNegativeList(_ chapter: String) -> Bool {
            let folded = ListText.compact(ListText.fold(chapter))
            return folded.hasPrefix("负面清单") || ["扣分项", "扣分事项", "扣分项目", "扣分情形"].contains(folded)
        }
    }
}

/// RFC 4180 records: fields separated by commas, quoted with `"` (a doubled `""` inside), line breaks inside quotes
/// kept; CRLF or LF; a byte-order mark ignored.
enum ListCSV {
    static func records(_ text: String) throws(ListImportError) -> [ListSheetRow] {
        var records: [ListSheetRow] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var start = 1
        var quoted = false
        var afterQuote = false
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endRecord() {
            fields.append(field)
            records.append(ListSheetRow(line: start, fields: fields))
            fields = []
            field = ""
        }
        while let scalar = pending {
            pending = iterator.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r", pending == "\n" { continue }
                    field.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
            case "\r", "\n":
                if scalar == "\r", pending == "\n" { pending = iterator.next() }
                endRecord()
                afterQuote = false
                line += 1
                start = line
            case "\"" where field.unicodeScalars.allSatisfy({ $0 == " " }) && !afterQuote:
                field = ""
                quoted = true
            default:
                if afterQuote, scalar != " " {
                    throw .malformed(
                        line: line, reason: "text after a closing quote; double a quote inside quotes (\"\")")
                }
                if !afterQuote { field.unicodeScalars.append(scalar) }
            }
        }
        if quoted { throw .malformed(line: start, reason: "a quoted field is not closed") }
        if !field.isEmpty || !fields.isEmpty || afterQuote { endRecord() }
        return records
    }
}
