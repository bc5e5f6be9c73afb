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
        var slot = Int(truncatingIfNeeded: Shingles.mix(key)) & (keys.count - 1)
        while true {
            let stored = keys[slot]
            if stored == key { return counts[slot] }
            if stored == Self.empty { return 0 }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Adds `amount` to the count of `key` (wrapping).
    mutating func add(_ key: UInt64, _ amount: Int32) {
        if (used + 1) * 2 > keys.count { rebuild(capacity: keys.count * 2) }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: Shingles.mix(key)) & mask
        while true {
            let stored = keys[slot]
            if stored == key {
                counts[slot] &+= amount
                return
            }
            if stored == Self.empty {
                keys[slot] = key
                counts[slot] = amount
                used += 1
                return
            }
            slot = (slot + 1) & mask
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
        let mask = capacity - 1
        for index in oldKeys.indices where oldKeys[index] != Self.empty && !shouldRemove(oldKeys[index]) {
            var slot = Int(truncatingIfNeeded: Shingles.mix(oldKeys[index])) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            counts[slot] = oldCounts[index]
            used += 1
        }
    }
}
