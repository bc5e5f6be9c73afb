import Foundation

/// The parser behind `ListYAML.parse`: a recursive descent over indented lines (the subset is described on
/// `ListYAML`).
struct ListYAMLReader {
    private struct Line {
        var number: Int
        var indent: Int
        var content: Substring
        var raw: Substring

        var isBlank: Bool {
            let trimmed = content.drop { $0 == " " }
            return trimmed.isEmpty || trimmed.first == "#"
        }
    }

    private typealias Failure = ListYAML.SyntaxError

    private var lines: [Line] = []
    private var index = 0
    private var tabLine: Int?

    init(text: String) {
        var number = 0
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body.removeFirst() }
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            let line = raw.last == "\r" ? raw.dropLast() : raw
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if tabLine == nil, content.first == "\t", !content.allSatisfy({ $0 == "\t" || $0 == " " }) {
                tabLine = number
            }
            lines.append(Line(number: number, indent: indent, content: content, raw: line))
        }
    }

    mutating func document() throws(ListYAML.SyntaxError) -> ListYAML.Node {
        if let tabLine { throw Failure(line: tabLine, message: "tabs may not indent YAML; use spaces") }
        skipBlank()
        if index < lines.count, lines[index].indent == 0, isMarker(lines[index].content, "---") {
            index += 1
            skipBlank()
        }
        guard index < lines.count else { return .plain("") }
        let node = try block(indent: lines[index].indent)
        skipBlank()
        if index < lines.count, lines[index].indent == 0, isMarker(lines[index].content, "...") {
            index += 1
            skipBlank()
        }
        if index < lines.count {
            let line = lines[index]
            if line.indent == 0, isMarker(line.content, "---") {
                throw Failure(line: line.number, message: "only one YAML document is read; remove the second")
            }
            throw Failure(line: line.number, message: "unexpected indentation or content")
        }
        return node
    }

    private func isMarker(_ content: Substring, _ marker: String) -> Bool {
        guard content.hasPrefix(marker) else { return false }
        let rest = content.dropFirst(marker.count)
        return rest.isEmpty || rest.first == " "
    }

    private mutating func skipBlank() {
        while index < lines.count, lines[index].isBlank { index += 1 }
    }

    private static func isSequenceEntry(_ content: Substring) -> Bool {
        content.first == "-" && (content.count == 1 || content.dropFirst().first == " ")
    }

    private mutating func block(indent: Int) throws(Failure) -> ListYAML.Node {
        let line = lines[index]
        if Self.isSequenceEntry(line.content) { return try sequence(indent: indent) }
        if try Self.keySplit(line.content, line: line.number) != nil { return try mapping(indent: indent) }
        index += 1
        return try value(line.content, parentIndent: indent - 1, line: line.number)
    }

    private mutating func sequence(indent: Int) throws(Failure) -> ListYAML.Node {
        var elements: [ListYAML.Node] = []
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if line.indent < indent { break }
            guard line.indent == indent else {
                throw Failure(line: line.number, message: "unexpected indentation in a sequence")
            }
            guard Self.isSequenceEntry(line.content) else {
                if try Self.keySplit(line.content, line: line.number) != nil, !elements.isEmpty { break }
                throw Failure(line: line.number, message: "expected \"- \" for the next element of the sequence")
            }
            let afterDash = line.content.dropFirst()
            let spaces = afterDash.prefix { $0 == " " }.count
            let rest = afterDash.dropFirst(spaces)
            if rest.isEmpty || rest.first == "#" {
                index += 1
                elements.append(try nested(under: indent))
            } else {
                // "- key: value" or "- - x": read the rest as a block that starts at its own column.
                let column = indent + 1 + spaces
                lines[index] = Line(number: line.number, indent: column, content: rest, raw: line.raw)
                let isKey = try Self.keySplit(rest, line: line.number) != nil
                if Self.isSequenceEntry(rest) || isKey {
                    elements.append(try block(indent: column))
                } else {
                    index += 1
                    elements.append(try value(rest, parentIndent: indent, line: line.number))
                }
            }
        }
        return .sequence(elements)
    }

    private mutating func mapping(indent: Int) throws(Failure) -> ListYAML.Node {
        var entries: [ListYAML.Entry] = []
        var keys: Set<String> = []
        while true {
            skipBlank()
            guard index < lines.count else { break }
            let line = lines[index]
            if line.indent < indent { break }
            guard line.indent == indent else {
                throw Failure(line: line.number, message: "unexpected indentation in a mapping")
            }
            if Self.isSequenceEntry(line.content) { break }
            guard let (key, rest) = try Self.keySplit(line.content, line: line.number) else {
                throw Failure(line: line.number, message: "expected \"key: value\"")
            }
            guard keys.insert(key).inserted else {
                throw Failure(line: line.number, message: "the key \"\(key)\" appears twice")
            }
            index += 1
            let value: ListYAML.Node
            if rest.isEmpty || rest.first == "#" {
                value = try nested(under: indent, allowSequenceAtSameIndent: true)
            } else {
                value = try self.value(rest, parentIndent: indent, line: line.number)
            }
            entries.append(ListYAML.Entry(key, value))
        }
        return .mapping(entries)
    }

    /// The block under a "key:" or "-" with nothing after it: more indented lines, a sequence at the key's own
    /// indentation, or else null.
    private mutating func nested(
        under indent: Int, allowSequenceAtSameIndent: Bool = false
    ) throws(Failure)
        -> ListYAML.Node
    {
        skipBlank()
        guard index < lines.count else { return .null }
        let next = lines[index]
        if next.indent > indent { return try block(indent: next.indent) }
        if allowSequenceAtSameIndent, next.indent == indent, Self.isSequenceEntry(next.content) {
            return try sequence(indent: indent)
        }
        return .null
    }

    /// Splits "key: rest" (the rest trimmed); nil when the line is not a mapping entry.
    private static func keySplit(_ content: Substring, line: Int) throws(Failure) -> (String, Substring)? {
        var key: String
        var after: Substring
        if let quote = content.first, quote == "\"" || quote == "'" {
            guard let (text, rest) = try quotedScalar(content, line: line) else { return nil }
            let trimmed = rest.drop { $0 == " " }
            guard trimmed.first == ":" else { return nil }
            key = text
            after = trimmed.dropFirst()
            guard after.isEmpty || after.first == " " else { return nil }
        } else {
            var cursor = content.startIndex
            var found: Substring.Index?
            while cursor < content.endIndex {
                if content[cursor] == "#", cursor > content.startIndex,
                    content[content.index(before: cursor)] == " "
                {
                    break
                }
                if content[cursor] == ":" {
                    let next = content.index(after: cursor)
                    if next == content.endIndex || content[next] == " " {
                        found = cursor
                        break
                    }
                }
                cursor = content.index(after: cursor)
            }
            guard let found else { return nil }
            key = String(content[..<found]).trimmingCharacters(in: .whitespaces)
            after = content[content.index(after: found)...]
            if key.isEmpty || "[{&*!|>%@`".contains(key.first ?? " ") { return nil }
        }
        return (key, after.drop { $0 == " " })
    }

    /// A value written after "key:" or "- " on line `line`; block scalars and plain continuation lines take the
    /// following lines indented more than `parentIndent`.
    private mutating func value(_ text: Substring, parentIndent: Int, line: Int) throws(Failure) -> ListYAML.Node {
        guard let first = text.first else { return .null }
        switch first {
        case "\"", "'":
            guard let (scalar, rest) = try Self.quotedScalar(text, line: line) else {
                throw Failure(line: line, message: "a quoted scalar must end on its line (write \\n for a line break)")
            }
            try Self.expectEnd(rest, line: line)
            return .string(scalar)
        case "|", ">":
            return .string(try blockScalar(header: text, parentIndent: parentIndent, line: line))
        case "[":
            return try Self.flowSequence(text, line: line)
        case "{":
            let inside = text.dropFirst().drop { $0 == " " }
            guard inside.first == "}" else {
                throw Failure(line: line, message: "flow mappings are not supported; write the mapping as a block")
            }
            try Self.expectEnd(inside.dropFirst(), line: line)
            return .mapping([])
        case "&", "*", "!", "%", "@", "`":
            throw Failure(
                line: line, message: "anchors, aliases, tags and reserved characters are not supported; quote the text")
        default:
            var words = [Self.plainText(text)]
            while index < lines.count, !lines[index].isBlank, lines[index].indent > parentIndent,
                lines[index].content.first != "#"
            {
                words.append(Self.plainText(lines[index].content))
                index += 1
            }
            return .plain(words.joined(separator: " "))
        }
    }

    private static func plainText(_ text: Substring) -> String {
        var end = text.endIndex
        var cursor = text.startIndex
        while cursor < text.endIndex {
            if text[cursor] == "#", cursor > text.startIndex, text[text.index(before: cursor)] == " " {
                end = cursor
                break
            }
            cursor = text.index(after: cursor)
        }
        return String(text[..<end]).trimmingCharacters(in: .whitespaces)
    }

    private static func expectEnd(_ rest: Substring, line: Int) throws(Failure) {
        let trimmed = rest.drop { $0 == " " }
        guard trimmed.isEmpty || (trimmed.first == "#" && trimmed.count < rest.count) else {
            throw Failure(line: line, message: "unexpected text after a value: \(trimmed.prefix(20))")
        }
    }

    /// A quoted scalar at the start of `text` and what follows it; nil when it does not end on the line.
    private static func quotedScalar(_ text: Substring, line: Int) throws(Failure) -> (String, Substring)? {
        guard let quote = text.first else { return nil }
        var scalars = text.unicodeScalars.dropFirst()
        var result = String.UnicodeScalarView()
        while let scalar = scalars.first {
            scalars = scalars.dropFirst()
            if quote == "'" {
                if scalar == "'" {
                    if scalars.first == "'" {
                        scalars = scalars.dropFirst()
                        result.append("'")
                        continue
                    }
                    return (String(result), Substring(scalars))
                }
                result.append(scalar)
                continue
            }
            if scalar == "\"" { return (String(result), Substring(scalars)) }
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            guard let escape = scalars.first else { return nil }
            scalars = scalars.dropFirst()
            let simple: [Unicode.Scalar: String] = [
                "n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\", "/": "/", "0": "\u{0}", "b": "\u{8}",
                "f": "\u{C}", "e": "\u{1B}", " ": " ", "a": "\u{7}", "v": "\u{B}", "N": "\u{85}", "_": "\u{A0}",
                "L": "\u{2028}", "P": "\u{2029}", "\t": "\t",
            ]
            if let replacement = simple[escape] {
                result.append(contentsOf: replacement.unicodeScalars)
                continue
            }
            let width = escape == "x" ? 2 : escape == "u" ? 4 : escape == "U" ? 8 : 0
            guard width > 0, scalars.count >= width,
                let value = UInt32(String(String.UnicodeScalarView(scalars.prefix(width))), radix: 16),
                let decoded = Unicode.Scalar(value)
            else {
                throw Failure(line: line, message: "unknown escape \\\(escape) in a double-quoted scalar")
            }
            scalars = scalars.dropFirst(width)
            result.append(decoded)
        }
        return nil
    }

    private static func flowSequence(_ text: Substring, line: Int) throws(Failure) -> ListYAML.Node {
        var rest = text.dropFirst()
        var elements: [ListYAML.Node] = []
        while true {
            rest = rest.drop { $0 == " " }
            guard let first = rest.first else {
                throw Failure(line: line, message: "a flow sequence must end with \"]\" on its line")
            }
            if first == "]", elements.isEmpty {
                try expectEnd(rest.dropFirst(), line: line)
                return .sequence([])
            }
            if first == "\"" || first == "'" {
                guard let (scalar, after) = try quotedScalar(rest, line: line) else {
                    throw Failure(line: line, message: "a quoted scalar must end on its line")
                }
                elements.append(.string(scalar))
                rest = after.drop { $0 == " " }
            } else {
                guard !"[{&*!".contains(first) else {
                    throw Failure(line: line, message: "nested flow collections are not supported")
                }
                let end = rest.firstIndex { $0 == "," || $0 == "]" } ?? rest.endIndex
                elements.append(.plain(String(rest[..<end]).trimmingCharacters(in: .whitespaces)))
                rest = rest[end...]
            }
            guard let separator = rest.first else {
                throw Failure(line: line, message: "a flow sequence must end with \"]\" on its line")
            }
            rest = rest.dropFirst()
            if separator == "]" {
                try expectEnd(rest, line: line)
                return .sequence(elements)
            }
            guard separator == "," else {
                throw Failure(line: line, message: "expected \",\" or \"]\" in a flow sequence")
            }
        }
    }

    /// A literal (`|`) or folded (`>`) block scalar: header `|`, `|-`, `|+`, `|2`, then lines indented more than
    /// the parent.
    private mutating func blockScalar(header: Substring, parentIndent: Int, line: Int) throws(Failure) -> String {
        let folded = header.first == ">"
        var chomping: Character = " "
        var explicit: Int?
        var rest = header.dropFirst()
        while let character = rest.first, character != " ", character != "#" {
            if character == "-" || character == "+", chomping == " " {
                chomping = character
            } else if let digit = character.wholeNumberValue, digit > 0, explicit == nil {
                explicit = digit
            } else {
                throw Failure(line: line, message: "unknown block scalar header \(header)")
            }
            rest = rest.dropFirst()
        }
        try Self.expectEnd(rest, line: line)
        var indent = explicit.map { max(parentIndent, 0) + $0 }
        var body: [Substring] = []
        while index < lines.count {
            let next = lines[index]
            let blank = next.content.allSatisfy { $0 == " " }
            if blank {
                body.append(next.raw.dropFirst(min(next.raw.count, indent ?? Int.max)))
                index += 1
                continue
            }
            if indent == nil {
                guard next.indent > parentIndent else { break }
                indent = next.indent
            }
            guard let indent, next.indent >= indent else { break }
            body.append(next.raw.dropFirst(indent))
            index += 1
        }
        var trailing = 0
        while let last = body.last, last.allSatisfy({ $0 == " " }) {
            body.removeLast()
            trailing += 1
        }
        var text: String
        if folded {
            text = ""
            var previousWasText = false
            for part in body {
                if part.isEmpty {
                    text += "\n"
                    previousWasText = false
                } else {
                    if previousWasText { text += part.first == " " ? "\n" : " " }
                    text += part
                    previousWasText = true
                }
            }
        } else {
            text = body.joined(separator: "\n")
        }
        guard !body.isEmpty else { return chomping == "+" ? String(repeating: "\n", count: trailing) : "" }
        switch chomping {
        case "-": break
        case "+": text += String(repeating: "\n", count: trailing + 1)
        default: text += "\n"
        }
        return text
    }
}
