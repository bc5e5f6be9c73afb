import Foundation

/// The canonical form of responsibility lists: a YAML document (issue 7, "yaml as the canonical, diff-friendly
/// form"; `pingan lists export --format yaml`, `pingan lists import FILE --format yaml`). The schema is in
/// `docs/LISTS.md`; every field of a list is kept except the source line numbers, so text → YAML → import gives
/// the same lists.
public enum ListYAMLDocument {
    /// The value of the document's `format` key.
    public static let formatName = "pingan.responsibility-lists/1"

    /// The lists as a YAML document.
    public static func export(_ lists: [ResponsibilityList]) -> String {
        let root = ListYAML.Node.mapping([
            .init("format", .string(formatName)),
            .init("lists", .sequence(lists.map(node))),
        ])
        return "# Pingan responsibility lists (责任清单), canonical form; schema in docs/LISTS.md\n"
            + ListYAML.emit(root)
    }

    /// Reads a YAML document written by `export` or by hand: the lists and the problems their reconciliation finds
    /// (points that do not add up, items without lead units, entries without a rule). A document that is not YAML
    /// of this schema throws `ListImportError.malformed` naming the line or the field.
    public static func read(_ text: String) throws(ListImportError) -> ListImportResult {
        let root: ListYAML.Node
        do {
            root = try ListYAML.parse(text)
        } catch {
            throw .malformed(line: error.line, reason: error.message)
        }
        do {
            var reader = try Fields(root, path: "document")
            let format = try reader.string("format")
            guard format == formatName else {
                throw Invalid(path: "format", reason: "must be \"\(formatName)\", not \"\(format)\"")
            }
            let lists = try reader.sequence("lists").enumerated().map { index, node in
                try list(node, path: "lists[\(index)]")
            }
            try reader.finish()
            let problems = lists.flatMap { $0.reconcile() }.map { problem in
                var problem = problem
                if problem.line == 0 { problem.line = nil }
                return problem
            }
            return ListImportResult(lists: lists, problems: problems)
        } catch let invalid as Invalid {
            throw .malformed(line: nil, reason: "\(invalid.path): \(invalid.reason)")
        } catch {
            throw .malformed(line: nil, reason: "\(error)")
        }
    }

    // MARK: Writing

    static func node(_ list: ResponsibilityList) -> ListYAML.Node {
        .mapping([
            .init("title", .string(list.title)),
            .init("document_title", optional(list.documentTitle)),
            .init("issuing_body", optional(list.issuingBody)),
            .init("issued_on", optional(list.issuedOn?.description)),
            .init("points", number(list.statedPoints)),
            .init("layout", .string(list.layout.rawValue)),
            .init("introduction", .string(list.introduction)),
            .init(
                "chapters",
                .sequence(
                    list.chapters.map { chapter in
                        .mapping([
                            .init("code", .string(chapter.code)),
                            .init("title", .string(chapter.title)),
                            .init("points", number(chapter.statedPoints)),
                            .init("description", .string(chapter.description)),
                            .init("lead_units", strings(chapter.leadUnits)),
                            .init("participating_units", strings(chapter.participatingUnits)),
                            .init("items", .sequence(chapter.items.map(node))),
                        ])
                    })),
            .init("negative_list_introduction", .string(list.negativeListIntroduction)),
            .init(
                "negative_list",
                .sequence(
                    list.negativeList.map { entry in
                        .mapping([
                            .init("code", .string(entry.code)),
                            .init("text", .string(entry.text)),
                            .init("notes", strings(entry.notes)),
                            .init("rule", entry.rule.map { node(ListImportJSON.value($0)) } ?? .null),
                            .init("flag", optional(entry.flag)),
                        ])
                    })),
        ])
    }

    static func node(_ item: ListItem) -> ListYAML.Node {
        .mapping([
            .init("code", .string(item.code)),
            .init("title", .string(item.title)),
            .init("points", number(item.statedPoints)),
            .init("requirement", .string(item.requirement)),
            .init("lead_units", strings(item.leadUnits)),
            .init("participating_units", strings(item.participatingUnits)),
            .init("items", .sequence(item.subitems.map(node))),
        ])
    }

    static func node(_ value: ListImportJSON.Value) -> ListYAML.Node {
        switch value {
        case .string(let text): .string(text)
        case .number(let number): .plain("\(number)")
        case .bool(let flag): .plain(flag ? "true" : "false")
        case .null: .null
        case .array(let elements): .sequence(elements.map(node))
        case .object(let fields): .mapping(fields.map { .init($0.0, node($0.1)) })
        }
    }

    private static func optional(_ text: String?) -> ListYAML.Node {
        text.map(ListYAML.Node.string) ?? .null
    }

    private static func number(_ value: Decimal?) -> ListYAML.Node {
        value.map { .plain("\($0)") } ?? .null
    }

    private static func strings(_ texts: [String]) -> ListYAML.Node {
        .sequence(texts.map(ListYAML.Node.string))
    }

    // MARK: Reading

    private static func list(_ node: ListYAML.Node, path: String) throws -> ResponsibilityList {
        var fields = try Fields(node, path: path)
        let title = try fields.string("title")
        guard !title.isEmpty else { throw Invalid(path: "\(path).title", reason: "must not be empty") }
        let layoutText = try fields.string("layout", default: "outline")
        guard let layout = ResponsibilityList.Layout(rawValue: layoutText) else {
            throw Invalid(path: "\(path).layout", reason: "must be outline or table, not \"\(layoutText)\"")
        }
        let list = ResponsibilityList(
            title: title,
            documentTitle: try fields.optionalString("document_title"),
            issuingBody: try fields.optionalString("issuing_body"),
            issuedOn: try fields.date("issued_on"),
            statedPoints: try fields.decimal("points"),
            layout: layout,
            introduction: try fields.string("introduction", default: ""),
            chapters: try fields.sequence("chapters").enumerated().map { index, node in
                try chapter(node, path: "\(path).chapters[\(index)]")
            },
            negativeList: try fields.sequence("negative_list").enumerated().map { index, node in
                try entry(node, path: "\(path).negative_list[\(index)]")
            },
            negativeListIntroduction: try fields.string("negative_list_introduction", default: ""))
        try fields.finish()
        return list
    }

    private static func chapter(_ node: ListYAML.Node, path: String) throws -> ListChapter {
        var fields = try Fields(node, path: path)
        let chapter = ListChapter(
            code: try fields.string("code", default: ""),
            title: try fields.string("title"),
            statedPoints: try fields.decimal("points"),
            description: try fields.string("description", default: ""),
            leadUnits: try fields.strings("lead_units"),
            participatingUnits: try fields.strings("participating_units"),
            items: try fields.sequence("items").enumerated().map { index, node in
                try item(node, path: "\(path).items[\(index)]")
            })
        try fields.finish()
        return chapter
    }

    private static func item(_ node: ListYAML.Node, path: String) throws -> ListItem {
        var fields = try Fields(node, path: path)
        let read = ListItem(
            code: try fields.string("code", default: ""),
            title: try fields.string("title", default: ""),
            statedPoints: try fields.decimal("points"),
            requirement: try fields.string("requirement", default: ""),
            leadUnits: try fields.strings("lead_units"),
            participatingUnits: try fields.strings("participating_units"),
            subitems: try fields.sequence("items").enumerated().map { index, node in
                try item(node, path: "\(path).items[\(index)]")
            })
        try fields.finish()
        return read
    }

    private static func entry(_ node: ListYAML.Node, path: String) throws -> NegativeListEntry {
        var fields = try Fields(node, path: path)
        let text = try fields.string("text")
        let notes = try fields.strings("notes")
        let rule: DeductionRule?
        if let ruleNode = fields.take("rule"), !ruleNode.isNull {
            rule = try ListYAMLRule.rule(ruleNode, path: "\(path).rule")
        } else {
            rule = nil
        }
        let entry = NegativeListEntry(
            code: try fields.string("code", default: ""), text: text, notes: notes, rule: rule,
            flag: try fields.optionalString("flag"))
        try fields.finish()
        return entry
    }

    /// A field that does not fit the schema, with its path ("lists[0].chapters[2].points").
    struct Invalid: Error {
        var path: String
        var reason: String
    }

    /// The fields of one mapping, taken one by one; `finish` refuses keys nobody took (a misspelt key is an error,
    /// not a silently dropped value).
    struct Fields {
        private var entries: [ListYAML.Entry]
        let path: String

        init(_ node: ListYAML.Node, path: String) throws {
            guard case .mapping(let entries) = node else {
                throw Invalid(path: path, reason: "must be a mapping of keys to values")
            }
            self.entries = entries
            self.path = path
        }

        mutating func take(_ key: String) -> ListYAML.Node? {
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            return entries.remove(at: index).value
        }

        func finish() throws {
            if let extra = entries.first {
                throw Invalid(path: "\(path).\(extra.key)", reason: "unknown key")
            }
        }

        mutating func string(_ key: String, default fallback: String? = nil) throws -> String {
            guard let node = take(key), !node.isNull else {
                if let fallback { return fallback }
                throw Invalid(path: "\(path).\(key)", reason: "is required")
            }
            guard case .scalar(let text, _) = node else {
                throw Invalid(path: "\(path).\(key)", reason: "must be a string")
            }
            return text
        }

        mutating func optionalString(_ key: String) throws -> String? {
            guard let node = take(key), !node.isNull else { return nil }
            guard case .scalar(let text, _) = node else {
                throw Invalid(path: "\(path).\(key)", reason: "must be a string or null")
            }
            return text
        }

        mutating func decimal(_ key: String) throws -> Decimal? {
            guard let node = take(key), !node.isNull else { return nil }
            guard case .scalar(let text, _) = node, let value = ListYAMLRule.decimal(text) else {
                throw Invalid(path: "\(path).\(key)", reason: "must be a number such as 20 or 0.5, or null")
            }
            return value
        }

        mutating func date(_ key: String) throws -> ListDate? {
            guard let text = try optionalString(key) else { return nil }
            let parts = text.split(separator: "-").map { Int($0) }
            guard parts.count == 2 || parts.count == 3, let year = parts[0], let month = parts[1],
                (1...12).contains(month), parts.count == 2 || (parts[2].map { (1...31).contains($0) } ?? false)
            else {
                throw Invalid(path: "\(path).\(key)", reason: "must be a date YYYY-MM-DD or YYYY-MM")
            }
            return ListDate(year: year, month: month, day: parts.count == 3 ? parts[2] : nil)
        }

        mutating func sequence(_ key: String) throws -> [ListYAML.Node] {
            guard let node = take(key), !node.isNull else { return [] }
            guard case .sequence(let elements) = node else {
                throw Invalid(path: "\(path).\(key)", reason: "must be a sequence")
            }
            return elements
        }

        mutating func strings(_ key: String) throws -> [String] {
            try sequence(key).enumerated().map { index, node in
                guard case .scalar(let text, _) = node, !node.isNull else {
                    throw Invalid(path: "\(path).\(key)[\(index)]", reason: "must be a string")
                }
                return text
            }
        }
    }
}
