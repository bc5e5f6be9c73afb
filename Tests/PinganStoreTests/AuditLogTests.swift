import Foundation
import PinganCore
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Audit chain")
struct AuditLogTests {
    func appendSome(_ provider: any DatabaseProvider, count: Int) async throws {
        for index in 1...count {
            try await provider.transaction { db in
                try await AuditLog(db).append(
                    AuditRecord(
                        actor: "admin", action: "unit.create", objectType: "unit", objectID: "u\(index)",
                        change: ["name": "单位\(index)"]),
                    at: Date(timeIntervalSince1970: 1_795_305_600 + Double(index)))
            }
        }
    }

    func verify(_ provider: any DatabaseProvider) async throws -> AuditLog.Verification {
        try await provider.read { db in try await AuditLog(db).verify(batchSize: 3) }
    }

    @Test(arguments: TestEngine.available)
    func anUntouchedChainVerifiesAcrossBatches(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 8)
            let result = try await verify(provider)
            #expect(result.isIntact)
            #expect(result.checked == 8)
        }
    }

    @Test(arguments: TestEngine.available)
    func changingOneFieldOfOneEntryIsFoundAtThatEntry(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 6)
            try await provider.transaction { db in
                try await db.raw("UPDATE audit_log SET object_id = 'u99' WHERE seq = 4").run()
            }
            let result = try await verify(provider)
            #expect(result.firstBroken?.seq == 4)
            #expect(result.checked == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func rewritingAChangeAndItsDigestBreaksTheHash(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 3)
            let forged = "{\"name\":\"伪造\"}"
            let digest = SHA256Hex.of(forged)
            try await provider.transaction { db in
                try await db.raw(
                    "UPDATE audit_log SET change = \(bind: forged), change_digest = \(bind: digest) WHERE seq = 2"
                ).run()
            }
            #expect(try await verify(provider).firstBroken?.seq == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func deletingAnEntryIsFoundAsAGap(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 5)
            try await provider.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq = 3").run() }
            let result = try await verify(provider)
            #expect(result.firstBroken?.seq == 4)
            #expect(result.firstBroken?.reason == "entry 3 is missing")
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentAppendsExtendOneChain(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        for index in 0..<5 {
                            try await provider.transaction { db in
                                try await AuditLog(db).append(
                                    AuditRecord(
                                        actor: "w\(worker)", action: "test", objectType: "t", objectID: "\(index)"),
                                    at: Date())
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await verify(provider)
            #expect(result.isIntact)
            #expect(result.checked == 20)
        }
    }

    /// Transactions sharing a commit extend the chain from the head the batch keeps in memory; one that appends and
    /// then fails takes its entries back, and the next member continues from the head before it.
    @Test(arguments: TestEngine.available)
    func membersOfOneBatchExtendTheChainAndAFailedOneLeavesNoGap(engine: TestEngine) async throws {
        struct Refused: Error {}
        try await TestDatabase.with(engine) { provider in
            let kept = try await TestDatabase.queueingBehindHeldWriter(provider, waiting: 30) {
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<120 {
                        group.addTask {
                            do {
                                try await provider.transaction { db in
                                    let log = AuditLog(db)
                                    for entry in 0..<(1 + index % 3) {
                                        try await log.append(
                                            AuditRecord(
                                                actor: "w\(index)", action: "test", objectType: "t",
                                                objectID: "\(entry)"),
                                            at: Date())
                                    }
                                    if index % 7 == 3 { throw Refused() }  // after its appends: they must go with it
                                }
                                return 1 + index % 3
                            } catch is Refused {
                                return 0
                            }
                        }
                    }
                    return try await group.reduce(0, +)
                }
            }
            let result = try await verify(provider)
            #expect(result.isIntact)
            #expect(result.checked == kept)
        }
    }

    @Test(arguments: TestEngine.available)
    func aFailedTransactionLeavesNeitherTheChangeNorItsAuditEntry(engine: TestEngine) async throws {
        struct Crash: Error {}
        try await TestDatabase.with(engine) { provider in
            await #expect(throws: Crash.self) {
                try await provider.transaction { db in
                    try await RegionRepository(db).insert(
                        Region(code: "990100", name: "江州市", level: .city, parentCode: nil, path: "990100"), at: Date())
                    try await AuditLog(db).append(
                        AuditRecord(actor: "admin", action: "region.create", objectType: "region", objectID: "990100"),
                        at: Date())
                    throw Crash()
                }
            }
            let counts = try await provider.read { db in
                (
                    try await RegionRepository(db).count(),
                    try await db.raw("SELECT COUNT(*) AS n FROM audit_log").first()?.decode(column: "n", as: Int.self)
                )
            }
            #expect(counts.0 == 0)
            #expect(counts.1 == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func removingEntriesFromTheEndIsFoundAgainstARecordedHead(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 6)
            let recorded = try #require(try await verify(provider).head)
            #expect(recorded.seq == 6)
            try await provider.transaction { db in try await db.raw("DELETE FROM audit_log WHERE seq > 4").run() }
            // Without the head the shorter chain looks whole; with it, the removal shows.
            #expect(try await verify(provider).isIntact)
            let checked = try await provider.read { db in
                try await AuditLog(db).verify(expectedHead: recorded)
            }
            #expect(checked.firstBroken?.seq == 5)
        }
    }

    @Test(arguments: TestEngine.available)
    func anEntryNumberedBelowOneIsFlagged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await appendSome(provider, count: 2)
            try await provider.transaction { db in
                try await db.raw(
                    """
                    INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, change, change_digest,
                        previous_hash, hash) VALUES (0, 't', 'x', 'x', 'x', 'x', '{}', 'd', 'p', 'h')
                    """
                ).run()
            }
            #expect(try await verify(provider).firstBroken?.seq == 0)
        }
    }
}
