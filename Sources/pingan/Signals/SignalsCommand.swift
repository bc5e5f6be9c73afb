import ArgumentParser

/// `pingan signals …`: the signals engine's subcommands (issue 5).
struct SignalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals",
        abstract: "Signals engine: normalise, de-duplicate, match subjects, sentiment, topics, aberrations, grading.",
        subcommands: [
            AberrationCommand.self, AnnotateCommand.self, DedupeCommand.self, TopicsCommand.self, BenchCommand.self,
            SentimentModelCommand.self,
        ]
    )
}
