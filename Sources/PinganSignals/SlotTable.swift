/// A map from already-mixed 64-bit keys (content hashes, LSH band keys) to 32-bit slots, for the near-duplicate
/// index (issue 5, §3). Open addressing with linear probing at most three-quarters full, keys and values in
/// parallel arrays. The keys are outputs of a 64-bit mixer, so their low bits index the table directly: unlike
/// `Dictionary`, no per-lookup SipHash, which cost more than the rest of the band lookups.
struct SlotTable: Sendable {
    /// Marks an empty position; the (astronomically unlikely) real key with this value is kept aside.
    private static let empty = UInt64.max

    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private var used = 0
    private var emptyKeyValue: Int32?

    /// Creates an empty table.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity { size <<= 1 }
        keys = [UInt64](repeating: Self.empty, count: size)
        values = [Int32](repeating: 0, count: size)
        mask = size - 1
    }

    /// Number of keys held.
    var count: Int { used + (emptyKeyValue == nil ? 0 : 1) }

    /// The position of `key` in `keys` probing linearly from `home`, or the first empty position on the way (where
    /// it would be inserted); `keys.count` must be a power of two with at least one empty position.
    @inline(__always) static func probe(
        _ keys: [UInt64], _ key: UInt64, from home: Int, empty: UInt64
    )
        -> (position: Int, found: Bool)
    {
        keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var position = home & mask
            while true {
                let stored = keys[position]
                if stored == key { return (position, true) }
                if stored == empty { return (position, false) }
                position = (position + 1) & mask
            }
        }
    }

    /// The value of `key`, if present.
    @inline(__always) subscript(key: UInt64) -> Int32? {
        if key == Self.empty { return emptyKeyValue }
        let (position, found) = Self.probe(keys, key, from: Int(truncatingIfNeeded: key), empty: Self.empty)
        return found ? values[position] : nil
    }

    /// Sets the value of `key` (inserting or replacing).
    mutating func set(_ key: UInt64, _ value: Int32) {
        if key == Self.empty {
            emptyKeyValue = value
            return
        }
        if (used + 1) * 4 > keys.count * 3 { grow() }
        let (position, found) = Self.probe(keys, key, from: Int(truncatingIfNeeded: key), empty: Self.empty)
        if !found {
            keys[position] = key
            used += 1
        }
        values[position] = value
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        for index in oldKeys.indices where oldKeys[index] != Self.empty {
            var slot = Int(truncatingIfNeeded: oldKeys[index]) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}
