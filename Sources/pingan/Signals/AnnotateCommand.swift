import ArgumentParser
import Foundation
import PinganSignals

/// `pingan signals annotate`: every valid post back as one JSON line (issue 5, §9).
struct AnnotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract:
            "Annotate posts: pseudonymised author, normalised text, sentiment, subjects, duplicate, topic, domain."
    )

    @Option(help: "JSON Lines posts, or - for standard input.") var input: String
    @Option(help: "Subjects file: one 'name: expression' per line.") var subjects: String?
    @Option(help: "Near-duplicate Jaccard threshold.") var threshold = 0.7

    func run() async throws {
        var configuration = SignalsEngine.Configuration()
        configuration.subjects = try SignalsIO.subjects(subjects)
        configuration.duplicateThreshold = threshold
        let key = try CLISecrets.signalsKey()
        var engine = SignalsEngine(configuration: configuration, pseudonymizer: Pseudonymizer(key: key))
        var output = SignalsIO.Output()
        for post in try SignalsIO.posts(input) {
            let annotation = engine.process(post)
            output.line(SignalsIO.jsonLine(Self.object(annotation)))
        }
        output.flush()
    }

    static func object(_ annotation: Annotation) -> [String: Any] {
        [
            "id": annotation.id,
            "author": annotation.authorPseudonym ?? NSNull(),
            "text": annotation.normalized.text,
            "hashtags": annotation.normalized.hashtags,
            "urls": annotation.normalized.urls,
            "mentions": annotation.normalized.mentionCount,
            "sentiment": ["label": annotation.sentiment.label.rawValue, "score": annotation.sentiment.score],
            "subjects": annotation.subjects,
            "duplicate_of": annotation.duplicateOf ?? NSNull(),
            "topic": annotation.topic,
            "story": annotation.story,
            "domain": annotation.domain ?? NSNull(),
        ]
    }
}
