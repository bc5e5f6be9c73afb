/// Daily post counts per key for aberration detection (issue 5, §7): per story, domain, region and subject,
/// keyed by a kind and an integer id (regions are interned by the engine). Bounded: entries older than `days`
/// days are dropped once a week of days has passed.
public struct DailyCounters: Sendable {
    /// What a counter counts.
    public enum Kind: UInt64, Sendable {
        /// A story (topic chain).
        case story = 1
        /// A risk domain (index into the `DomainLexicon`).
        case domain = 2
        /// A region (interned id).
        case region = 3
        /// A monitoring subject (index).
        case subject = 4
    }

    /// Days kept.
    public let days: Int
    private var counts = CounterTable()
    private var latestDay = Int.min
    private var lastPrune = Int.min

    /// Creates counters keeping `days` days (at least the EARS C3 need of 12).
    public init(days: Int = 35) {
        self.days = max(days, 12)
    }

    // kind: 4 bits, id: 40 bits, day: 20 bits (days since 1970 stay below 2²⁰ until the year 4840).
    @inline(__always) private static func key(_ kind: Kind, _ id: Int, _ day: Int) -> UInt64 {
        kind.rawValue << 60 | (UInt64(truncatingIfNeeded: id) & 0xFF_FFFF_FFFF) << 20
            | UInt64(truncatingIfNeeded: day) & 0xF_FFFF
    }

    /// Adds `count` posts to counter (`kind`, `id`) on `day`.
    public mutating func add(_ kind: Kind, id: Int, day: Int, count: Int = 1) {
        if day > latestDay {
            latestDay = day
            if lastPrune == Int.min { lastPrune = day }
            if day - lastPrune >= 7 {
                lastPrune = day
                let cutoff = UInt64(truncatingIfNeeded: day - days) & 0xF_FFFF
                counts.removeAll { $0 & 0xF_FFFF <= cutoff }
            }
        }
        guard day > latestDay - days else { return }
        counts.add(Self.key(kind, id, day), Int32(truncatingIfNeeded: count))
    }

    /// The counts of (`kind`, `id`) for the `length` days ending on `day` (zeros where nothing was counted).
    public func series(_ kind: Kind, id: Int, endingOn day: Int, length: Int) -> [Double] {
        ((day - length + 1)...day).map { Double(counts[Self.key(kind, id, $0)]) }
    }

    /// The ids counted for `kind` within the kept days.
    public func ids(of kind: Kind) -> [Int] {
        var ids = Set<Int>()
        counts.forEachKey { key in
            if key >> 60 == kind.rawValue { ids.insert(Int((key >> 20) & 0xFF_FFFF_FFFF)) }
        }
        return ids.sorted()
    }

    /// The latest day seen.
    public var lastDay: Int { latestDay }
}
