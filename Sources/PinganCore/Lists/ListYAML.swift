import Foundation

/// The small part of YAML 1.2 that the canonical form of a responsibility list needs (issue 7: "yaml as the
/// canonical, diff-friendly form"), written here rather than taken from a YAML library so that every CI build does
/// not compile libyaml for one fixed schema.
///
/// The emitter writes block mappings and sequences, empty collections as `[]` / `{}`, every string double-quoted
/// (escapes for quotes, backslashes and control characters) except multi-line texts, which become literal blocks
/// (`|-`) when that is exact, and numbers as plain decimals. The parser reads what the emitter writes and what a
/// person editing it is likely to write: block mappings and sequences indented with spaces, `#` comments, a leading
/// `---`, plain, single-quoted and double-quoted scalars, literal (`|`) and folded (`>`) block scalars with chomping
/// indicators, and flow sequences of scalars (`[区委办, 区平安办]`). Anchors, aliases, tags, flow mappings other
/// than `{}`, multi-line quoted scalars and several documents are refused with the line number.
public enum ListYAML {
    /// A parsed or emitted YAML node.
    public indirect enum Node: Sendable, Equatable {
        /// A scalar; `isPlain` when it was written without quotes (so `null`, `~`, numbers and booleans are read
        /// as such only when plain).
        case scalar(String, isPlain: Bool)
        /// A sequence.
        case sequence([Node])
        /// A mapping, keys in order.
        case mapping([Entry])

        /// A quoted string scalar.
        public static func string(_ text: String) -> Node { .scalar(text, isPlain: false) }
        /// A plain scalar (a number, `null`, `true`).
        public static func plain(_ text: String) -> Node { .scalar(text, isPlain: true) }
        /// `null`.
        public static let null = Node.scalar("null", isPlain: true)

        /// Whether the node is a plain `null`, `~` or empty scalar.
        public var isNull: Bool {
            if case .scalar(let text, true) = self { return ["", "null", "Null", "NULL", "~"].contains(text) }
            return false
        }
    }

    /// A key and its value in a mapping.
    public struct Entry: Sendable, Equatable {
        /// The key.
        public var key: String
        /// The value.
        public var value: Node

        /// Creates an entry.
        public init(_ key: String, _ value: Node) {
            self.key = key
            self.value = value
        }
    }

    /// A YAML document the parser cannot read, with the 1-based line.
    public struct SyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The line.
        public var line: Int
        /// What is wrong.
        public var message: String

        /// Creates an error.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }

        /// "line 3: ……".
        public var description: String { "line \(line): \(message)" }
    }

    // MARK: Emitting

    /// The node as a YAML document, ending in a newline.
    public static func emit(_ node: Node) -> String {
        var output = ""
        switch node {
        case .scalar, .sequence([]), .mapping([]):
            output = inline(node) ?? ""
            output += "\n"
        default:
            write(node, indent: 0, to: &output)
        }
        return output
    }

    /// A scalar or empty collection on one line; nil for a non-empty collection.
    private static func inline(_ node: Node) -> String? {
        switch node {
        case .scalar(let text, let isPlain): isPlain ? text : quoted(text)
        case .sequence(let elements): elements.isEmpty ? "[]" : nil
        case .mapping(let entries): entries.isEmpty ? "{}" : nil
        }
    }

    /// Writes a non-empty collection as a block at `indent`, each line ending in a newline.
    private static func write(_ node: Node, indent: Int, to output: inout String) {
        let pad = String(repeating: " ", count: indent)
        switch node {
        case .scalar: break
        case .sequence(let elements):
            for element in elements {
                output += pad + "-"
                writeValue(element, indent: indent + 2, inSequence: true, to: &output)
            }
        case .mapping(let entries):
            for entry in entries {
                output += pad + key(entry.key) + ":"
                writeValue(entry.value, indent: indent + 2, inSequence: false, to: &output)
            }
        }
    }

    /// Writes the value after "-" or "key:".
    private static func writeValue(_ node: Node, indent: Int, inSequence: Bool, to output: inout String) {
        if let literal = literalBlock(node, indent: indent) {
            output += " |-\n" + literal
        } else if let text = inline(node) {
            output += " " + text + "\n"
        } else if inSequence, case .mapping = node {
            // "- key: value" with the following keys under the first.
            var nested = ""
            write(node, indent: indent, to: &nested)
            output += " " + nested.dropFirst(indent)
        } else {
            output += "\n"
            write(node, indent: indent, to: &output)
        }
    }

    /// A multi-line string as the lines of a literal block (`|-`), when that reads back exactly: no carriage
    /// returns or other control characters, no blank at the start or end of a line, no trailing line break.
    private static func literalBlock(_ node: Node, indent: Int) -> String? {
        guard case .scalar(let text, false) = node, text.contains("\n"), !text.hasSuffix("\n") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if line.first == " " || line.last == " " { return nil }
            if line.unicodeScalars.contains(where: { needsEscape($0) }) { return nil }
        }
        guard let first = lines.first, !first.isEmpty else { return nil }
        let pad = String(repeating: " ", count: indent)
        return lines.map { $0.isEmpty ? "\n" : pad + $0 + "\n" }.joined()
    }

    private static func key(_ text: String) -> String {
        let safe =
            !text.isEmpty
            && text.unicodeScalars.allSatisfy { scalar in
                (scalar.value >= 0x61 && scalar.value <= 0x7A) || scalar == "_"
                    || (scalar.value >= 0x30 && scalar.value <= 0x39)
            }
        return safe ? text : quoted(text)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    /// A double-quoted scalar that reads back as exactly `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    // MARK: Parsing

    /// Parses a YAML document; an empty document is a plain empty scalar.
    public static func parse(_ text: String) throws(SyntaxError) -> Node {
        var reader = ListYAMLReader(text: text)
        return try reader.document()
    }
}
