/// Counts per 64-bit key for `DailyCounters` (issue 5, §7): open addressing with linear probing, at most half
/// full, keys and counts in parallel arrays, positions from the key mixed with MurmurHash3's finaliser. A post adds
/// to about ten counters, so a `Dictionary`'s per-lookup SipHash was a visible share of the engine's time.
struct CounterTable: Sendable {
    /// Marks an empty position; the key kind (top 4 bits) of a real key is never 0xF.
    private static let empty = UInt64.max

    private var keys = [UInt64](repeating: Self.empty, count: 64)
    private var counts = [Int32](repeating: 0, count: 64)
    private var used = 0

    /// The count of `key` (0 when absent).
    subscript(key: UInt64) -> Int32 {
        let (position, found) = SlotTable.probe(keys, key, from: Self.home(key), empty: Self.empty)
        return found ? counts[position] : 0
    }

    @inline(__always) private static func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: Shingles.mix(key)) }

    /// Adds `amount` to the count of `key` (wrapping).
    mutating func add(_ key: UInt64, _ amount: Int32) {
        if (used + 1) * 2 > keys.count { rebuild(capacity: keys.count * 2) }
        let (position, found) = SlotTable.probe(keys, key, from: Self.home(key), empty: Self.empty)
        if found {
            counts[position] &+= amount
        } else {
            keys[position] = key
            counts[position] = amount
            used += 1
        }
    }

    /// Calls `body` with every key held.
    func forEachKey(_ body: (UInt64) -> Void) {
        for key in keys where key != Self.empty { body(key) }
    }

    /// Removes the keys for which `shouldRemove` holds.
    mutating func removeAll(where shouldRemove: (UInt64) -> Bool) {
        var kept = 0
        for key in keys where key != Self.empty && !shouldRemove(key) { kept += 1 }
        var capacity = 64
        while capacity < kept * 2 + 2 { capacity <<= 1 }
        rebuild(capacity: capacity, dropping: shouldRemove)
    }

    private mutating func rebuild(capacity: Int, dropping shouldRemove: (UInt64) -> Bool = { _ in false }) {
        let oldKeys = keys
        let oldCounts = counts
        keys = [UInt64](repeating: Self.empty, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        used = 0
        for index in oldKeys.indices where oldKeys[index] != Self.empty && !shouldRemove(oldKeys[index]) {
            let (position, _) = SlotTable.probe(
                keys, oldKeys[index], from: Self.home(oldKeys[index]), empty: Self.empty)
            keys[position] = oldKeys[index]
            counts[position] = oldCounts[index]
            used += 1
        }
    }
}
