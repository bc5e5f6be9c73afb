/// The LSH band map of the near-duplicate index (issue 5, §3): band key → the newest original with that band.
/// Open addressing with linear probing at most three-quarters full; one 8-byte entry per key holds the high 32 bits
/// of the (already mixed) key as its tag and the slot, and the tag's low bits pick the position. Against separate
/// 8-byte key and 4-byte value arrays this is one cache line per probe instead of two and two thirds of the memory.
/// Band keys with equal tags are confused (with n keys held, a lookup meets a foreign key with probability about
/// n/2³², 3·10⁻⁴ at a million); that only adds a candidate, and every candidate is verified against its signature,
/// as candidates from genuinely colliding bands are.
struct BandTable: Sendable {
    /// An empty position (a real entry never holds slot −1).
    private static let empty = UInt64.max

    private var entries: [UInt64]
    private var mask: Int
    private var used = 0

    /// Creates an empty table.
    init(capacity: Int = 64) {
        var size = 16
        while size < capacity { size <<= 1 }
        entries = [UInt64](repeating: Self.empty, count: size)
        mask = size - 1
    }

    @inline(__always) private static func entry(_ key: UInt64, _ value: Int32) -> UInt64 {
        key & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(bitPattern: value))
    }

    @inline(__always) private func home(_ tag: UInt64) -> Int { Int(truncatingIfNeeded: tag) & mask }

    /// The slot stored for `key`, if any.
    @inline(__always) subscript(key: UInt64) -> Int32? {
        let tag = key >> 32
        return entries.withUnsafeBufferPointer { entries in
            var position = home(tag)
            while true {
                let stored = entries[position]
                if stored == Self.empty { return nil }
                if stored >> 32 == tag { return Int32(truncatingIfNeeded: stored) }
                position = (position + 1) & mask
            }
        }
    }

    /// Sets the slot of `key` (`value` ≥ 0), inserting or replacing.
    mutating func set(_ key: UInt64, _ value: Int32) {
        if (used + 1) * 4 > entries.count * 3 { grow() }
        let tag = key >> 32
        var position = home(tag)
        while true {
            let stored = entries[position]
            if stored == Self.empty {
                entries[position] = Self.entry(key, value)
                used += 1
                return
            }
            if stored >> 32 == tag {
                entries[position] = Self.entry(key, value)
                return
            }
            position = (position + 1) & mask
        }
    }

    private mutating func grow() {
        let old = entries
        entries = [UInt64](repeating: Self.empty, count: old.count * 2)
        mask = entries.count - 1
        for stored in old where stored != Self.empty {
            var position = home(stored >> 32)
            while entries[position] != Self.empty { position = (position + 1) & mask }
            entries[position] = stored
        }
    }
}
