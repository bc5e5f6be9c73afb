import Foundation
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Transactions")
struct TransactionTests {
    func count(_ provider: any DatabaseProvider) async throws -> Int {
        try await provider.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM scratch").first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }

    @Test(arguments: TestEngine.available)
    func aCancelledTransactionRollsBackAndLeavesNoConnectionInsideIt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await provider.transaction { db in try await db.raw("CREATE TABLE scratch (x INTEGER)").run() }
            let started = AsyncStream<Void>.makeStream()
            let writer = Task {
                try await provider.transaction { db in
                    try await db.raw("INSERT INTO scratch (x) VALUES (1)").run()
                    started.continuation.yield()
                    try await Task.sleep(for: .seconds(30))  // cancelled here, after the insert
                }
            }
            var events = started.stream.makeAsyncIterator()
            _ = await events.next()
            writer.cancel()
            await #expect(throws: CancellationError.self) { try await writer.value }

            // Commit on every pooled connection: one left inside the cancelled transaction would commit its insert.
            for value in 2...21 {
                try await provider.transaction { db in
                    try await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                    try await db.raw("DELETE FROM scratch WHERE x = \(literal: value)").run()
                }
            }
            #expect(try await count(provider) == 0)
        }
    }
}
