import Foundation
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

/// The directory cache (docs/ARCHITECTURE.md "The directory cache"): what triggers move the generation on, and how
/// soon a change is seen by the process that made it and by another one.
@Suite("Directory cache and its generation")
struct DirectoryCacheTests {
    private static func generation(_ provider: any DatabaseProvider) async throws -> Int64 {
        try await provider.read { db in try await DirectoryRepository(db).generation() }
    }

    @Test(arguments: TestEngine.available)
    func theGenerationMovesOnDirectoryChangesAndNotOnCasesOrLogins(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let env = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(env)
            let start = try await Self.generation(provider)

            // Cases, logins (a new token), failed logins: nothing cached changes.
            let auth = AuthService(env)
            let issued = try await auth.login(username: "operator.zhou", password: TestEnvironment.password)
            let (principal, _) = try await auth.authenticate(token: issued.token)
            _ = try await CaseService(env).create(
                .init(
                    draft: CaseDraft(
                        kind: .request, categoryCode: "service.city", regionCode: "990102001001001", source: .hotline,
                        title: "路灯不亮", description: "小区门口路灯连续三晚不亮。")),
                by: principal)
            _ = try? await auth.login(username: "operator.zhou", password: "wrong password")
            #expect(try await Self.generation(provider) == start)

            // A unit renamed by any writer (here plain SQL, as another tool would) moves it on.
            try await provider.transaction { db in
                try await db.raw("UPDATE units SET name = name || '(新)' WHERE code = 'qs-st-guanyuan'").run()
            }
            let afterUnit = try await Self.generation(provider)
            #expect(afterUnit > start)

            // So do a new rule document and a revoked token.
            let policies = PolicyService(env)
            _ = try await policies.replace(
                .sla, json: try await policies.current(.sla).document, by: .system("test"))
            let afterPolicy = try await Self.generation(provider)
            #expect(afterPolicy > afterUnit)
            try await auth.revoke(tokenID: issued.id, by: .user(principal))
            #expect(try await Self.generation(provider) > afterPolicy)
        }
    }

    @Test(arguments: TestEngine.available)
    func aRevocationIsSeenAtOnceHereAndWithinTheRecheckIntervalElsewhere(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            // Two "processes" on one database: each its own cache, trusting a reading for an hour.
            let here = TestEnvironment.make(provider, directoryCache: DirectoryCache(recheckInterval: .seconds(3600)))
            let elsewhere = TestEnvironment.make(
                provider, directoryCache: DirectoryCache(recheckInterval: .seconds(3600)))
            let everyUse = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(here)
            let issued = try await AuthService(here).login(
                username: "handler.police", password: TestEnvironment.password)
            for env in [here, elsewhere, everyUse] {
                #expect(try await AuthService(env).authenticate(token: issued.token).0.username == "handler.police")
            }

            let (principal, _) = try await AuthService(here).authenticate(token: issued.token)
            try await AuthService(here).revoke(tokenID: issued.id, by: .user(principal))

            // The process that revoked it, and one that reads the generation on every use: refused at once.
            await #expect(throws: PinganError.self) { try await AuthService(here).authenticate(token: issued.token) }
            await #expect(throws: PinganError.self) {
                try await AuthService(everyUse).authenticate(token: issued.token)
            }
            // The other still trusts its last reading until the interval ends (simulated by expiring it).
            #expect(try await AuthService(elsewhere).authenticate(token: issued.token).0.username == "handler.police")
            elsewhere.directoryCache.expire()
            await #expect(throws: PinganError.self) {
                try await AuthService(elsewhere).authenticate(token: issued.token)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aNewRoutingTableAndAnInactiveCategoryAreUsedByTheNextIntake(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            let env = TestEnvironment.make(provider, directoryCache: DirectoryCache(recheckInterval: .seconds(3600)))
            try await TestEnvironment.loadDemo(env)
            let auth = AuthService(env)
            let issued = try await auth.login(username: "operator.zhou", password: TestEnvironment.password)
            let (principal, _) = try await auth.authenticate(token: issued.token)
            let routing = RoutingService(env)
            let before = try await routing.table()

            let stored = try await routing.replace(json: try JSONEncoder().encode(before), by: .user(admin(env)))
            #expect(try await routing.table().version == stored.version)
            #expect(stored.version == before.version + 1)

            // A category switched off by plain SQL (another process) is refused once the cache reads again.
            try await provider.transaction { db in
                try await db.raw("UPDATE categories SET active = 0 WHERE code = 'service.city'").run()
            }
            env.directoryCache.expire()
            let draft = CaseDraft(
                kind: .request, categoryCode: "service.city", regionCode: "990102001001001", source: .hotline,
                title: "路灯不亮", description: "小区门口路灯连续三晚不亮。")
            do {
                _ = try await CaseService(env).create(.init(draft: draft), by: principal)
                Issue.record("an inactive category was accepted")
            } catch let PinganError.invalid(violations) {
                #expect(violations.map(\.field) == ["category_code"])
            }
        }
    }

    private func admin(_ env: ServiceEnvironment) async throws -> Principal {
        let issued = try await AuthService(env).login(username: "admin", password: TestEnvironment.password)
        return try await AuthService(env).authenticate(token: issued.token).0
    }
}
