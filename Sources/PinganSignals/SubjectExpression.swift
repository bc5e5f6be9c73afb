/// A monitoring subject (专题, BRIEF §3): a name and a boolean keyword expression in the form analysts write —
/// region words + subject words + event words combined with AND, OR, NOT, parentheses and quoted phrases.
///
/// Grammar (operators are recognised only as standalone tokens, so 非法集资 is a term, not NOT 法集资):
/// ```
/// expression := or
/// or         := and (("OR" | "|" | "或") and)*
/// and        := unary (("AND" | "&" | "+" | "与" | "且")? unary)*      // juxtaposition is AND
/// unary      := ("NOT" | "-" | "!" | "非") unary | primary
/// primary    := "(" expression ")" | "\"phrase\"" | "“phrase”" | term
/// ```
/// Keywords are case-insensitive; full-width forms (（）｜＋－＂) are folded first. Terms and phrases are
/// normalised like post text (`Normalizer`) and matched against the post's content scalars, so spaces and
/// punctuation inside a phrase do not matter. A syntax error names its 0-based scalar position.
public struct SubjectExpression: Sendable, Equatable {
    /// The expression tree; `term` holds the index into `terms`.
    public indirect enum Node: Sendable, Equatable {
        /// A keyword or phrase.
        case term(Int)
        /// All must hold.
        case and([Node])
        /// Any must hold.
        case or([Node])
        /// Must not hold.
        case not(Node)
    }

    /// The subject's name.
    public var name: String
    /// The expression's source text.
    public var source: String
    /// The distinct terms, as normalised content scalars.
    public var terms: [[UInt32]]
    /// The expression tree.
    public var root: Node

    /// Parses `source`; throws `SignalsError.subjectSyntax` naming the position.
    public init(name: String, source: String, normalizer: Normalizer = Normalizer()) throws {
        self.name = name
        self.source = source
        var parser = Parser(name: name, scalars: normalizer.fold(source), normalizer: normalizer)
        let root = try parser.parseExpression()
        parser.skipSpace()
        if parser.index < parser.scalars.count {
            throw parser.error("unexpected '\(parser.describe(parser.index))'")
        }
        guard Self.hasPositiveTerm(root) else {
            throw SignalsError.subjectSyntax(
                subject: name, position: 0, reason: "needs at least one term not under NOT")
        }
        self.terms = parser.terms
        self.root = root
    }

    /// Whether the expression holds for a post whose content contains exactly the terms in `present` (sorted ids).
    public func evaluate(present: (Int) -> Bool) -> Bool {
        Self.evaluate(root, present)
    }

    private static func evaluate(_ node: Node, _ present: (Int) -> Bool) -> Bool {
        switch node {
        case .term(let id): present(id)
        case .and(let nodes): nodes.allSatisfy { evaluate($0, present) }
        case .or(let nodes): nodes.contains { evaluate($0, present) }
        case .not(let node): !evaluate(node, present)
        }
    }

    private static func hasPositiveTerm(_ node: Node) -> Bool {
        switch node {
        case .term: true
        case .and(let nodes): nodes.contains { hasPositiveTerm($0) }
        case .or(let nodes): nodes.allSatisfy { hasPositiveTerm($0) }
        case .not: false
        }
    }

    private struct Parser {
        let name: String
        let scalars: [UInt32]
        let normalizer: Normalizer
        var index = 0
        var terms: [[UInt32]] = []

        init(name: String, scalars: [UInt32], normalizer: Normalizer) {
            self.name = name
            self.scalars = scalars
            self.normalizer = normalizer
        }

        func error(_ reason: String, at position: Int? = nil) -> SignalsError {
            .subjectSyntax(subject: name, position: position ?? index, reason: reason)
        }

        func describe(_ position: Int) -> String {
            Normalizer.string([scalars[position]])
        }

        mutating func skipSpace() {
            while index < scalars.count, Normalizer.isSpace(scalars[index]) { index += 1 }
        }

        static let quoteClose: [UInt32: UInt32] = [0x22: 0x22, 0x201C: 0x201D, 0x300C: 0x300D, 0x2018: 0x2019]
        static let delimiters: Set<UInt32> = [0x28, 0x29, 0x7C, 0x26, 0x2B, 0x22, 0x201C, 0x201D, 0x300C, 0x300D]

        /// The bare token at `index` (not consumed), or nil.
        func bareToken() -> (text: String, end: Int)? {
            var end = index
            while end < scalars.count, !Normalizer.isSpace(scalars[end]), !Self.delimiters.contains(scalars[end]) {
                end += 1
            }
            return end > index ? (Normalizer.string(scalars[index..<end]), end) : nil
        }

        func keyword(_ words: Set<String>) -> Int? {
            guard let (text, end) = bareToken(), words.contains(text.lowercased()) else { return nil }
            return end
        }

        mutating func parseExpression() throws -> Node {
            var nodes = [try parseAnd()]
            while true {
                skipSpace()
                guard index < scalars.count else { break }
                if scalars[index] == 0x7C {
                    index += 1
                    if index < scalars.count, scalars[index] == 0x7C { index += 1 }
                } else if let end = keyword(["or", "或"]) {
                    index = end
                } else {
                    break
                }
                nodes.append(try parseAnd())
            }
            return nodes.count == 1 ? nodes[0] : .or(nodes)
        }

        mutating func parseAnd() throws -> Node {
            var nodes = [try parseUnary()]
            while true {
                skipSpace()
                guard index < scalars.count else { break }
                let value = scalars[index]
                if value == 0x26 || value == 0x2B {
                    index += 1
                    if index < scalars.count, scalars[index] == 0x26 { index += 1 }
                    nodes.append(try parseUnary())
                } else if let end = keyword(["and", "与", "且"]) {
                    index = end
                    nodes.append(try parseUnary())
                } else if value == 0x29 || value == 0x7C || keyword(["or", "或"]) != nil {
                    break
                } else {
                    nodes.append(try parseUnary())
                }
            }
            return nodes.count == 1 ? nodes[0] : .and(nodes)
        }

        mutating func parseUnary() throws -> Node {
            skipSpace()
            guard index < scalars.count else { throw error("expected a term, '(' or NOT at the end") }
            let value = scalars[index]
            if value == 0x2D || value == 0x21 {
                index += 1
                return .not(try parseUnary())
            }
            if let end = keyword(["not", "非"]) {
                index = end
                return .not(try parseUnary())
            }
            return try parsePrimary()
        }

        mutating func parsePrimary() throws -> Node {
            let start = index
            let value = scalars[index]
            if value == 0x28 {
                index += 1
                let node = try parseExpression()
                skipSpace()
                guard index < scalars.count, scalars[index] == 0x29 else {
                    throw error("missing ')' for the '(' at \(start)")
                }
                index += 1
                return node
            }
            if value == 0x29 { throw error("unexpected ')'") }
            if let close = Self.quoteClose[value] {
                index += 1
                let contentStart = index
                while index < scalars.count, scalars[index] != close { index += 1 }
                guard index < scalars.count else { throw error("unterminated quoted phrase", at: start) }
                let phrase = Array(scalars[contentStart..<index])
                index += 1
                return try term(phrase, at: start)
            }
            if value == 0x7C || value == 0x26 || value == 0x2B {
                throw error("expected a term before '\(describe(index))'")
            }
            guard let (_, end) = bareToken() else { throw error("expected a term") }
            if keyword(["and", "or", "与", "且", "或"]) != nil {
                throw error("expected a term before the operator '\(bareToken()?.text ?? "")'")
            }
            let word = Array(scalars[index..<end])
            index = end
            return try term(word, at: start)
        }

        mutating func term(_ raw: [UInt32], at position: Int) throws -> Node {
            let content = normalizer.extract(raw).content
            guard !content.isEmpty else { throw error("empty term", at: position) }
            if let existing = terms.firstIndex(of: content) { return .term(existing) }
            terms.append(content)
            return .term(terms.count - 1)
        }
    }
}
