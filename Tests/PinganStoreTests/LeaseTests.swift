import Foundation
import PinganStore
import PinganTestSupport
import Testing

@Suite("Leases")
struct LeaseTests {
    @Test(arguments: TestEngine.available)
    func oneHolderAtATimeUntilTheLeaseExpires(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let start = Date(timeIntervalSince1970: 1_795_305_600)
            let acquire = { @Sendable (holder: String, time: Date) async throws -> Bool in
                try await provider.transaction { db in
                    try await LeaseRepository(db).acquire("background", holder: holder, for: 30, at: time)
                }
            }
            var results: [Bool] = []
            for (holder, offset) in [
                ("node-a", 0.0), ("node-b", 10), ("node-a", 20), ("node-b", 49), ("node-b", 50), ("node-a", 51),
            ] {
                results.append(try await acquire(holder, start.addingTimeInterval(offset)))
            }
            // a takes it; b is refused; a renews at 20 (until 50); b is refused at 49, takes it at 50; a is refused.
            #expect(results == [true, false, true, false, true, false])
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentContendersElectExactlyOne(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let now = Date()
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for node in 0..<6 {
                    group.addTask {
                        try await provider.transaction { db in
                            try await LeaseRepository(db).acquire(
                                "background", holder: "node-\(node)", for: 30, at: now)
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(winners == 1)
        }
    }
}
