import CPinganSignalsSIMD

/// The near-duplicate index of issue 5, §3: an exact hash of the normalised content first, then MinHash (128
/// permutations over character trigrams, 256 16-bit slots) with LSH banding; LSH candidates are verified with the
/// signature estimate against the Jaccard `threshold` (default 0.7). A duplicate is merged into its original — the
/// original's count grows — and never dropped, because volume is evidence. Memory is bounded: two generations of half the window
/// each, the older one discarded when a new one starts; an original keeps an 8-bit fingerprint of each signature
/// slot (256 bytes) and one chain link per band. Two different slot minima have equal fingerprints with
/// probability 1/256, so the estimate from fingerprints is corrected for it: Ĵ = (e − 1/256)/(1 − 1/256) for a
/// fraction e of equal fingerprints (unbiased, where the 16-bit folds of 128 32-bit slots used before were biased
/// upwards; with twice the slots the error is √2 smaller in the same memory).
public struct NearDuplicateIndex: Sendable {
    /// What the index says about a post.
    public enum Verdict: Sendable, Equatable {
        /// Not seen before: the post is now an original.
        case original
        /// The same normalised content as the original with this id.
        case exact(of: String)
        /// Estimated Jaccard ≥ threshold with the original with this id.
        case near(of: String, similarity: Double)

        /// The id of the original for a duplicate, `nil` for an original.
        public var originalID: String? {
            switch self {
            case .original: nil
            case .exact(let id): id
            case .near(let id, _): id
            }
        }
    }

    private struct Generation: Sendable {
        var start: Int64
        var exact = SlotTable()
        var buckets = BandTable(capacity: 1024)
        var chain: [Int32] = []
        var fingerprints: [UInt8] = []
        var ids: [String] = []
        var counts: [Int32] = []
        var payloads: [Int32] = []
    }

    /// The Jaccard threshold.
    public let threshold: Double
    /// The LSH bands × rows.
    public let parameters: LSHParameters
    /// The window in seconds over which duplicates are recognised (between half and all of it is retained).
    public let windowSeconds: Int64
    private let hasher: MinHasher
    private var current: Generation
    private var previous: Generation?
    private let maxCandidates = 64
    /// The fewest equal fingerprints (of `MinHasher.slots`) whose corrected estimate reaches `threshold`.
    private let minimumEqual: Int

    /// Creates an index for `threshold` (0 < t ≤ 1) with LSH parameters chosen by `LSHParameters.forThreshold`.
    public init(threshold: Double = 0.7, windowSeconds: Int64 = 7 * 86_400, parameters: LSHParameters? = nil) {
        self.threshold = threshold
        self.parameters = parameters ?? LSHParameters.forThreshold(threshold)
        self.windowSeconds = windowSeconds
        self.hasher = MinHasher()
        let slots = MinHasher.slots
        self.minimumEqual = (0...slots).first { Self.estimate(equal: $0) >= threshold } ?? slots + 1
        self.current = Generation(start: Int64.min)
    }

    /// Number of originals held.
    public var originalCount: Int { current.ids.count + (previous?.ids.count ?? 0) }

    /// The merged count of duplicates (including the original) of the original `id`, if still held.
    public func count(of id: String) -> Int? {
        for generation in [current, previous].compactMap({ $0 }) {
            if let slot = generation.ids.firstIndex(of: id) { return Int(generation.counts[slot]) }
        }
        return nil
    }

    /// Checks the post `id` with normalised `content` at `time` and records it (as an original, or by counting it
    /// into its original).
    public mutating func insert(id: String, content: [UInt32], time: Int64) -> Verdict {
        rotate(to: time)
        lastMatchPayload = -1
        let exactKey = Shingles.contentHash(content)
        if let slot = current.exact[exactKey] {
            current.counts[Int(slot)] &+= 1
            lastMatchPayload = current.payloads[Int(slot)]
            return .exact(of: current.ids[Int(slot)])
        }
        if let slot = previous?.exact[exactKey] {
            previous?.counts[Int(slot)] &+= 1
            lastMatchPayload = previous?.payloads[Int(slot)] ?? -1
            return .exact(of: previous?.ids[Int(slot)] ?? "")
        }
        // The post's shingles, signature, band keys and fingerprints live in temporary buffers (no allocations).
        let shingleCount = Shingles.trigramCount(content.count)
        let bands = parameters.bands
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: shingleCount + bands) { words in
            let shingles = UnsafeMutableBufferPointer(rebasing: words[..<shingleCount])
            let keys = UnsafeMutableBufferPointer(rebasing: words[shingleCount...])
            Shingles.trigrams(content, into: shingles)
            return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: MinHasher.slots) { signature in
                hasher.signature(of: UnsafeBufferPointer(shingles), into: signature)
                bandKeys(UnsafeBufferPointer(signature), into: keys)
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: MinHasher.slots) { fingerprint in
                    for index in signature.indices { fingerprint[index] = UInt8(truncatingIfNeeded: signature[index]) }
                    return record(
                        id: id, exactKey: exactKey, isEmpty: content.isEmpty, UnsafeBufferPointer(fingerprint),
                        UnsafeBufferPointer(keys))
                }
            }
        }
    }

    /// Counts the post into its best near-duplicate original, or records it as an original.
    private mutating func record(
        id: String, exactKey: UInt64, isEmpty: Bool, _ fingerprint: UnsafeBufferPointer<UInt8>,
        _ bandKeys: UnsafeBufferPointer<UInt64>
    ) -> Verdict {
        if !isEmpty, let (inCurrent, slot, similarity) = bestCandidate(fingerprint, bandKeys) {
            if inCurrent {
                current.counts[Int(slot)] &+= 1
                lastMatchPayload = current.payloads[Int(slot)]
                return .near(of: current.ids[Int(slot)], similarity: similarity)
            }
            if previous != nil {
                previous?.counts[Int(slot)] &+= 1
                lastMatchPayload = previous?.payloads[Int(slot)] ?? -1
                return .near(of: previous?.ids[Int(slot)] ?? "", similarity: similarity)
            }
        }
        let slot = Int32(current.ids.count)
        current.ids.append(id)
        current.counts.append(1)
        current.payloads.append(-1)
        current.exact.set(exactKey, slot)
        current.fingerprints.append(contentsOf: fingerprint)
        if !isEmpty {
            for key in bandKeys {
                current.chain.append(current.buckets[key] ?? -1)
                current.buckets.set(key, slot)
            }
        } else {
            current.chain.append(contentsOf: repeatElement(-1, count: bandKeys.count))
        }
        return .original
    }

    /// Attaches `payload` (e.g. a topic id) to the original inserted last.
    public mutating func setLastPayload(_ payload: Int32) {
        if !current.payloads.isEmpty { current.payloads[current.payloads.count - 1] = payload }
    }

    /// The payload of the original that the last `insert` found a duplicate of (−1 when none or not set).
    public private(set) var lastMatchPayload: Int32 = -1

    private mutating func rotate(to time: Int64) {
        if current.start == Int64.min { current.start = time }
        if time >= current.start &+ windowSeconds / 2 {
            previous = current
            current = Generation(start: time)
        }
    }

    /// One key per band: its rows' slots packed four to a word, each word mixed in. Row i of band b is the high
    /// half of product b·r + i, so that the rows of a band come from different products (the two halves of one
    /// product are not independent enough for banding: bands of both halves made several times more candidates).
    private func bandKeys(_ signature: UnsafeBufferPointer<UInt16>, into keys: UnsafeMutableBufferPointer<UInt64>) {
        let rows = parameters.rows
        for band in keys.indices {
            var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            var word: UInt64 = 0
            let first = band * rows
            // Rows four to a word, the last word possibly shorter; each word mixed in when full or at the end.
            for row in 0..<rows {
                word |= UInt64(signature[2 * (first + row) + 1]) << (16 * UInt64(row & 3))
                if row & 3 == 3 || row == rows - 1 {
                    h = Shingles.mix(h ^ word)
                    word = 0
                }
            }
            keys[band] = h
        }
    }

    /// The Jaccard estimate from `equal` equal fingerprints of `MinHasher.slots`, corrected for the chance equality
    /// (1/256) of 8-bit fingerprints of different minima.
    static func estimate(equal: Int) -> Double {
        let fraction = Double(equal) / Double(MinHasher.slots)
        return max(0, (fraction - 1.0 / 256) / (1 - 1.0 / 256))
    }

    private func bestCandidate(
        _ folded: UnsafeBufferPointer<UInt8>, _ keys: UnsafeBufferPointer<UInt64>
    ) -> (Bool, Int32, Double)? {
        var checked: [Int32] = []
        checked.reserveCapacity(maxCandidates)
        if let found = best(in: current, folded, keys, &checked) { return (true, found.0, found.1) }
        if let previous, let found = best(in: previous, folded, keys, &checked) { return (false, found.0, found.1) }
        return nil
    }

    private func best(
        in generation: Generation, _ folded: UnsafeBufferPointer<UInt8>, _ keys: UnsafeBufferPointer<UInt64>,
        _ checked: inout [Int32]
    ) -> (Int32, Double)? {
        let start = checked.count
        // First every band's chain head, then the candidates in visiting order (band by band, each chain newest
        // first, each original once, at most `maxCandidates` in all), then their verification in that order: the
        // same outcome as verifying while walking, but the table and signature loads are independent of one another,
        // so their cache misses overlap instead of queueing behind each verification.
        // The chains are walked one link of every band per round, so that the loads of different bands (each a
        // likely cache miss, dependent on the previous link of its own chain only) overlap; each band's list is
        // then taken in band order, as a walk band by band would visit it. No band contributes more than
        // `maxCandidates`, so a chain is not followed further.
        let bands = keys.count
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: bands * (maxCandidates + 2)) { scratch in
            let cursors = UnsafeMutableBufferPointer(rebasing: scratch[0..<bands])
            let counts = UnsafeMutableBufferPointer(rebasing: scratch[bands..<(2 * bands)])
            let lists = UnsafeMutableBufferPointer(rebasing: scratch[(2 * bands)...])
            for (band, key) in keys.enumerated() {
                cursors[band] = generation.buckets[key] ?? -1
                counts[band] = 0
            }
            generation.chain.withUnsafeBufferPointer { chain in
                var walking = true
                while walking {
                    walking = false
                    for band in 0..<bands {
                        let slot = cursors[band]
                        guard slot >= 0 else { continue }
                        let count = Int(counts[band])
                        lists[band * maxCandidates + count] = slot
                        counts[band] = Int32(count + 1)
                        cursors[band] = count + 1 < maxCandidates ? chain[Int(slot) * bands + band] : -1
                        walking = true
                    }
                }
            }
            for band in 0..<bands {
                for slot in lists[(band * maxCandidates)..<(band * maxCandidates + Int(counts[band]))] {
                    guard checked.count < maxCandidates else { return }
                    if !checked[start...].contains(slot) { checked.append(slot) }
                }
            }
        }
        // Start loading every candidate's fingerprints (four cache lines each) before the first is compared.
        generation.fingerprints.withUnsafeBytes { stored in
            guard let base = stored.baseAddress else { return }
            for slot in checked[start...] {
                for line in stride(from: 0, to: MinHasher.slots, by: 64) {
                    pingan_prefetch(base + Int(slot) * MinHasher.slots + line)
                }
            }
        }
        var best: (Int32, Double)?
        var bestEqual = 0
        for slot in checked[start...] {
            // A candidate counts only if it reaches the threshold and beats the best so far; the count of equal
            // slots can stop as soon as it cannot get there (same outcome, less work).
            if let equal = Self.equalSlots(
                folded, generation.fingerprints, Int(slot), atLeast: max(minimumEqual, bestEqual + 1))
            {
                let similarity = Self.estimate(equal: equal)
                best = (slot, similarity)
                bestEqual = equal
                // Practically identical: no better original to find.
                if similarity >= 0.95 { return best }
            }
        }
        return best
    }

    /// The number of equal slots of `signature` and the stored signature `slot`, or nil as soon as it is certain
    /// to stay below `needed`.
    private static func equalSlots(
        _ signature: UnsafeBufferPointer<UInt8>, _ stored: [UInt8], _ slot: Int, atLeast needed: Int
    )
        -> Int?
    {
        let count = signature.count
        let base = slot * count
        var equal = 0
        var reachable = true
        do {
            let left = UnsafeRawBufferPointer(signature)
            stored.withUnsafeBytes { right in
                var offset = 0
                // 64 bytes per step (four 16-byte compares, `pcmpeqb`), then the early-exit check.
                while offset + 64 <= count {
                    var ones = SIMD16<UInt8>()
                    for part in 0..<4 {
                        let a = left.loadUnaligned(fromByteOffset: offset + 16 * part, as: SIMD16<UInt8>.self)
                        let b = right.loadUnaligned(fromByteOffset: base + offset + 16 * part, as: SIMD16<UInt8>.self)
                        ones &+= SIMD16<UInt8>(repeating: 0).replacing(with: 1, where: a .== b)
                    }
                    equal += Int(ones.wrappedSum())
                    offset += 64
                    if equal + (count - offset) < needed {
                        reachable = false
                        return
                    }
                }
                while offset < count {
                    if left.load(fromByteOffset: offset, as: UInt8.self)
                        == right.load(fromByteOffset: base + offset, as: UInt8.self)
                    {
                        equal += 1
                    }
                    offset += 1
                }
            }
        }
        return reachable && equal >= needed ? equal : nil
    }
}
