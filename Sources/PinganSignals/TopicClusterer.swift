import Foundation

/// Incremental single-pass topic clustering (issue 5, §6; Papka & Allan's on-line single-pass clustering, the EMM
/// daily-cluster-and-link scheme of Pouliquen et al., COLING 2004). A post is a TF-IDF vector over its character
/// bigrams (w = (1 + ln tf)·idf, idf = ln((N + 1)/(df + 1)) + 1 with the post counted in its own df, hashtags ×3),
/// cut to its `vectorTerms` heaviest terms. Candidate topics come from an inverted index over each topic's heaviest
/// terms — never a scan of all topics — and the post joins the most cosine-similar one at or above `threshold`, or
/// starts a topic. Topics are daily: a post that matches a topic of an earlier day (within the 7-day window) starts
/// that story's topic for its day, so a story keeps one identity across days. Document frequencies live in a fixed
/// table of 2¹⁸ counters halved every window (bounded, approximate under hash collisions); topics idle for a whole
/// window are dropped.
public struct TopicClusterer: Sendable {
    /// Cosine threshold to join a topic.
    public var threshold: Float
    /// Window for story linking and ageing, in seconds.
    public var windowSeconds: Int64
    /// Terms kept per post vector.
    public var vectorTerms = 24
    /// Terms kept per topic centroid (pruned back to this when it doubles).
    public var centroidTerms = 48
    /// Terms of a topic put into the inverted index.
    public var indexedTerms = 16
    /// Topics kept per inverted-index posting list (the most recent).
    public var maxPostings = 16
    /// Post terms looked up in the inverted index (the heaviest).
    public var queryTerms = 10
    /// Candidate topics scored by cosine (those sharing most query terms).
    public var maxCandidates = 4
    /// Once a topic has this many originals its vocabulary is settled: only existing centroid terms grow.
    public var settledAfter = 8

    /// log₂ of the number of document-frequency counters (2¹⁸ × 4 bytes = 1 MiB, sized to stay in cache).
    static let frequencyBits = 18

    private var documentFrequency: [UInt32]
    private var documents = 0
    private var lastDecay: Int64 = Int64.min
    private var topics: [Int: Topic] = [:]
    private var index = PostingTable()
    private var nextID = 1
    private var currentDay = Int.min
    /// The sources and regions counted by the topics, interned.
    private var names = NameTable()

    /// Creates a clusterer.
    public init(threshold: Float = 0.25, windowSeconds: Int64 = 7 * 86_400) {
        self.threshold = threshold
        self.windowSeconds = windowSeconds
        self.documentFrequency = [UInt32](repeating: 0, count: 1 << Self.frequencyBits)
    }

    /// Number of topics held.
    public var topicCount: Int { topics.count }

    /// The topic with `id`, if still held.
    public func topic(_ id: Int) -> Topic? { topics[id].map(named) }

    /// The story of topic `id`, if the topic is still held (without copying the topic).
    public func storyID(of id: Int) -> Int? { topics[id]?.storyID }

    /// All held topics, by id.
    public var allTopics: [Topic] { topics.values.sorted { $0.id < $1.id }.map(named) }

    /// `topic` with its sources and regions by name.
    private func named(_ topic: Topic) -> Topic {
        var topic = topic
        let names = names.names
        topic.sources = topic.sourceCounts.dictionary { names[Int($0)] }
        topic.regions = topic.regionCounts.dictionary { names[Int($0)] }
        return topic
    }

    /// The weighted vector of a normalised text: (term, weight) sorted by term, at most `vectorTerms` entries.
    public func vector(_ text: NormalizedText) -> [(term: UInt64, weight: Float)] {
        vector(text, bigrams: Self.bigramCounts(text.content))
    }

    /// The distinct packed bigrams of `content` with their number of occurrences, in order of first appearance.
    /// (Sorting all of a post's hundred bigrams to count them cost more than the rest of the vector; now only the
    /// kept terms are sorted.)
    static func bigramCounts(_ content: [UInt32]) -> [(key: UInt64, count: Int32)] {
        guard content.count >= 2 else { return [] }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: content.count - 1) { keys in
            content.withUnsafeBufferPointer { content in
                for position in keys.indices {
                    keys[position] = UInt64(content[position]) << 21 | UInt64(content[position + 1])
                }
            }
            return occurrences(UnsafeBufferPointer(keys))
        }
    }

    /// The vector from the post's distinct bigrams (any order) and its hashtags: the weights of all, then the
    /// heaviest `vectorTerms` in term order — the same terms and weights, in the same order, as weighting the
    /// bigrams in term order: ties at the cut go to the smallest bigrams, then to hashtags in text order.
    private func vector(
        _ text: NormalizedText, bigrams: [(key: UInt64, count: Int32)]
    ) -> [(term: UInt64, weight: Float)] {
        var terms: [(term: UInt64, weight: Float)] = []
        terms.reserveCapacity(bigrams.count + text.hashtags.count)
        let total = Float(documents + 1)
        // Read once per call: a static read per term went through the lazy initialiser's check each time.
        let factors = Self.frequencyFactors
        for (term, count) in bigrams {
            let df = Float(documentFrequency[Self.slot(term)])
            let tf = Int(count)
            let weight = (tf < 64 ? factors[tf] : 1 + logf(Float(tf))) * (logf(total / (df + 1)) + 1)
            terms.append((term, weight))
        }
        let bigramCount = terms.count
        for tag in text.hashtags where !tag.isEmpty {
            let key = Self.hashtagKey(tag)
            let df = Float(documentFrequency[Self.slot(key)])
            terms.append((key, 3 * (logf(total / (df + 1)) + 1)))
        }
        guard terms.count > vectorTerms else {
            // All terms: the bigrams in term order, then the hashtags as they came.
            Self.sortByTerm(&terms, prefix: bigramCount)
            return terms
        }
        // Keep the heaviest `vectorTerms`: partial selection of the cut, not a full sort.
        let cut = withUnsafeTemporaryAllocation(of: Float.self, capacity: terms.count) { weights in
            for (index, entry) in terms.enumerated() { weights[index] = entry.weight }
            return Self.select(weights, rank: vectorTerms - 1)
        }
        var tiedQuota = vectorTerms
        for entry in terms where entry.weight > cut { tiedQuota -= 1 }
        var kept: [(term: UInt64, weight: Float)] = []
        kept.reserveCapacity(vectorTerms)
        var tied: [(term: UInt64, weight: Float)] = []
        for entry in terms[..<bigramCount] {
            if entry.weight > cut {
                kept.append(entry)
            } else if entry.weight == cut {
                tied.append(entry)
            }
        }
        if !tied.isEmpty {
            Self.sortByTerm(&tied)
            let taken = min(tiedQuota, tied.count)
            kept.append(contentsOf: tied[..<taken])
            tiedQuota -= taken
        }
        Self.sortByTerm(&kept)
        for entry in terms[bigramCount...] {
            if entry.weight > cut {
                kept.append(entry)
            } else if entry.weight == cut, tiedQuota > 0 {
                kept.append(entry)
                tiedQuota -= 1
            }
        }
        // Bigrams are in term order; only hashtags (high bit set, at the end) may need sorting.
        if zip(kept, kept.dropFirst()).contains(where: { $0.term > $1.term }) { kept.sort { $0.term < $1.term } }
        return kept
    }

    /// Sorts the first `prefix` (default: all) of `terms` by term, which are distinct there: insertion sort, for
    /// the two dozen terms of a post vector.
    static func sortByTerm(_ terms: inout [(term: UInt64, weight: Float)], prefix: Int? = nil) {
        let count = prefix ?? terms.count
        guard count > 1 else { return }
        terms.withUnsafeMutableBufferPointer { terms in
            for index in 1..<count {
                let entry = terms[index]
                var position = index
                while position > 0, terms[position - 1].term > entry.term {
                    terms[position] = terms[position - 1]
                    position -= 1
                }
                terms[position] = entry
            }
        }
    }

    /// 1 + ln tf for small term frequencies, computed once with the same `logf` (identical values).
    private static let frequencyFactors: [Float] = (0..<64).map { 1 + logf(Float($0)) }

    /// The value of rank `rank` (0 = largest) of `values` (Hoare's quickselect; reorders `values`).
    static func select(_ values: UnsafeMutableBufferPointer<Float>, rank: Int) -> Float {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if rank <= j {
                high = j
            } else if rank >= i {
                low = i
            } else {
                return values[rank]
            }
        }
        return values[rank]
    }

    private static func hashtagKey(_ tag: String) -> UInt64 {
        Shingles.contentHash(tag.unicodeScalars.map(\.value)) | (1 << 63)
    }

    @inline(__always) private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: Shingles.mix(key)) & ((1 << Self.frequencyBits) - 1)
    }

    /// Assigns an original post and returns its topic id. `domain` and `subjects` come from the engine.
    public mutating func assign(
        post: Post, text: NormalizedText, sentiment: Sentiment, domain: Int?, subjects: [Int]
    ) -> Int {
        advance(to: post)
        // The post counts in its own document frequencies (as scikit-learn's smooth IDF does).
        documents += 1
        let bigrams = Self.bigramCounts(text.content)
        // One uniqueness check for the whole loop, so the table's cache misses can overlap.
        documentFrequency.withUnsafeMutableBufferPointer { frequencies in
            for entry in bigrams {
                let slot = Self.slot(entry.key)
                if frequencies[slot] < UInt32.max { frequencies[slot] += 1 }
            }
        }
        for tag in Set(text.hashtags) where !tag.isEmpty {
            let slot = Self.slot(Self.hashtagKey(tag))
            if documentFrequency[slot] < UInt32.max { documentFrequency[slot] += 1 }
        }
        let vector = vector(text, bigrams: bigrams)
        var norm2: Float = 0
        for entry in vector { norm2 += entry.weight * entry.weight }
        let postNorm = norm2.squareRoot()

        // Candidates: topics sharing the post's heaviest terms, ranked by the number of terms shared. Terms seen in
        // no other post (df = 1) cannot be in any topic and are skipped.
        var hits: [UInt64] = []
        hits.reserveCapacity(queryTerms * maxPostings)
        var indexable: [(key: UInt64, value: Float)] = []
        indexable.reserveCapacity(vector.count)
        for entry in vector where documentFrequency[Self.slot(entry.term)] >= 2 {
            indexable.append((entry.term, entry.weight))
        }
        let heaviest = TermWeights.heaviest(indexable, queryTerms)
        for entry in heaviest {
            for topic in index[entry.key] ?? [] { hits.append(UInt64(UInt32(bitPattern: topic))) }
        }
        var ranked = hits.withUnsafeBufferPointer { Self.occurrences($0) }
        // Partial selection of the `maxCandidates` best (most shared terms, then most recent).
        var chosen: [Int32] = []
        for _ in 0..<min(maxCandidates, ranked.count) {
            var bestIndex = 0
            for index in 1..<ranked.count {
                let lhs = ranked[index]
                let rhs = ranked[bestIndex]
                if lhs.count > rhs.count || (lhs.count == rhs.count && lhs.key > rhs.key) { bestIndex = index }
            }
            chosen.append(Int32(truncatingIfNeeded: ranked[bestIndex].key))
            ranked[bestIndex].count = -1
        }
        var best: (id: Int, similarity: Float)?
        for candidate in chosen {
            // Read the candidate in place (a copy of the whole topic would retain and release all its tables).
            guard let position = topics.index(forKey: Int(candidate)) else { continue }
            let norm2 = topics.values[position].norm2
            guard !topics.values[position].superseded, norm2 > 0, postNorm > 0 else { continue }
            let dot = topics.values[position].centroid.dot(vector)
            let similarity = dot / (postNorm * norm2.squareRoot())
            if similarity >= threshold, similarity > (best?.similarity ?? 0) { best = (Int(candidate), similarity) }
        }
        var id: Int
        let bestPosition = best.flatMap { topics.index(forKey: $0.id) }
        let position: Dictionary<Int, Topic>.Index
        if let best, let bestPosition, topics.values[bestPosition].day == post.day {
            id = best.id
            position = bestPosition
        } else {
            id = nextID
            nextID += 1
            var storyID = id
            if let bestPosition {
                storyID = topics.values[bestPosition].storyID
                topics.values[bestPosition].superseded = true
            }
            topics[id] = Topic(
                id: id, storyID: storyID, day: post.day, time: post.time, representativeID: post.id,
                representativeText: Self.prefix(text.text, scalars: 140))
            guard let inserted = topics.index(forKey: id) else { return id }
            position = inserted
        }
        // Mutated in place through the values view: one lookup, storage uniquely referenced.
        let (source, region) = intern(post)
        Self.count(
            post, text, sentiment, domain, subjects, source: source, region: region, duplicate: false,
            into: &topics.values[position])
        Self.addToCentroid(
            vector, of: &topics.values[position], index: &index,
            limits: (settledAfter, centroidTerms, indexedTerms, maxPostings))
        return id
    }

    /// The distinct values of `keys` with their number of occurrences, in order of first appearance: an
    /// open-addressing count in temporary buffers instead of sorting the keys (Fibonacci hashing: the top bits of
    /// the key times 2⁶⁴/φ pick the position).
    static func occurrences(_ keys: UnsafeBufferPointer<UInt64>) -> [(key: UInt64, count: Int32)] {
        guard !keys.isEmpty else { return [] }
        var bits = 4
        while 1 << bits < keys.count * 2 { bits += 1 }
        return withUnsafeTemporaryAllocation(of: (key: UInt64, count: Int32).self, capacity: keys.count) { counts in
            // Per table position: the position + 1 in `counts` of the key there, 0 when empty.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1 << bits) { table in
                table.initialize(repeating: 0)
                let mask = (1 << bits) - 1
                var distinct = 0
                for key in keys {
                    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
                    while true {
                        let entry = Int(table[slot])
                        if entry == 0 {
                            counts.initializeElement(at: distinct, to: (key, 1))
                            distinct += 1
                            table[slot] = Int32(distinct)
                            break
                        }
                        if counts[entry - 1].key == key {
                            counts[entry - 1].count += 1
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
                return Array(UnsafeBufferPointer(rebasing: counts[..<distinct]))
            }
        }
    }

    /// The first `limit` Unicode scalars of `text`; `text` itself (no copy) when it is not longer. Counts the
    /// scalars by their UTF-8 lead bytes (every byte that is not a continuation byte starts one) where the string's
    /// bytes are contiguous, instead of stepping through the scalar view.
    static func prefix(_ text: String, scalars limit: Int) -> String {
        let end = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
            var taken = 0
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if taken == limit { return offset }
                taken += 1
            }
            return bytes.count
        }
        let view = text.unicodeScalars
        var index = view.startIndex
        if let end {
            index = text.utf8.index(text.utf8.startIndex, offsetBy: end)
        } else {
            var taken = 0
            while taken < limit, index != view.endIndex {
                view.formIndex(after: &index)
                taken += 1
            }
        }
        return index == view.endIndex ? text : String(view[..<index])
    }

    /// Counts a duplicate into the topic of its original.
    public mutating func addDuplicate(
        to id: Int, post: Post, text: NormalizedText, sentiment: Sentiment, domain: Int?, subjects: [Int]
    ) {
        guard let position = topics.index(forKey: id) else { return }
        let (source, region) = intern(post)
        Self.count(
            post, text, sentiment, domain, subjects, source: source, region: region, duplicate: true,
            into: &topics.values[position])
    }

    /// The name ids of the post's source and region.
    private mutating func intern(_ post: Post) -> (source: Int32, region: Int32?) {
        (names.intern(post.source), post.region.map { names.intern($0) })
    }

    private static func count(
        _ post: Post, _ text: NormalizedText, _ sentiment: Sentiment, _ domain: Int?, _ subjects: [Int],
        source: Int32, region: Int32?, duplicate: Bool, into topic: inout Topic
    ) {
        topic.count += 1
        if duplicate { topic.duplicates += 1 } else { topic.originals += 1 }
        topic.firstTime = min(topic.firstTime, post.time)
        topic.lastTime = max(topic.lastTime, post.time)
        topic.sourceCounts.add(source)
        // Existing regions count; new ones only while fewer than 256 are held.
        if let region { topic.regionCounts.add(region, limit: 256) }
        for tag in text.hashtags {
            if topic.hashtags.count < 64 {
                topic.hashtags[tag, default: 0] += 1
            } else if let position = topic.hashtags.index(forKey: tag) {
                topic.hashtags.values[position] += 1
            }
        }
        topic.reposts += post.reposts
        topic.comments += post.comments
        topic.likes += post.likes
        if sentiment.label == .negative { topic.negative += 1 }
        if let domain { topic.domainCounts.add(Int32(domain)) }
        topic.count(subjects: subjects)
    }

    private static func addToCentroid(
        _ vector: [(term: UInt64, weight: Float)], of topic: inout Topic, index: inout PostingTable,
        limits: (settledAfter: Int, centroidTerms: Int, indexedTerms: Int, maxPostings: Int)
    ) {
        let (settledAfter, centroidTerms, indexedTerms, maxPostings) = limits
        let id = topic.id
        let settled = topic.originals > settledAfter
        topic.norm2 = topic.centroid.add(vector, onlyExisting: settled, norm2: topic.norm2)
        if topic.centroid.count > centroidTerms * 2 {
            let kept = topic.centroid.heaviest(centroidTerms)
            topic.centroid = TermWeights(kept)
            topic.norm2 = kept.reduce(0) { $0 + $1.value * $1.value }
        }
        // Index the heaviest terms at creation and whenever the topic doubles.
        let originals = topic.originals
        if originals & (originals - 1) == 0 {
            let top = topic.centroid.heaviest(indexedTerms).map(\.key)
            for term in top where !topic.indexedTerms.contains(term) {
                // Bounded posting lists: a term shared by many topics keeps only the most recent ones.
                index.append(Int32(id), to: term, keeping: maxPostings)
                topic.indexedTerms.append(term)
            }
        }
    }

    /// Day change: drop topics idle for a whole window, halve document frequencies once per window.
    private mutating func advance(to post: Post) {
        if lastDecay == Int64.min { lastDecay = post.time }
        if post.time - lastDecay >= windowSeconds {
            for slot in documentFrequency.indices { documentFrequency[slot] >>= 1 }
            documents /= 2
            lastDecay = post.time
        }
        guard post.day > currentDay else { return }
        currentDay = post.day
        let cutoff = post.time - windowSeconds
        let expired = topics.values.filter { $0.lastTime < cutoff }.map(\.id)
        guard !expired.isEmpty else { return }
        for id in expired {
            for term in topics.removeValue(forKey: id)?.indexedTerms ?? [] {
                index.remove(Int32(id), from: term)
            }
        }
    }
}
