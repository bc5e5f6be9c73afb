import ArgumentParser
import Foundation
import PinganSignals

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `pingan signals bench`: generates a synthetic stream and prints the throughput of each stage and end to end,
/// and the peak memory (issue 5, "Performance"). Single-threaded: the figures are for one core.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark the signals pipeline on a generated stream (one core).")

    @Option(help: "Number of posts.") var posts = 100_000
    @Option(help: "Characters per post.") var length = 100
    @Option(name: .customLong("subject-count"), help: "Number of monitoring subjects.") var subjectCount = 1000
    @Option(help: "Seed of the generator.") var seed: UInt64 = 2026
    @Option(help: "Also write the corpus as JSON Lines here (for the Python baseline).") var export: String?
    @Option(name: .customLong("export-subjects"), help: "Also write the subjects as JSON here.") var exportSubjects:
        String?
    @Flag(help: "Print the figures as one JSON object.") var json = false
    @Flag(
        name: .customLong("end-to-end-only"),
        help: "Skip the per-stage runs, so the peak-memory growth is the end-to-end engine's alone.")
    var endToEndOnly = false
    @Option(name: .customLong("evaluation-pairs"), help: "Generated pairs for the near-duplicate precision/recall.")
    var evaluationPairs = 3000

    func run() async throws {
        var generator = SyntheticCorpus(seed: seed)
        let stream = generator.stream(count: posts, length: length, days: 3)
        let generated = generator.subjects(count: subjectCount)
        if let export { try Self.writeCorpus(stream, to: export) }
        if let exportSubjects {
            let objects: [[String: Any]] = generated.map {
                ["name": $0.name, "expression": $0.expression, "groups": $0.groups, "exclusions": $0.exclusions]
            }
            try JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])
                .write(to: URL(fileURLWithPath: exportSubjects))
        }
        let subjects = try generated.map { try SubjectExpression(name: $0.name, source: $0.expression) }
        let rssBefore = Self.peakRSSKiB()
        let count = Double(stream.count)
        // Throughput by thread CPU time (robust when other processes share the cores) and by wall-clock time.
        var figures: [(String, Double)] = []
        var wallFigures: [(String, Double)] = []
        func measure(_ name: String, _ body: () -> Void) {
            let wallStart = DispatchTime.now().uptimeNanoseconds
            let cpuStart = Self.threadCPUSeconds()
            body()
            let cpu = Self.threadCPUSeconds() - cpuStart
            let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
            figures.append((name, count / cpu))
            wallFigures.append((name, count / wall))
        }

        let normalizer = Normalizer()
        _ = normalizer.normalize("預熱")  // build the fold table outside the timings
        var texts: [NormalizedText] = []
        var duplicateCount = 0
        var subjectHits = 0
        var negatives = 0
        if !endToEndOnly {
            texts.reserveCapacity(stream.count)
            measure("normalise") { for post in stream { texts.append(normalizer.normalize(post.text)) } }
            var duplicates = NearDuplicateIndex()
            measure("near-duplicates") {
                for (post, text) in zip(stream, texts)
                where duplicates.insert(id: post.id, content: text.content, time: post.time)
                    != .original
                {
                    duplicateCount += 1
                }
            }
            let matcher = SubjectMatcher(subjects: subjects)
            measure("subjects (\(subjectCount))") {
                for text in texts { subjectHits += matcher.match(text.content).count }
            }
            let analyzer = SentimentAnalyzer()
            measure("sentiment") {
                for text in texts where analyzer.analyze(text).label == .negative { negatives += 1 }
            }
            var clusterer = TopicClusterer()
            let neutral = Sentiment(label: .neutral, score: 0, lexiconSum: 0, modelLogOdds: 0)
            measure("topics") {
                for (post, text) in zip(stream, texts) {
                    _ = clusterer.assign(post: post, text: text, sentiment: neutral, domain: nil, subjects: [])
                }
            }
            texts = []
        }
        var configuration = SignalsEngine.Configuration()
        configuration.subjects = subjects
        var engine = SignalsEngine(configuration: configuration)
        let rssBeforeEngine = Self.peakRSSKiB()
        measure("end-to-end") { for post in stream { _ = engine.process(post) } }
        let rssAfter = Self.peakRSSKiB()
        let held = engine.originalsHeld
        let perPost = held > 0 ? Double(max(0, rssAfter - rssBeforeEngine)) * 1024 / Double(stream.count) : 0

        let evaluation = DuplicateEvaluation.run(pairs: evaluationPairs, seed: seed)
        if json {
            var object: [String: Any] = [
                "posts": posts, "length": length, "subjects": subjectCount,
                "peak_rss_kib": rssAfter, "rss_before_kib": rssBefore, "bytes_per_post_end_to_end": perPost,
                "duplicates": duplicateCount, "subject_hits": subjectHits, "negative": negatives,
                "topics": engine.topicsHeld, "originals_held": held,
                "duplicate_precision": evaluation.precision, "duplicate_recall": evaluation.recall,
                "duplicate_pairs": evaluation.pairs, "duplicate_true_pairs": evaluation.truePairs,
            ]
            for (name, rate) in figures { object["posts_per_second." + name] = rate }
            for (name, rate) in wallFigures { object["wall_posts_per_second." + name] = rate }
            print(SignalsIO.jsonLine(object))
            return
        }
        print("signals bench: \(posts) posts of \(length) characters, \(subjectCount) subjects, one core")
        print("  stage                CPU posts/s   wall posts/s")
        for ((name, rate), (_, wall)) in zip(figures, wallFigures) {
            print(
                "  \(name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(String(format: "%12.0f   %12.0f", rate, wall))"
            )
        }
        print("  duplicates found: \(duplicateCount), subject hits: \(subjectHits), negative: \(negatives)")
        print("  topics held: \(engine.topicsHeld), originals held: \(held)")
        print(
            String(
                format:
                    "  near-duplicates vs exact Jaccard ≥ 0.7 on %d generated pairs (%d true): precision %.4f, recall %.4f",
                evaluation.pairs, evaluation.truePairs, evaluation.precision, evaluation.recall))
        for (edit, stats) in evaluation.perEdit.sorted(by: { $0.key < $1.key }) {
            print(
                "    \(edit): pairs \(stats.pairs), true \(stats.truePairs), merged correctly \(stats.found), "
                    + "merged wrongly \(stats.falseMerges)")
        }
        print(
            "  peak RSS: \(rssAfter / 1024) MiB (before the stages: \(rssBefore / 1024) MiB); end-to-end growth "
                + String(format: "%.0f", perPost) + " bytes per post")
    }

    /// CPU time of the calling thread in seconds.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Peak resident set size of this process in KiB.
    static func peakRSSKiB() -> Int {
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if canImport(Darwin)
        return Int(usage.ru_maxrss) / 1024
        #else
        return Int(usage.ru_maxrss)
        #endif
    }

    static func writeCorpus(_ posts: [Post], to path: String) throws {
        var lines: [UInt8] = []
        for post in posts {
            let object: [String: Any] = [
                "id": post.id, "text": post.text, "time": SignalsIO.isoTime(post.time), "source": post.source,
                "region": post.region ?? "", "reposts": post.reposts, "comments": post.comments, "likes": post.likes,
            ]
            lines.append(contentsOf: SignalsIO.jsonLine(object).utf8)
            lines.append(0x0A)
        }
        try Data(lines).write(to: URL(fileURLWithPath: path))
    }
}
