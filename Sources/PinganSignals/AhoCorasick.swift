/// An Aho–Corasick automaton (Aho & Corasick, CACM 18(6), 1975) over Unicode scalar values: all patterns of all
/// monitoring subjects and lexicons are matched in one pass over a text, whatever their number. Transitions live
/// in one open-addressing hash table keyed by (state, scalar), with a dense table for the root's BMP transitions;
/// every state's output lists the patterns ending there, including those reached through failure links.
public struct AhoCorasick: Sendable {
    private var rootNext: [Int32]
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var fail: [Int32]
    private var outputStart: [Int32]
    private var outputs: [Int32]
    /// Length in scalars of each pattern.
    public private(set) var patternLengths: [Int]

    /// Builds the automaton; pattern ids are the indices into `patterns`; empty patterns never match.
    public init(patterns: [[UInt32]]) {
        // Trie with per-state dictionaries while building.
        var children: [[UInt32: Int32]] = [[:]]
        var terminal: [[Int32]] = [[]]
        for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state: Int32 = 0
            for value in pattern {
                if let next = children[Int(state)][value] {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    terminal.append([])
                    children[Int(state)][value] = next
                    state = next
                }
            }
            terminal[Int(state)].append(Int32(id))
        }
        let stateCount = children.count
        var fail = [Int32](repeating: 0, count: stateCount)
        var order: [Int32] = []
        order.reserveCapacity(stateCount)
        var queue: [Int32] = Array(children[0].values)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            order.append(state)
            for (value, child) in children[Int(state)] {
                var f = fail[Int(state)]
                while f != 0, children[Int(f)][value] == nil { f = fail[Int(f)] }
                let target = children[Int(f)][value] ?? 0
                fail[Int(child)] = (target == child) ? 0 : target
                queue.append(child)
            }
        }
        // Outputs: own patterns plus the failure state's (already complete in BFS order).
        var merged = terminal
        for state in order { merged[Int(state)].append(contentsOf: merged[Int(fail[Int(state)])]) }
        var outputStart = [Int32](repeating: 0, count: stateCount + 1)
        var outputs: [Int32] = []
        for state in 0..<stateCount {
            outputStart[state] = Int32(outputs.count)
            outputs.append(contentsOf: merged[state])
        }
        outputStart[stateCount] = Int32(outputs.count)
        // Hash table of non-root transitions.
        let edgeCount = children.reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < edgeCount * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: .max, count: capacity)
        var values = [Int32](repeating: 0, count: capacity)
        var rootNext = [Int32](repeating: -1, count: 0x10000)
        for state in 0..<stateCount {
            for (value, child) in children[state] {
                if state == 0 && value < 0x10000 {
                    rootNext[Int(value)] = child
                    continue
                }
                let key = UInt64(state) << 21 | UInt64(value)
                var slot = Self.home(key, mask: capacity - 1)
                while keys[slot] != .max { slot = (slot + 1) & (capacity - 1) }
                keys[slot] = key
                values[slot] = child
            }
        }
        self.rootNext = rootNext
        self.keys = keys
        self.values = values
        self.mask = capacity - 1
        self.fail = fail
        self.outputStart = outputStart
        self.outputs = outputs
        self.patternLengths = patterns.map(\.count)
    }

    /// The first table position of a transition key: Fibonacci hashing (one multiply, the high bits), enough to
    /// spread (state, scalar) keys and cheaper than a full mixer on the per-scalar path.
    @inline(__always) private static func home(_ key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) private func next(_ state: Int32, _ value: UInt32) -> Int32 {
        if state == 0 {
            return value < 0x10000 ? rootNext[Int(value)] : lookup(0, value)
        }
        return lookup(state, value)
    }

    @inline(__always) private func lookup(_ state: Int32, _ value: UInt32) -> Int32 {
        let key = UInt64(state) << 21 | UInt64(value)
        var slot = Self.home(key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == .max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Calls `body(patternID, endIndex)` for every occurrence of every pattern in `text` (end index exclusive).
    public func forEachMatch(in text: [UInt32], _ body: (Int, Int) -> Void) {
        var state: Int32 = 0
        for (index, value) in text.enumerated() {
            while true {
                let target = next(state, value)
                if target >= 0 {
                    state = target
                    break
                }
                if state == 0 { break }
                state = fail[Int(state)]
            }
            let start = Int(outputStart[Int(state)])
            let end = Int(outputStart[Int(state) + 1])
            if start < end {
                for position in start..<end { body(Int(outputs[position]), index + 1) }
            }
        }
    }

    /// The distinct pattern ids occurring in `text`, sorted.
    public func matches(in text: [UInt32]) -> [Int] {
        var found: [Int] = []
        forEachMatch(in: text) { id, _ in
            if !found.contains(id) { found.append(id) }
        }
        return found.sorted()
    }
}
