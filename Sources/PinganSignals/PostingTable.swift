/// The inverted index of the topic clusterer (issue 5, §6): term → the ids of the topics indexed under it, oldest
/// first, at most a given number (the most recent). Open addressing with linear probing at most three-quarters full,
/// positions from the term mixed with MurmurHash3's finaliser, deletion by shifting the following entries back (no
/// tombstones). Replaces `Dictionary<UInt64, [Int32]>`, whose SipHash per lookup cost more than the probe: an
/// original post looks up its ten heaviest terms.
struct PostingTable: Sendable {
    /// Marks an empty position; the (astronomically unlikely) real term with this value is kept aside.
    private static let empty = UInt64.max

    private var keys: [UInt64]
    private var lists: [[Int32]]
    private var used = 0
    private var emptyKeyList: [Int32] = []

    /// Creates an empty table.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        lists = [[Int32]](repeating: [], count: size)
    }

    /// Number of terms with postings.
    var count: Int { used + (emptyKeyList.isEmpty ? 0 : 1) }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: Shingles.mix(key)) & (keys.count - 1)
    }

    /// The position of `key`, or the empty position where it would go.
    @inline(__always) private func probe(_ key: UInt64) -> (position: Int, found: Bool) {
        SlotTable.probe(keys, key, from: home(key), empty: Self.empty)
    }

    /// The postings of `key`, oldest first; nil when it has none.
    subscript(key: UInt64) -> [Int32]? {
        if key == Self.empty { return emptyKeyList.isEmpty ? nil : emptyKeyList }
        let (position, found) = probe(key)
        return found ? lists[position] : nil
    }

    /// Appends `id` to the postings of `key` and keeps the last `limit`.
    mutating func append(_ id: Int32, to key: UInt64, keeping limit: Int) {
        if key == Self.empty {
            Self.append(id, to: &emptyKeyList, keeping: limit)
            return
        }
        if (used + 1) * 4 > keys.count * 3 { grow() }
        let (position, found) = probe(key)
        if !found {
            keys[position] = key
            used += 1
        }
        Self.append(id, to: &lists[position], keeping: limit)
    }

    private static func append(_ id: Int32, to postings: inout [Int32], keeping limit: Int) {
        postings.append(id)
        if postings.count > limit { postings.removeFirst(postings.count - limit) }
    }

    /// Removes `id` from the postings of `key`, and `key` once it has none.
    mutating func remove(_ id: Int32, from key: UInt64) {
        if key == Self.empty {
            emptyKeyList.removeAll { $0 == id }
            return
        }
        let (position, found) = probe(key)
        guard found else { return }
        lists[position].removeAll { $0 == id }
        if lists[position].isEmpty { delete(at: position) }
    }

    /// Empties `position` and moves back each following entry of the run that may live there (Knuth's algorithm R
    /// for linear probing), so that every key stays reachable from its home without tombstones.
    private mutating func delete(at position: Int) {
        let mask = keys.count - 1
        var hole = position
        var next = (position + 1) & mask
        while keys[next] != Self.empty {
            // The entry at `next` may fill the hole if the hole lies between its home and `next`.
            if (next - home(keys[next])) & mask >= (next - hole) & mask {
                keys[hole] = keys[next]
                lists[hole] = lists[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        keys[hole] = Self.empty
        lists[hole] = []
        used -= 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldLists = lists
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        lists = [[Int32]](repeating: [], count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != Self.empty {
            let (position, _) = probe(oldKeys[index])
            keys[position] = oldKeys[index]
            lists[position] = oldLists[index]
        }
    }
}
