import ArgumentParser
import Foundation
import PinganSignals

/// `pingan signals topics`: the stories with their daily topics, metrics, colour and explanation (issue 5, §6,
/// §8 and §9), one JSON line per story, highest colour first.
struct TopicsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topics", abstract: "Cluster posts into topics and stories, grade them with the four colours.")

    @Option(help: "JSON Lines posts, or - for standard input.") var input: String
    @Option(help: "Subjects file: one 'name: expression' per line.") var subjects: String?
    @Option(help: "Grading rules JSON (default: the shipped rules).") var rules: String?
    @Option(help: "Only stories with at least this many posts.") var minPosts = 1
    @Flag(help: "Also print EARS C2 (minSigma 1) for the latest day of every domain, region and subject counter.")
    var counters = false

    func run() async throws {
        var configuration = SignalsEngine.Configuration()
        configuration.subjects = try SignalsIO.subjects(subjects)
        if let rules {
            do {
                configuration.rules = try GradingRules.decode(try SignalsIO.read(rules))
            } catch SignalsError.invalidRules(let reason) {
                throw SignalsCLIError("\(rules): \(reason)")
            }
        }
        var engine = SignalsEngine(
            configuration: configuration, pseudonymizer: Pseudonymizer(key: try CLISecrets.signalsKey()))
        for post in try SignalsIO.posts(input) { _ = engine.process(post) }
        let reports = engine.stories()
            .filter { $0.topics.reduce(0) { $0 + $1.count } >= minPosts }
            .sorted { lhs, rhs in
                if lhs.grade.colour != rhs.grade.colour { return lhs.grade.colour > rhs.grade.colour }
                let left = lhs.topics.reduce(0) { $0 + $1.count }
                let right = rhs.topics.reduce(0) { $0 + $1.count }
                return left != right ? left > right : lhs.storyID < rhs.storyID
            }
        var output = SignalsIO.Output()
        for report in reports { output.line(SignalsIO.jsonLine(Self.object(report))) }
        if counters, let detector = try? EARS(method: .c2, minSigma: 1) {
            for result in engine.counterAberrations(detector) {
                output.line(
                    SignalsIO.jsonLine([
                        "counter": result.kind, "name": result.name, "day": ISO8601Time.dateString(day: result.day),
                        "method": "c2", "count": result.point.count, "upperbound": result.point.upperbound,
                        "alarm": result.point.alarm.map { $0 ? 1 : 0 } ?? NSNull(),
                    ]))
            }
        }
        output.flush()
    }

    static func object(_ report: StoryReport) -> [String: Any] {
        var metrics: [String: Any] = [:]
        for (metric, value) in report.metrics.values { metrics[metric.rawValue] = value }
        return [
            "story": report.storyID,
            "colour": report.grade.colour.rawValue,
            "computed_colour": report.grade.computed.rawValue,
            "explanation": report.grade.explanation,
            "metrics": metrics,
            "day": ISO8601Time.dateString(day: report.day),
            "daily_counts": report.dailyCounts,
            "domain": report.domain.map {
                ["code": $0.code, "label": $0.label, "severity": $0.severity] as [String: Any]
            }
                ?? NSNull(),
            "subjects": report.subjects,
            "topics": report.topics.map { topic -> [String: Any] in
                [
                    "id": topic.id,
                    "day": ISO8601Time.dateString(day: topic.day),
                    "count": topic.count,
                    "originals": topic.originals,
                    "duplicates": topic.duplicates,
                    "first_time": SignalsIO.isoTime(topic.firstTime),
                    "last_time": SignalsIO.isoTime(topic.lastTime),
                    "keywords": topic.keywords(),
                    "hashtags": topic.hashtags,
                    "representative": ["id": topic.representativeID, "text": topic.representativeText],
                    "sources": topic.sources,
                    "regions": topic.regions,
                    "engagement": ["reposts": topic.reposts, "comments": topic.comments, "likes": topic.likes],
                    "negative_share": topic.negativeShare,
                ]
            },
        ]
    }
}
