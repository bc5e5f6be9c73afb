import Foundation
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Demo ledger")
struct DemoLedgerTests {
    @Test(arguments: TestEngine.available)
    func theLedgerReplaysThroughTheRulesWithoutARefusedStep(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            // setup
            let env = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(env)

            // act
            let summary = try #require(try await DemoLedger(env).load(count: 90, days: 60))
            let again = try await DemoLedger(env).load(count: 90, days: 60)

            // verify
            #expect(again == nil)
            #expect(summary.refused == 0)
            #expect(summary.cases == 90)
            #expect(summary.escalations > 0)
            let statuses = try await provider.read { db in
                try await CaseRepository(db).list(
                    {
                        var query = CaseRepository.Query()
                        query.limit = 1000
                        return query
                    }()
                ).cases.map(\.status)
            }
            #expect(Set(statuses).isSuperset(of: [.assigned, .inProgress, .resolved, .closed]))
            #expect(try await AuditService(env).verify().isIntact)
        }
    }
}
