/// A topic centroid (issue 5, §6): packed term → summed TF-IDF weight, as two parallel arrays sorted by term.
/// Centroids hold at most a few hundred terms, so a binary search over a dense array is cheaper than hashing
/// (no hash function, no probing, one cache line per few steps) and takes a third of a `Dictionary`'s memory.
/// Orderings that matter for results (pruning, indexing, keywords) sort by weight with ties to the smaller term,
/// so they do not depend on the storage order.
struct TermWeights: Sendable {
    /// The terms, ascending.
    private(set) var keys: [UInt64] = []
    /// The weight of `keys[i]`.
    private(set) var values: [Float] = []

    /// Creates an empty centroid.
    init() {}

    /// Creates a centroid from (term, weight) pairs with distinct terms, in any order.
    init(_ entries: some Sequence<(key: UInt64, value: Float)>) {
        let sorted = entries.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// Number of terms.
    var count: Int { keys.count }

    /// The position of `key`, or where it would be inserted (lower bound).
    @inline(__always) private func position(of key: UInt64) -> Int {
        // Branch-free lower bound (the comparisons are unpredictable, the selects are not).
        keys.withUnsafeBufferPointer { keys in
            var length = keys.count
            guard length > 0 else { return 0 }
            var base = 0
            while length > 1 {
                let half = length >> 1
                base = keys[base + half] < key ? base + half : base
                length -= half
            }
            return keys[base] < key ? base + 1 : base
        }
    }

    /// The weight of `key`, if present.
    @inline(__always) subscript(key: UInt64) -> Float? {
        let index = position(of: key)
        return index < keys.count && keys[index] == key ? values[index] : nil
    }

    /// Adds `weight` to `key`'s weight (inserting the term if absent, unless `onlyExisting`); returns the old and
    /// new weight (old 0 for a new term), or nil when nothing changed.
    @inline(__always) mutating func add(
        _ weight: Float, to key: UInt64, onlyExisting: Bool
    ) -> (old: Float, new: Float)? {
        let index = position(of: key)
        if index < keys.count && keys[index] == key {
            let old = values[index]
            let new = old + weight
            values[index] = new
            return (old, new)
        }
        if onlyExisting { return nil }
        // Same arithmetic as `0 + weight` on a missing entry.
        let new: Float = 0 + weight
        keys.insert(key, at: index)
        values.insert(new, at: index)
        return (0, new)
    }

    /// Σ weight · self[term] over `vector` (sorted by term), summed in the vector's order: one merge pass
    /// instead of a binary search per term (the same products and sums, so the same result).
    func dot(_ vector: [(term: UInt64, weight: Float)]) -> Float {
        var dot: Float = 0
        var index = 0
        var previous: UInt64 = 0
        for entry in vector {
            // Terms ascend in a post vector; if one does not, fall back to a search from the start.
            if entry.term < previous { index = 0 }
            previous = entry.term
            while index < keys.count && keys[index] < entry.term { index += 1 }
            dot += entry.weight * (index < keys.count && keys[index] == entry.term ? values[index] : 0)
        }
        return dot
    }

    /// Adds each entry of `vector` (sorted by term) to the weights, new terms only unless `onlyExisting`, and
    /// returns `norm2` updated by new² − old² per changed term in the vector's order — the results of calling
    /// `add(_:to:onlyExisting:)` per entry, in one merge of two sorted lists instead of an insertion per term.
    mutating func add(_ vector: [(term: UInt64, weight: Float)], onlyExisting: Bool, norm2: Float) -> Float {
        var norm2 = norm2
        var sorted = true
        for index in vector.indices.dropFirst() where vector[index].term <= vector[index - 1].term { sorted = false }
        guard sorted else {
            for entry in vector {
                guard let (old, new) = add(entry.weight, to: entry.term, onlyExisting: onlyExisting) else { continue }
                norm2 += new * new - old * old
            }
            return norm2
        }
        // The merged size first, so that the arrays are allocated once and exactly.
        var index = 0
        var size = keys.count
        if !onlyExisting {
            for entry in vector {
                while index < keys.count && keys[index] < entry.term { index += 1 }
                if !(index < keys.count && keys[index] == entry.term) { size += 1 }
            }
        }
        guard size > keys.count || !onlyExisting || !keys.isEmpty else { return norm2 }
        var mergedKeys: [UInt64] = []
        var mergedValues: [Float] = []
        mergedKeys.reserveCapacity(size)
        mergedValues.reserveCapacity(size)
        index = 0
        for entry in vector {
            while index < keys.count && keys[index] < entry.term {
                mergedKeys.append(keys[index])
                mergedValues.append(values[index])
                index += 1
            }
            if index < keys.count && keys[index] == entry.term {
                let old = values[index]
                let new = old + entry.weight
                mergedKeys.append(entry.term)
                mergedValues.append(new)
                norm2 += new * new - old * old
                index += 1
            } else if !onlyExisting {
                // Same arithmetic as `0 + weight` on a missing entry.
                let new: Float = 0 + entry.weight
                mergedKeys.append(entry.term)
                mergedValues.append(new)
                norm2 += new * new - 0 * 0
            }
        }
        while index < keys.count {
            mergedKeys.append(keys[index])
            mergedValues.append(values[index])
            index += 1
        }
        keys = mergedKeys
        values = mergedValues
        return norm2
    }

    /// The `count` heaviest entries, ties to the smaller term — `byWeight().prefix(count)` without sorting them all.
    func heaviest(_ count: Int) -> [(key: UInt64, value: Float)] {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                Self.heaviest(of: keys.count, count) { (keys[$0], values[$0]) }
            }
        }
    }

    /// The first `count` of `entries` by descending weight, ties to the smaller term (distinct terms, so a total
    /// order and the same result as a full sort).
    static func heaviest(_ entries: [(key: UInt64, value: Float)], _ count: Int) -> [(key: UInt64, value: Float)] {
        entries.withUnsafeBufferPointer { entries in heaviest(of: entries.count, count) { entries[$0] } }
    }

    /// The `count` heaviest of the `total` entries `entry(0)`, `entry(1)`, …: insertion into a short sorted list in
    /// a temporary buffer.
    @inline(__always) private static func heaviest(
        of total: Int, _ count: Int, _ entry: (Int) -> (key: UInt64, value: Float)
    ) -> [(key: UInt64, value: Float)] {
        guard count > 0 else { return [] }
        return withUnsafeTemporaryAllocation(of: (key: UInt64, value: Float).self, capacity: count) { top in
            top.initialize(repeating: (0, 0))
            var size = 0
            for index in 0..<total {
                let candidate = entry(index)
                if size == count {
                    let last = top[count - 1]
                    guard candidate.value > last.value || (candidate.value == last.value && candidate.key < last.key)
                    else { continue }
                    size -= 1
                }
                var position = size
                while position > 0 {
                    let before = top[position - 1]
                    guard
                        candidate.value > before.value
                            || (candidate.value == before.value && candidate.key < before.key)
                    else { break }
                    top[position] = before
                    position -= 1
                }
                top[position] = candidate
                size += 1
            }
            return Array(top[..<size])
        }
    }

    /// The entries by descending weight, ties to the smaller term.
    func byWeight() -> [(key: UInt64, value: Float)] {
        var entries: [(key: UInt64, value: Float)] = []
        entries.reserveCapacity(keys.count)
        for index in keys.indices { entries.append((keys[index], values[index])) }
        entries.sort { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        return entries
    }
}
