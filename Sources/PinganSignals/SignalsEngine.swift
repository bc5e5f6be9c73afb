/// The signals pipeline for one stream (issue 5; DESIGN "a signal batch"): normalise → near-duplicate check →
/// subject matching → sentiment → domain → topic assignment → daily counters, then, on request, story metrics,
/// aberration detection and four-colour grading. A value type: one engine per stream or shard.
public struct SignalsEngine: Sendable {
    /// Engine settings.
    public struct Configuration: Sendable {
        /// MinHash Jaccard threshold for near-duplicates.
        public var duplicateThreshold = 0.7
        /// Cosine threshold for joining a topic.
        public var topicThreshold: Float = 0.25
        /// Window for duplicates, story linking and ageing, seconds.
        public var windowSeconds: Int64 = 7 * 86_400
        /// Monitoring subjects.
        public var subjects: [SubjectExpression] = []
        /// Grading rules.
        public var rules: GradingRules = .standard
        /// Domain lexicon.
        public var domains: DomainLexicon = .standard

        /// Creates the default configuration.
        public init() {}
    }

    /// The configuration.
    public let configuration: Configuration
    /// The normaliser (mentions pseudonymised with the engine's key).
    public let normalizer: Normalizer
    private var duplicates: NearDuplicateIndex
    private let matcher: SubjectMatcher
    /// One automaton for the subjects' terms (ids from 0), the domain words (from `domainBase`) and the sentiment
    /// lexicon (from `lexiconBase`): one scan of each text instead of three.
    private let scanner: AhoCorasick
    private let domainBase: Int
    private let lexiconBase: Int
    private let domainOfPattern: [Int]
    private let sentiment: SentimentAnalyzer
    private var clusterer: TopicClusterer
    private var grader: ColourGrader
    /// Daily counts per story, domain, region and subject.
    public private(set) var counters = DailyCounters()
    /// Interned region codes (for the counters).
    public var regionIDs: [String: Int] { regions.dictionary }
    private var regions = NameTable()

    /// Creates an engine; `pseudonymizer` keys @mention pseudonyms.
    public init(configuration: Configuration = Configuration(), pseudonymizer: Pseudonymizer? = nil) {
        self.configuration = configuration
        let normalizer = Normalizer(pseudonymizer: pseudonymizer)
        self.normalizer = normalizer
        self.duplicates = NearDuplicateIndex(
            threshold: configuration.duplicateThreshold, windowSeconds: configuration.windowSeconds)
        let matcher = SubjectMatcher(subjects: configuration.subjects)
        self.matcher = matcher
        var patterns: [[UInt32]] = []
        var owners: [Int] = []
        for (index, domain) in configuration.domains.domains.enumerated() {
            for word in domain.words {
                let content = normalizer.normalize(word).content
                if !content.isEmpty {
                    patterns.append(content)
                    owners.append(index)
                }
            }
        }
        let sentiment = SentimentAnalyzer(normalizer: normalizer)
        self.domainBase = matcher.terms.count
        self.lexiconBase = matcher.terms.count + patterns.count
        self.scanner = AhoCorasick(patterns: matcher.terms + patterns + sentiment.patterns)
        self.domainOfPattern = owners
        self.sentiment = sentiment
        self.clusterer = TopicClusterer(
            threshold: configuration.topicThreshold, windowSeconds: configuration.windowSeconds)
        self.grader = ColourGrader(rules: configuration.rules)
    }

    /// The domain index of a content: most word hits, ties to the higher severity, then the lower index.
    public func domain(of content: [UInt32]) -> Int? { scan(content).domain }

    /// One pass of `scanner` over `content`: the matching subjects, the domain, and the sentiment lexicon's matches
    /// (reported in the order a scan of the lexicon alone reports them: at each position, longest first, then by
    /// id — a combined automaton reports the same patterns at the same positions in the same relative order).
    private func scan(_ content: [UInt32]) -> (subjects: [Int], domain: Int?, lexicon: SentimentAnalyzer.LexiconMatches)
    {
        let domains = configuration.domains.domains
        let termWords = (domainBase + 63) >> 6
        var lexicon = SentimentAnalyzer.LexiconMatches()
        let collectsLexicon = sentiment.mode != .model
        // Scratch on the stack: the found terms' bit set, then the votes per domain; the found terms in order.
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: termWords + domains.count) { scratch in
            scratch.initialize(repeating: 0)
            return withUnsafeTemporaryAllocation(of: Int32.self, capacity: domainBase) { hits in
                var hitCount = 0
                var anyDomain = false
                scanner.forEachMatch(in: content) { id, end in
                    if id < domainBase {
                        let bit = UInt64(1) << UInt64(id & 63)
                        if scratch[id >> 6] & bit == 0 {
                            scratch[id >> 6] |= bit
                            hits[hitCount] = Int32(id)
                            hitCount += 1
                        }
                    } else if id < lexiconBase {
                        scratch[termWords + domainOfPattern[id - domainBase]] += 1
                        anyDomain = true
                    } else if collectsLexicon {
                        sentiment.collect(id - lexiconBase, end: end, into: &lexicon)
                    }
                }
                let subjects = matcher.match(
                    hits: UnsafeBufferPointer(rebasing: hits[..<hitCount]),
                    present: UnsafeBufferPointer(rebasing: scratch[..<termWords]))
                var best = -1
                if anyDomain {
                    for index in domains.indices where scratch[termWords + index] > 0 {
                        guard best >= 0 else {
                            best = index
                            continue
                        }
                        // Most votes, then the higher severity; ties to the lower index (the scan is ascending).
                        let votes = scratch[termWords + index]
                        let bestVotes = scratch[termWords + best]
                        if votes > bestVotes || (votes == bestVotes && domains[index].severity > domains[best].severity)
                        {
                            best = index
                        }
                    }
                }
                return (subjects, best >= 0 ? best : nil, lexicon)
            }
        }
    }

    /// Runs one post through the pipeline.
    public mutating func process(_ post: Post) -> Annotation {
        let text = normalizer.normalize(post.text)
        let verdict = duplicates.insert(id: post.id, content: text.content, time: post.time)
        let (subjectIndices, domainIndex, lexicon) = scan(text.content)
        let judgement = sentiment.analyze(text, lexicon: lexicon)
        var topicID: Int
        let duplicateOf = verdict.originalID
        if duplicateOf != nil, duplicates.lastMatchPayload >= 0,
            clusterer.storyID(of: Int(duplicates.lastMatchPayload)) != nil
        {
            topicID = Int(duplicates.lastMatchPayload)
            clusterer.addDuplicate(
                to: topicID, post: post, text: text, sentiment: judgement, domain: domainIndex, subjects: subjectIndices
            )
        } else {
            topicID = clusterer.assign(
                post: post, text: text, sentiment: judgement, domain: domainIndex, subjects: subjectIndices)
            if duplicateOf == nil { duplicates.setLastPayload(Int32(topicID)) }
        }
        let story = clusterer.storyID(of: topicID) ?? topicID
        let day = post.day
        counters.add(.story, id: story, day: day)
        if let domainIndex { counters.add(.domain, id: domainIndex, day: day) }
        if let region = post.region { counters.add(.region, id: Int(regions.intern(region)), day: day) }
        for subject in subjectIndices { counters.add(.subject, id: subject, day: day) }
        return Annotation(
            id: post.id, authorPseudonym: post.authorPseudonym, normalized: text, sentiment: judgement,
            subjects: subjectIndices.map { matcher.subjects[$0].name }, duplicateOf: duplicateOf, topic: topicID,
            story: story, domain: domainIndex.map { configuration.domains.domains[$0].code })
    }

    /// The held stories with metrics and grades as of their latest day; grading updates the hysteresis state.
    public mutating func stories() -> [StoryReport] {
        let grouped = Dictionary(grouping: clusterer.allTopics, by: \.storyID)
        var reports: [StoryReport] = []
        let domains = configuration.domains.domains
        for (storyID, topics) in grouped.sorted(by: { $0.key < $1.key }) {
            let ordered = topics.sorted { $0.day != $1.day ? $0.day < $1.day : $0.id < $1.id }
            guard let latest = ordered.last else { continue }
            let day = latest.day
            let series = counters.series(.story, id: storyID, endingOn: day, length: 8)
            var negative = 0
            var count = 0
            var regions = Set<String>()
            var sources = Set<String>()
            var engagement = 0
            var votes: [Int: Int] = [:]
            var subjectCounts: [String: Int] = [:]
            for topic in ordered {
                negative += topic.negative
                count += topic.count
                regions.formUnion(topic.regions.keys)
                sources.formUnion(topic.sources.keys)
                engagement += topic.engagement
                for (domain, vote) in topic.domainVotes { votes[domain, default: 0] += vote }
                for (subject, hits) in topic.subjects where subject < configuration.subjects.count {
                    subjectCounts[configuration.subjects[subject].name, default: 0] += hits
                }
            }
            let domainIndex = votes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
            let volume = series.last ?? 0
            let baselineMean = series.dropLast().reduce(0, +) / 7
            var values: [GradingRules.Metric: Double] = [
                .volume: volume,
                .growth: volume / max(1, baselineMean),
                .negativeShare: count == 0 ? 0 : Double(negative) / Double(count),
                .regions: Double(regions.count),
                .sources: Double(sources.count),
                .engagement: Double(engagement),
                .domainSeverity: Double(domainIndex.map { domains[$0].severity } ?? 0),
            ]
            var details: [GradingRules.Metric: String] = [
                .growth: "today \(ColourGrader.format(volume)) vs 7-day mean \(ColourGrader.format(baselineMean))"
            ]
            if let ears = try? EARS(method: .c1, minSigma: 1), let point = ears.evaluate(series).last {
                values[.aberration] = point.alarm == true ? 1 : 0
                details[.aberration] =
                    "EARS C1 = \(ColourGrader.format(point.statistic)) vs z \(ColourGrader.format(ears.z)), "
                    + "bound \(ColourGrader.format(point.upperbound))"
            }
            if let domainIndex { details[.domainSeverity] = domains[domainIndex].code }
            let metrics = ColourGrader.Metrics(values: values, details: details)
            let grade = grader.grade(storyID: storyID, metrics: metrics, day: day)
            reports.append(
                StoryReport(
                    storyID: storyID, topics: ordered, day: day, metrics: metrics, grade: grade,
                    domain: domainIndex.map { domains[$0] }, subjects: subjectCounts, dailyCounts: series))
        }
        return reports
    }

    /// One counter's aberration result for the latest day.
    public struct CounterAberration: Sendable {
        /// `domain`, `region` or `subject`.
        public var kind: String
        /// The domain code, region code or subject name.
        public var name: String
        /// The UTC day number evaluated.
        public var day: Int
        /// The detector's result for that day.
        public var point: AberrationPoint
    }

    /// Runs `detector` on the daily counts of every domain, region and subject, for the latest day seen (issue 5,
    /// §7: aberration detection per domain, per region, per subject; per story it is part of `stories()`).
    public func counterAberrations(_ detector: EARS) -> [CounterAberration] {
        let day = counters.lastDay
        guard day != Int.min else { return [] }
        let length = detector.firstIndex + 1
        let regionNames = regions.names
        var results: [CounterAberration] = []
        let kinds: [(DailyCounters.Kind, String)] = [(.domain, "domain"), (.region, "region"), (.subject, "subject")]
        for (kind, label) in kinds {
            for id in counters.ids(of: kind) {
                let name: String
                switch kind {
                case .domain: name = configuration.domains.domains[id].code
                case .region: name = id < regionNames.count ? regionNames[id] : String(id)
                default: name = id < matcher.subjects.count ? matcher.subjects[id].name : String(id)
                }
                let series = counters.series(kind, id: id, endingOn: day, length: length)
                if let point = detector.evaluate(series).last {
                    results.append(CounterAberration(kind: label, name: name, day: day, point: point))
                }
            }
        }
        return results
    }

    /// Number of originals held by the duplicate index.
    public var originalsHeld: Int { duplicates.originalCount }

    /// Number of topics held.
    public var topicsHeld: Int { clusterer.topicCount }
}
