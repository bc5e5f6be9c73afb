import Foundation
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Organisation in the store")
struct OrganisationRepositoryTests {
    @Test(arguments: TestEngine.available)
    func theDemoDistrictLoadsOnceWithLeadersAndRoles(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            // setup
            let env = TestEnvironment.make(provider)

            // act
            try await TestEnvironment.loadDemo(env)
            let again = try await DemoDistrict(env).load(password: nil)

            // verify
            #expect(again == .skipped)
            let (regions, units, guanyuan, handler) = try await provider.read { db in
                (
                    try await RegionRepository(db).count(), try await UnitRepository(db).count(),
                    try await UnitRepository(db).find(code: "qs-st-guanyuan"),
                    try await UserRepository(db).find(username: "handler.police")
                )
            }
            #expect(regions == 2 + 3 + 6 + 24)
            #expect(units == 13)
            #expect(guanyuan?.leaders.count == 3)
            #expect(handler?.roles == [.handler])
            let audit = try await AuditService(env).verify()
            #expect(audit.isIntact)
            #expect(audit.checked == 35 + 13 + 30 + 4 + 1)  // regions, units, users, leaders, routing table
        }
    }

    @Test(arguments: TestEngine.available)
    func listingUnitsByRegionSubtreeUsesThePath(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            try await TestEnvironment.loadDemo(TestEnvironment.make(provider))
            let street = try await provider.read { db in
                try await UnitRepository(db).list(regionPath: "990100/990102/990102002").map(\.code)
            }
            #expect(street == ["qs-st-guanyuan"])
        }
    }
}
