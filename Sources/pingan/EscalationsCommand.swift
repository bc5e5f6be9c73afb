import ArgumentParser
import Foundation
import PinganCore
import PinganServices

/// `pingan escalations run-once [--now T]`: one scheduler pass, for operations and tests.
struct EscalationsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalations", abstract: "Run the escalation scheduler by hand.", subcommands: [RunOnce.self])

    struct RunOnce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run-once",
            abstract: "Run exactly one scheduler pass as if the clock read --now, and print the steps it fired.")

        @OptionGroup var common: CommonOptions

        @Option(help: "The time the pass runs at, ISO 8601 with an offset (default: now).")
        var now: String?

        func validate() throws {
            if let now, Timestamp.parse(now) == nil {
                throw ValidationError("--now '\(now)' is not an ISO 8601 time with an offset")
            }
        }

        func run() async throws {
            let time = now.flatMap(Timestamp.parse)
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let fired = try await EscalationScheduler(env).runOnce(now: time)
                for step in fired {
                    print(
                        [
                            step.caseNumber, step.key.rawValue, step.effect.rawValue,
                            step.recipients.joined(separator: ","),
                        ]
                        .joined(separator: "\t"))
                }
                print("\(fired.count) step(s) fired")
            }
        }
    }
}
