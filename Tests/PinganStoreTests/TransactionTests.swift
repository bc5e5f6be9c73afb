import Foundation
import Logging
import PinganConfig
import PinganServices
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

@Suite("Group commit")
struct GroupCommitTests {
    private static func commitCount(_ provider: any DatabaseProvider) throws -> Int {
        if let sqlite = provider as? SQLiteProvider { return sqlite.commitCount }
        return try #require(provider as? PostgresProvider).commitCount
    }

    @Test(arguments: TestEngine.available)
    func queuedTransactionsShareCommitsAndFailAlone(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await provider.transaction { db in
                try await db.raw("CREATE TABLE scratch (x INTEGER PRIMARY KEY)").run()
            }
            let before = try Self.commitCount(provider)
            struct Refused: Error {}
            let outcomes = try await withThrowingTaskGroup(of: (Int, Bool).self) { group in
                for value in 1...200 {
                    group.addTask {
                        do {
                            try await provider.transaction { db in
                                try await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                                if value % 10 == 0 { throw Refused() }  // after its insert: must roll back alone
                                if value % 25 == 1 {
                                    // A duplicate key: the statement fails inside the member's savepoint.
                                    try await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                                }
                            }
                            // Acknowledged means durable and visible to readers.
                            let seen = try await provider.read { db in
                                try await db.raw("SELECT COUNT(*) AS n FROM scratch WHERE x = \(literal: value)")
                                    .first()?.decode(column: "n", as: Int.self)
                            }
                            #expect(seen == 1)
                            return (value, true)
                        } catch {
                            return (value, false)
                        }
                    }
                }
                return try await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            let expected = Dictionary(uniqueKeysWithValues: (1...200).map { ($0, $0 % 10 != 0 && $0 % 25 != 1) })
            #expect(outcomes == expected)
            let stored = try await provider.read { db in
                try await db.raw("SELECT x FROM scratch ORDER BY x").all().map {
                    try $0.decode(column: "x", as: Int.self)
                }
            }
            #expect(stored == expected.filter(\.value).keys.sorted())
            let commits = try Self.commitCount(provider) - before
            #expect(commits >= 1 && commits < 200, "\(commits) commits for 200 transactions")
        }
    }

    /// Two processes on one PostgreSQL database, each sharing COMMITs among its own writes: the writes are shaped as
    /// Pingan's are — an intake takes the year's case-number row and then the audit chain's lock, an action takes only
    /// the lock — so a batch holding the lock (an action first) and wanting the row (an intake next) must never meet a
    /// batch of the other process holding the row and wanting the lock.
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs PINGAN_TEST_POSTGRES_URL"))
    func twoProcessesWritingAtOnceNeitherDeadlockNorLoseAWrite() async throws {
        try await TestDatabase.with(.postgres) { first in
            let name = try await first.read { db in
                try await db.raw("SELECT current_database() AS name").first()?.decode(column: "name", as: String.self)
            }
            let url = try #require(ProcessInfo.processInfo.environment["PINGAN_TEST_POSTGRES_URL"])
            guard case .postgres(var location) = try DatabaseURL.parse(url) else { return }
            location.database = try #require(name)
            try await first.transaction { db in
                try await db.raw("CREATE TABLE numbers (id INTEGER PRIMARY KEY, last INTEGER NOT NULL)").run()
                try await db.raw("INSERT INTO numbers (id, last) VALUES (1, 0)").run()
            }
            try await Database.with(.postgres(location), logger: Logger(label: "second")) { second in
                let failures = try await withThrowingTaskGroup(of: Int.self) { group in
                    for provider in [first, second] {
                        for index in 0..<80 {
                            group.addTask {
                                do {
                                    try await provider.transaction { db in
                                        if index % 2 == 0 {
                                            try await db.raw("UPDATE numbers SET last = last + 1 WHERE id = 1").run()
                                        }
                                        try await Dialect(.postgres).lockForTransaction(.auditChain, on: db)
                                    }
                                    return 0
                                } catch {
                                    return 1
                                }
                            }
                        }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(failures == 0)
                let last = try await second.read { db in
                    try await db.raw("SELECT last FROM numbers WHERE id = 1").first()?.decode(
                        column: "last", as: Int.self)
                }
                #expect(last == 80)
            }
        }
    }

    /// The write connection ended by the server (a restart, an administrator): writes in flight fail, nothing of them
    /// is committed, and the next write opens a new connection and succeeds.
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs PINGAN_TEST_POSTGRES_URL"))
    func aLostWriteConnectionIsReopenedForTheNextWrite() async throws {
        try await TestDatabase.with(.postgres) { provider in
            try await provider.transaction { db in
                try await db.raw("CREATE TABLE scratch (x INTEGER PRIMARY KEY)").run()
            }
            let before = try Self.commitCount(provider)
            // End every other session on this database: the write connection among them.
            try await provider.read { db in
                _ = try await db.raw(
                    """
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """
                ).all()
            }
            var failures = 0
            for value in 1...5 {
                do {
                    try await provider.transaction { db in
                        try await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                    }
                } catch {
                    failures += 1
                }
            }
            #expect(failures <= 1, "only a write on the dead connection may fail")
            let stored = try await provider.read { db in
                try await db.raw("SELECT x FROM scratch ORDER BY x").all().map {
                    try $0.decode(column: "x", as: Int.self)
                }
            }
            #expect(stored.count == 5 - failures)
            #expect(try Self.commitCount(provider) - before == 5 - failures)
        }
    }

    /// On PostgreSQL a failed statement aborts the whole transaction until it is rolled back to a savepoint. A body
    /// that swallows such a failure must fail itself — not leave the shared transaction aborted, whose COMMIT would
    /// then roll back every other member silently.
    @Test(.enabled(if: TestEngine.available.contains(.postgres), "needs PINGAN_TEST_POSTGRES_URL"))
    func aBodyThatSwallowsAFailedStatementFailsAloneOnPostgreSQL() async throws {
        try await TestDatabase.with(.postgres) { provider in
            try await provider.transaction { db in
                try await db.raw("CREATE TABLE scratch (x INTEGER PRIMARY KEY)").run()
            }
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for value in 1...40 {
                    group.addTask {
                        do {
                            try await provider.transaction { db in
                                try await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                                if value % 4 == 0 {
                                    try? await db.raw("INSERT INTO scratch (x) VALUES (\(literal: value))").run()
                                }
                            }
                            return (value, true)
                        } catch {
                            return (value, false)
                        }
                    }
                }
                return await group.reduce(into: [Int: Bool]()) { $0[$1.0] = $1.1 }
            }
            #expect(outcomes == Dictionary(uniqueKeysWithValues: (1...40).map { ($0, $0 % 4 != 0) }))
            let stored = try await provider.read { db in
                try await db.raw("SELECT x FROM scratch ORDER BY x").all().map {
                    try $0.decode(column: "x", as: Int.self)
                }
            }
            #expect(stored == (1...40).filter { $0 % 4 != 0 })
        }
    }

    /// Intakes sharing a commit count their case numbers on from the batch's memory: every acknowledged one has its
    /// own number, a failed one gives its number back (no gaps), and the sequence's row holds the last one given.
    @Test(arguments: TestEngine.available)
    func caseNumbersInSharedCommitsAreUniqueWithoutGaps(engine: TestEngine) async throws {
        struct Refused: Error {}
        try await TestDatabase.with(engine) { provider in
            let numbers = try await TestDatabase.queueingBehindHeldWriter(provider, waiting: 30) {
                try await withThrowingTaskGroup(of: [Int].self) { group in
                    for index in 0..<150 {
                        group.addTask {
                            do {
                                return try await provider.transaction { db in
                                    let cases = CaseRepository(db)
                                    // Two sequences in one batch, two numbers from one of them in some members.
                                    let year = 2026 + index % 2
                                    var taken = [try await cases.nextSequence(prefix: "T", year: year) * 10 + index % 2]
                                    if index % 5 == 0 {
                                        taken.append(
                                            try await cases.nextSequence(prefix: "T", year: year) * 10 + index % 2)
                                    }
                                    if index % 6 == 1 { throw Refused() }  // after taking numbers: they go back
                                    return taken
                                }
                            } catch is Refused {
                                return []
                            }
                        }
                    }
                    return try await group.reduce(into: [Int]()) { $0 += $1 }
                }
            }
            #expect(try Self.commitCount(provider) < 150, "members shared commits")
            for year in [0, 1] {
                let given = numbers.filter { $0 % 10 == year }.map { $0 / 10 }.sorted()
                #expect(given == Array(1...given.count))
                let stored = try await provider.read { db in
                    try await db.raw(
                        "SELECT last FROM case_sequences WHERE prefix = 'T' AND year = \(bind: 2026 + year)"
                    )
                    .first()?.decode(column: "last", as: Int.self)
                }
                #expect(stored == given.count)
            }
        }
    }
}
