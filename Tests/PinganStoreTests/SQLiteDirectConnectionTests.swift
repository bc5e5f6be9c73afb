import Foundation
import Logging
import PinganConfig
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

/// SQLite's own connections (`SQLiteDirectConnection`): values, errors, the statement cache, the background
/// checkpoint and shutdown.
@Suite("SQLite connections")
struct SQLiteDirectConnectionTests {
    struct Values: Codable, Equatable {
        var integer: Int
        var double: Double
        var text: String
        var blob: Data
        var flag: Bool
        var missing: String?
    }

    static let samples = [
        Values(integer: Int.min, double: -0.5, text: "", blob: Data(), flag: false, missing: nil),
        Values(
            integer: 9_007_199_254_740_993, double: 1e300, text: "矛盾纠纷 ☂️ \u{0} after a NUL",
            blob: Data([0, 1, 2, 255]), flag: true, missing: "present"),
    ]

    private static func insert(_ values: Values, id: Int, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO scratch (id, integer, double, text, blob, flag, missing)
            VALUES (\(bind: id), \(bind: values.integer), \(bind: values.double), \(bind: values.text),
                \(bind: values.blob), \(bind: values.flag), \(bind: values.missing))
            """
        ).run()
    }

    private static func read(id: Int, on db: any SQLDatabase) async throws -> Values? {
        guard
            let row = try await db.raw(
                "SELECT integer, double, text, blob, flag, missing FROM scratch WHERE id = \(bind: id)"
            ).first()
        else { return nil }
        #expect(row.allColumns == ["integer", "double", "text", "blob", "flag", "missing"])
        #expect(!row.contains(column: "absent"))
        #expect(throws: (any Error).self) { try row.decode(column: "absent", as: String.self) }
        let values = try row.decode(model: Values.self)
        #expect(try row.decodeNil(column: "missing") == (values.missing == nil))
        return values
    }

    private static let schema =
        "CREATE TABLE scratch (id INTEGER PRIMARY KEY, integer INTEGER, double REAL, text TEXT, blob BLOB, flag INTEGER, missing TEXT)"

    @Test func valuesRoundTripThroughTheWriterAndTheReadersUnchanged() async throws {
        try await TestDatabase.with(.sqlite, migrate: false) { provider in
            try await provider.transaction { db in try await db.raw(SQLQueryString(Self.schema)).run() }
            for (id, values) in Self.samples.enumerated() {
                // Read back inside the writing transaction (the writer's connection) and after it (a reader's).
                let inside = try await provider.transaction { db in
                    try await Self.insert(values, id: id, on: db)
                    return try await Self.read(id: id, on: db)
                }
                #expect(inside == values)
                #expect(try await provider.read { db in try await Self.read(id: id, on: db) } == values)
            }
        }
    }

    @Test func aUniqueViolationIsRecognisedAndAnSQLErrorCarriesTheLibrarysMessage() async throws {
        try await TestDatabase.with(.sqlite, migrate: false) { provider in
            try await provider.transaction { db in try await db.raw(SQLQueryString(Self.schema)).run() }
            try await provider.transaction { db in try await Self.insert(Self.samples[0], id: 1, on: db) }
            do {
                try await provider.transaction { db in try await Self.insert(Self.samples[1], id: 1, on: db) }
                Issue.record("a second row with the same key was accepted")
            } catch {
                #expect(StoreFault.isUniqueViolation(error))
            }
            do {
                _ = try await provider.read { db in try await db.raw("SELEC 1").all() }
                Issue.record("a syntax error was accepted")
            } catch {
                #expect(!StoreFault.isUniqueViolation(error))
                #expect(String(describing: error).contains("syntax error"))
            }
            // The failed statements left both connections usable, and the first row alone.
            #expect(try await provider.read { db in try await Self.read(id: 1, on: db) } == Self.samples[0])
        }
    }

    @Test func statementsBeyondTheCacheStillRunAndKeptOnesAreReusedCorrectly() async throws {
        try await TestDatabase.with(.sqlite, migrate: false) { provider in
            try await provider.transaction { db in try await db.raw(SQLQueryString(Self.schema)).run() }
            // More distinct statement texts than the cache keeps (256), each run twice with other binds.
            try await provider.transaction { db in
                for round in 0..<2 {
                    for id in 0..<300 {
                        // The comment makes each statement text distinct.
                        try await db.raw(
                            "INSERT INTO scratch (id, integer) VALUES (\(bind: id * 2 + round), \(bind: id * 10 + round)) -- \(unsafeRaw: String(id))"
                        ).run()
                    }
                }
            }
            let sum = try await provider.read { db in
                try await db.raw("SELECT SUM(integer) AS total, COUNT(*) AS n FROM scratch").first()
            }
            #expect(try sum?.decode(column: "n", as: Int.self) == 600)
            // Σ over id of (10·id) + (10·id + 1) = 20 · Σid + 300.
            #expect(try sum?.decode(column: "total", as: Int.self) == 20 * (299 * 300 / 2) + 300)
        }
    }

    @Test func theBackgroundCheckpointCopiesTheWriteAheadLogIntoTheDatabaseFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pingan-ckpt-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("test.sqlite").path
        @Sendable func fileSize() throws -> Int {
            try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        }
        try await Database.with(.sqlite(path: path), logger: TestDatabase.logger) { provider in
            try await provider.transaction { db in try await db.raw("CREATE TABLE big (x BLOB)").run() }
            // About 2 MiB: 500 pages of 4 KiB — far below the size at which a COMMIT checkpoints itself.
            let before = try fileSize()
            try await provider.transaction { db in
                for _ in 0..<500 { try await db.raw("INSERT INTO big (x) VALUES (randomblob(4000))").run() }
            }
            var after = try fileSize()
            let deadline = ContinuousClock.now + .seconds(10)
            while after < before + 2_000_000, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(50))
                after = try fileSize()
            }
            #expect(after >= before + 2_000_000, "the database file did not grow: nothing was checkpointed")
        }
    }

    @Test func shutdownWhileWritesAreInFlightKeepsEveryAcknowledgedWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pingan-stop-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("test.sqlite").path)
        let acknowledged = try await Database.with(url, logger: TestDatabase.logger) { provider in
            try await provider.transaction { db in try await db.raw("CREATE TABLE scratch (x INTEGER)").run() }
            return await withTaskGroup(of: Int?.self) { group in
                for value in 1...300 {
                    group.addTask {
                        do {
                            try await provider.transaction { db in
                                try await db.raw("INSERT INTO scratch (x) VALUES (\(bind: value))").run()
                            }
                            return value
                        } catch {
                            return nil  // after the shutdown: refused, and so never acknowledged
                        }
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(5))
                    try? await provider.shutdown()
                    return nil
                }
                var acknowledged: Set<Int> = []
                for await value in group { if let value { acknowledged.insert(value) } }
                return acknowledged
            }
        }
        let stored = try await Database.with(url, logger: TestDatabase.logger) { provider in
            try await provider.read { db in
                try await db.raw("SELECT x FROM scratch").all().map { try $0.decode(column: "x", as: Int.self) }
            }
        }
        #expect(acknowledged.isSubset(of: Set(stored)), "acknowledged writes missing after the shutdown")
    }
}
