import ArgumentParser
import Foundation
import PinganCore
import PinganServices

/// `pingan bench …`: hidden benchmark helpers for docs/PERFORMANCE.md and scripts/bench/ledger.sh. Not for
/// production databases.
struct LedgerBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmark helpers (for scripts/bench).", shouldDisplay: false,
        subcommands: [SeedCases.self, EscalationPass.self])

    /// Fills the demo district's ledger with open cases through the case service.
    struct SeedCases: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seed-cases",
            abstract: "Open COUNT cases in the demo district through the case service (run `pingan demo` first).")

        @OptionGroup var common: CommonOptions

        @Argument(help: "How many cases to open.")
        var count: Int

        @Option(help: "One case in this many gets a warning level and is assigned, so it has an escalation plan.")
        var levelledEvery = 10

        @Option(help: "Intakes in flight at once.")
        var concurrency = 4

        @Option(help: "Stop after this many seconds with the cases opened so far.")
        var maxSeconds: Int?

        func run() async throws {
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let start = ContinuousClock.now
                let seeded = try await LedgerBench(env).seed(
                    count: count, levelledEvery: levelledEvery, concurrency: concurrency,
                    budget: maxSeconds.map { .seconds($0) }
                ) { done in
                    FileHandle.standardError.write(Data("seeded about \(done)\n".utf8))
                }
                let seconds = Self.seconds(ContinuousClock.now - start)
                print(
                    "created \(seeded.created) assigned \(seeded.assigned) in \(String(format: "%.1f", seconds)) s"
                        + " (\(String(format: "%.0f", Double(seeded.created) / seconds)) cases/s)")
            }
        }

        static func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
    }

    /// One scheduler pass, timed inside the process (start-up and the migration check excluded).
    struct EscalationPass: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalation-pass",
            abstract: "Run one scheduler pass as if the clock read --now and print how long the pass took.")

        @OptionGroup var common: CommonOptions

        @Option(help: "The time the pass runs at, ISO 8601 with an offset (default: now).")
        var now: String?

        @Option(help: "At most this many due cases in the pass (the scheduler's default is 10000).")
        var limit = 10_000

        func validate() throws {
            if let now, Timestamp.parse(now) == nil {
                throw ValidationError("--now '\(now)' is not an ISO 8601 time with an offset")
            }
        }

        func run() async throws {
            let time = now.flatMap(Timestamp.parse)
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let start = ContinuousClock.now
                let fired = try await EscalationScheduler(env).runOnce(now: time, limit: limit)
                let seconds = SeedCases.seconds(ContinuousClock.now - start)
                let cases = Set(fired.map(\.caseNumber)).count
                print(
                    "pass fired \(fired.count) step(s) on \(cases) case(s) in \(String(format: "%.1f", seconds * 1000)) ms"
                )
            }
        }
    }
}
