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
