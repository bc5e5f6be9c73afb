import Foundation
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

/// A benchmark, not a test (docs/PERFORMANCE.md "The commit ceiling on SQLite"): runs only with `PINGAN_BENCH=1`.
@Suite("Store write benchmark", .enabled(if: ProcessInfo.processInfo.environment["PINGAN_BENCH"] != nil))
struct StoreWriteBenchmark {
    @Test(arguments: TestEngine.available)
    func twoThousandSmallTransactionsFromSixteenWriters(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await provider.transaction { db in try await db.raw("CREATE TABLE bench (x INTEGER)").run() }
            let start = ContinuousClock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<16 {
                    group.addTask {
                        for index in 0..<125 {
                            try await provider.transaction { db in
                                try await db.raw("INSERT INTO bench (x) VALUES (\(literal: worker * 1_000 + index))")
                                    .run()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = ContinuousClock.now - start
            let commits = (provider as? SQLiteProvider).map { "\($0.commitCount) commits" } ?? "commits not counted"
            print("BENCH \(engine): 2000 transactions from 16 writers in \(elapsed) (\(commits))")
        }
    }
}
