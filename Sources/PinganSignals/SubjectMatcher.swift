import Foundation

/// Matches all monitoring subjects against a post in one pass (issue 5, §4): the terms of every subject are
/// compiled into a single Aho–Corasick automaton, each expression into a postfix program over global term ids.
/// Each branch of a subject's top-level AND (or the whole expression) gets trigger terms — a set one of which must
/// occur for the branch to hold (the union over OR, the most selective AND branch, nothing under NOT). For each of
/// the first `filterPositions` branch positions, a found term ORs in the set of subjects whose branch at that
/// position it triggers (a bit set over all subjects, or a short list for a term with few subjects); the subjects
/// set in every required position's bit set are the candidates, and only they are evaluated — so thousands of
/// subjects cost one scan of the text plus a few word-wide ORs. The filter only ever lets through more subjects
/// than can match (branches beyond `filterPositions` are not filtered on), never fewer; evaluation decides.
public struct SubjectMatcher: Sendable {
    /// The subjects, in the order given.
    public let subjects: [SubjectExpression]
    private let compiled: Compiled
    /// Branch positions of the candidate filter.
    static let filterPositions = 4
    /// Subjects from which a term's row is a bit set rather than a list.
    static let denseFrom = 8

    /// Compiles `subjects`.
    public init(subjects: [SubjectExpression]) {
        var globalIDs: [[UInt32]: Int32] = [:]
        var patterns: [[UInt32]] = []
        var program: [Int32] = []
        var programStart: [Int] = []
        var branchLists: [[[Int32]]] = []
        var maxStack = 1
        for subject in subjects {
            var map: [Int32] = []
            for term in subject.terms {
                if let existing = globalIDs[term] {
                    map.append(existing)
                } else {
                    let id = Int32(patterns.count)
                    globalIDs[term] = id
                    patterns.append(term)
                    map.append(id)
                }
            }
            programStart.append(program.count)
            var depth = 0
            Self.compile(subject.root, map, into: &program, depth: 0, maxDepth: &depth)
            maxStack = max(maxStack, depth + 1)
            var branches: [[Int32]] = []
            if case .and(let children) = subject.root {
                branches = children.compactMap { Self.triggers($0, map, patterns) }
            } else if let triggers = Self.triggers(subject.root, map, patterns) {
                branches = [triggers]
            }
            if branches.isEmpty { branches = [map] }
            branchLists.append(branches.prefix(32).map { Array(Set($0)).sorted() })
        }
        programStart.append(program.count)
        let words = (subjects.count + 63) >> 6
        let positions = min(Self.filterPositions, branchLists.map(\.count).max() ?? 0)
        // Per (term, position): the subjects whose branch at that position the term triggers.
        var users = [[[Int32]]](repeating: [[Int32]](repeating: [], count: positions), count: patterns.count)
        var unconstrained = [UInt64](repeating: 0, count: positions * words)
        for (subject, branches) in branchLists.enumerated() {
            for position in 0..<positions {
                guard position < branches.count else {
                    unconstrained[position * words + subject >> 6] |= 1 << UInt64(subject & 63)
                    continue
                }
                for term in branches[position] { users[Int(term)][position].append(Int32(subject)) }
            }
        }
        var termRowStart: [Int32] = [0]
        var rowPosition: [Int32] = []
        var rowStart: [Int32] = []
        var rowCount: [Int32] = []
        var denseRows: [UInt64] = []
        var sparseRows: [Int32] = []
        for termUsers in users {
            for (position, list) in termUsers.enumerated() where !list.isEmpty {
                rowPosition.append(Int32(position))
                if list.count >= Self.denseFrom {
                    rowStart.append(Int32(denseRows.count))
                    rowCount.append(-1)
                    var row = [UInt64](repeating: 0, count: words)
                    for subject in list { row[Int(subject) >> 6] |= 1 << UInt64(subject & 63) }
                    denseRows += row
                } else {
                    rowStart.append(Int32(sparseRows.count))
                    rowCount.append(Int32(list.count))
                    sparseRows += list
                }
            }
            termRowStart.append(Int32(rowPosition.count))
        }
        self.subjects = subjects
        self.compiled = Compiled(
            terms: patterns,
            automaton: AhoCorasick(patterns: patterns),
            termCount: patterns.count,
            words: words,
            positions: positions,
            termRowStart: termRowStart,
            rowPosition: rowPosition,
            rowStart: rowStart,
            rowCount: rowCount,
            denseRows: denseRows,
            sparseRows: sparseRows,
            unconstrained: unconstrained,
            program: program,
            programStart: programStart,
            maxStack: maxStack)
    }

    private static func compile(
        _ node: SubjectExpression.Node, _ map: [Int32], into program: inout [Int32], depth: Int, maxDepth: inout Int
    ) {
        maxDepth = max(maxDepth, depth)
        switch node {
        case .term(let local):
            program.append(map[local])
        case .and(let nodes), .or(let nodes):
            for (offset, child) in nodes.enumerated() {
                compile(child, map, into: &program, depth: depth + offset, maxDepth: &maxDepth)
            }
            let kind: Int32
            if case .and = node { kind = 1 } else { kind = 2 }
            program.append(-(Int32(nodes.count) * 4 + kind))
        case .not(let child):
            compile(child, map, into: &program, depth: depth, maxDepth: &maxDepth)
            program.append(-(1 * 4 + 3))
        }
    }

    /// A set of global terms one of which must occur for `node` to hold; nil if none exists (pure negation).
    private static func triggers(_ node: SubjectExpression.Node, _ map: [Int32], _ patterns: [[UInt32]]) -> [Int32]? {
        switch node {
        case .term(let local):
            return [map[local]]
        case .or(let nodes):
            var union: [Int32] = []
            for child in nodes {
                guard let set = triggers(child, map, patterns) else { return nil }
                union += set
            }
            return union
        case .and(let nodes):
            // The most selective branch: fewest terms, then the longest shortest term.
            let options = nodes.compactMap { triggers($0, map, patterns) }
            return options.min { lhs, rhs in
                if lhs.count != rhs.count { return lhs.count < rhs.count }
                let left = lhs.map { patterns[Int($0)].count }.min() ?? 0
                let right = rhs.map { patterns[Int($0)].count }.min() ?? 0
                return left > right
            }
        case .not:
            return nil
        }
    }

    /// Parses a subjects file: one subject per line, `name: expression` (also `name = expression` or a tab);
    /// blank lines and lines starting with `#` are ignored. Errors name the 1-based line and the position.
    public static func parse(file text: String, normalizer: Normalizer = Normalizer()) throws -> [SubjectExpression] {
        var subjects: [SubjectExpression] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard let separator = trimmed.firstIndex(where: { $0 == ":" || $0 == "=" || $0 == "\t" || $0 == "：" })
            else {
                throw SignalsError.subjectSyntax(
                    subject: "line \(offset + 1)", position: 0, reason: "expected 'name: expression'")
            }
            let name = trimmed[..<separator].trimmingCharacters(in: .whitespaces)
            let expression = String(trimmed[trimmed.index(after: separator)...])
            do {
                subjects.append(try SubjectExpression(name: name, source: expression, normalizer: normalizer))
            } catch SignalsError.subjectSyntax(let subject, let position, let reason) {
                throw SignalsError.subjectSyntax(
                    subject: "\(subject) (line \(offset + 1))", position: position, reason: reason)
            }
        }
        return subjects
    }

    /// The indices of the subjects that match a post's normalised `content`, ascending.
    public func match(_ content: [UInt32]) -> [Int] { compiled.match(content) }

    /// The distinct terms of all subjects; a term's index is its id in `match(hits:present:)`.
    var terms: [[UInt32]] { compiled.terms }

    /// The indices of the subjects that match, ascending, given the ids of the terms found in a text (`hits`, each
    /// once) and their bit set (`present`, bit `id` of word `id / 64`) — for a scan shared with other automata.
    func match(hits: UnsafeBufferPointer<Int32>, present: UnsafeBufferPointer<UInt64>) -> [Int] {
        compiled.match(hits: hits, present: present)
    }

    /// The compiled tables, in one object so that the matcher is copied (into closures, into the engine) with one
    /// reference count instead of one per table.
    private final class Compiled: Sendable {
        /// The distinct terms, by global id.
        let terms: [[UInt32]]
        let automaton: AhoCorasick
        let termCount: Int
        /// Number of 64-bit words of a bit set over the subjects.
        let words: Int
        /// Branch positions filtered on (the first ones of each subject's top-level AND).
        let positions: Int
        /// For each global term, the range in `rowPosition`/`rowStart`/`rowCount` of its (position, subjects) rows.
        let termRowStart: [Int32]
        /// The branch position of a row.
        let rowPosition: [Int32]
        /// Start of a row: in `denseRows` (a bit set of `words` words) if `rowCount` is negative, else in `sparseRows`.
        let rowStart: [Int32]
        /// −1 for a dense row, else the number of subject indices of a sparse row.
        let rowCount: [Int32]
        let denseRows: [UInt64]
        let sparseRows: [Int32]
        /// Per position, the subjects without a branch there (always let through that position).
        let unconstrained: [UInt64]
        /// Concatenated postfix programs: a term id (≥ 0), or −(arity·4 + kind) with kind 1 AND, 2 OR, 3 NOT.
        let program: [Int32]
        let programStart: [Int]
        let maxStack: Int

        init(
            terms: [[UInt32]],
            automaton: AhoCorasick,
            termCount: Int,
            words: Int,
            positions: Int,
            termRowStart: [Int32],
            rowPosition: [Int32],
            rowStart: [Int32],
            rowCount: [Int32],
            denseRows: [UInt64],
            sparseRows: [Int32],
            unconstrained: [UInt64],
            program: [Int32],
            programStart: [Int],
            maxStack: Int
        ) {
            self.terms = terms
            self.automaton = automaton
            self.termCount = termCount
            self.words = words
            self.positions = positions
            self.termRowStart = termRowStart
            self.rowPosition = rowPosition
            self.rowStart = rowStart
            self.rowCount = rowCount
            self.denseRows = denseRows
            self.sparseRows = sparseRows
            self.unconstrained = unconstrained
            self.program = program
            self.programStart = programStart
            self.maxStack = maxStack
        }

        /// The indices of the subjects that match a post's normalised `content`, ascending.
        func match(_ content: [UInt32]) -> [Int] {
            guard termCount > 0 else { return [] }
            // Scratch space on the stack, not the heap: the term bit set, the found terms, the per-subject masks and
            // candidates, and the evaluation stack.
            let words = (termCount + 63) >> 6
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { present in
                present.initialize(repeating: 0)
                return withUnsafeTemporaryAllocation(of: Int32.self, capacity: termCount) { hits in
                    var hitCount = 0
                    automaton.forEachMatch(in: content) { id, _ in
                        let bit = UInt64(1) << UInt64(id & 63)
                        if present[id >> 6] & bit == 0 {
                            present[id >> 6] |= bit
                            hits[hitCount] = Int32(id)
                            hitCount += 1
                        }
                    }
                    return match(
                        hits: UnsafeBufferPointer(rebasing: hits[..<hitCount]), present: UnsafeBufferPointer(present))
                }
            }
        }

        func match(hits: UnsafeBufferPointer<Int32>, present: UnsafeBufferPointer<UInt64>) -> [Int] {
            guard !hits.isEmpty else { return [] }
            return candidates(hits) { evaluate($0, present) }
        }

        /// Calls `body` with the subjects that pass the filter for the found terms `hits`, ascending.
        private func candidates(
            _ hits: UnsafeBufferPointer<Int32>, _ body: (UnsafeBufferPointer<Int32>) -> [Int]
        ) -> [Int] {
            guard positions > 0 else { return [] }
            return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: positions * words) { triggered in
                triggered.initialize(repeating: 0)
                termRowStart.withUnsafeBufferPointer { termRowStart in
                    denseRows.withUnsafeBufferPointer { denseRows in
                        sparseRows.withUnsafeBufferPointer { sparseRows in
                            for term in hits {
                                for row in Int(termRowStart[Int(term)])..<Int(termRowStart[Int(term) + 1]) {
                                    let base = Int(rowPosition[row]) * words
                                    let start = Int(rowStart[row])
                                    let count = Int(rowCount[row])
                                    if count < 0 {
                                        for word in 0..<words { triggered[base + word] |= denseRows[start + word] }
                                    } else {
                                        for subject in sparseRows[start..<(start + count)] {
                                            triggered[base + Int(subject) >> 6] |= 1 << UInt64(subject & 63)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                return withUnsafeTemporaryAllocation(of: Int32.self, capacity: words * 64) { candidates in
                    var count = 0
                    unconstrained.withUnsafeBufferPointer { unconstrained in
                        for word in 0..<words {
                            var passing = ~UInt64(0)
                            for position in 0..<positions {
                                passing &= triggered[position * words + word] | unconstrained[position * words + word]
                            }
                            while passing != 0 {
                                candidates[count] = Int32(word << 6 + passing.trailingZeroBitCount)
                                count += 1
                                passing &= passing - 1
                            }
                        }
                    }
                    guard count > 0 else { return [] }
                    return body(UnsafeBufferPointer(rebasing: candidates[..<count]))
                }
            }
        }

        /// The candidates whose programs hold on the found terms `present`, ascending.
        private func evaluate(_ candidates: UnsafeBufferPointer<Int32>, _ present: UnsafeBufferPointer<UInt64>) -> [Int]
        {
            var matched: [Int] = []
            matched.reserveCapacity(candidates.count)
            withUnsafeTemporaryAllocation(of: Bool.self, capacity: maxStack + 1) { stack in
                stack.initialize(repeating: false)
                program.withUnsafeBufferPointer { program in
                    programStart.withUnsafeBufferPointer { programStart in
                        for subject in candidates {
                            var top = 0
                            for position in programStart[Int(subject)]..<programStart[Int(subject) + 1] {
                                let op = program[position]
                                if op >= 0 {
                                    stack[top] = present[Int(op) >> 6] & (UInt64(1) << UInt64(op & 63)) != 0
                                    top += 1
                                    continue
                                }
                                let arity = Int(-op) >> 2
                                switch -op & 3 {
                                case 1:
                                    var value = true
                                    for index in (top - arity)..<top where !stack[index] { value = false }
                                    top -= arity
                                    stack[top] = value
                                case 2:
                                    var value = false
                                    for index in (top - arity)..<top where stack[index] { value = true }
                                    top -= arity
                                    stack[top] = value
                                default:
                                    stack[top - 1] = !stack[top - 1]
                                    continue
                                }
                                top += 1
                            }
                            if top == 1 && stack[0] { matched.append(Int(subject)) }
                        }
                    }
                }
            }
            return matched.sorted()
        }
    }
}
