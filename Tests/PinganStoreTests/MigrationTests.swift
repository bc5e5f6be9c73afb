import Foundation
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Migrations")
struct MigrationTests {
    @Test(arguments: TestEngine.available)
    func migrationsApplyOnceAndAreIdempotent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { provider in
            // act
            let runner = MigrationRunner(provider: provider, logger: TestDatabase.logger)
            let first = try await runner.migrate()
            let second = try await runner.migrate()

            // verify
            #expect(first.map(\.version) == Migrations.all.map(\.version))
            #expect(second.isEmpty)
            #expect(try await runner.appliedVersions() == Migrations.all.map(\.version))
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentRunnersApplyEachMigrationExactlyOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { provider in
            let applied = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await MigrationRunner(provider: provider, logger: TestDatabase.logger).migrate().count
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(applied == Migrations.all.count)
        }
    }

    /// M0015 fills the duplicate check's text of the cases stored before it from their records.
    @Test(arguments: TestEngine.available)
    func intakeTextIsFilledForCasesStoredBeforeItsColumn(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { provider in
            // arrange: the schema before M0015, one case in it (the record holds title and description)
            let before = Migrations.all.filter { $0.version < 15 }
            try await MigrationRunner(provider: provider, migrations: before, logger: TestDatabase.logger).migrate()
            try await provider.transaction { db in
                for statement in [
                    "INSERT INTO regions (code, name, level, parent_code, path, created_at) VALUES ('99', '示范市', 'city', NULL, '99', 't')",
                    "INSERT INTO categories (code, domain, name_zh, name_en) VALUES ('c.x', 'conflict', '纠纷', 'Dispute')",
                    """
                    INSERT INTO cases (id, number, kind, category_code, region_code, region_path, source, level, status,
                        version, created_at, updated_at, record)
                    VALUES ('c1', 'N-1', 'dispute', 'c.x', '99', '99', 'hotline', 'none', 'received', 1, 't', 't',
                        '{"title":"楼道堵塞","description":"消防通道被占","number":"N-1"}')
                    """,
                    """
                    INSERT INTO cases (id, number, kind, category_code, region_code, region_path, source, level, status,
                        version, created_at, updated_at, record)
                    VALUES ('c2', 'N-2', 'dispute', 'c.x', '99', '99', 'hotline', 'none', 'received', 1, 't', 't', '{}')
                    """,
                ] {
                    try await db.raw(SQLQueryString(statement)).run()
                }
            }

            // act
            let applied = try await MigrationRunner(provider: provider, logger: TestDatabase.logger).migrate()

            // verify
            #expect(applied.map(\.version) == Migrations.all.map(\.version).filter { $0 >= 15 })
            let texts = try await provider.read { db in
                try await db.raw("SELECT id, intake_text FROM cases ORDER BY id").all().map {
                    try $0.decode(column: "intake_text", as: String.self)
                }
            }
            #expect(texts == ["楼道堵塞 消防通道被占", " "])
        }
    }

    @Test(arguments: TestEngine.available)
    func foreignKeysAreEnforced(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            await #expect(throws: (any Error).self) {
                try await provider.transaction { db in
                    try await db.raw(
                        """
                        INSERT INTO regions (code, name, level, parent_code, path, created_at)
                        VALUES ('990199001', 'x', 'street', '990199', '990199/990199001', 't')
                        """
                    ).run()
                }
            }
        }
    }
}
