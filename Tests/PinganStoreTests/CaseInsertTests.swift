import Foundation
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

/// ``CaseRepository/insert(_:regionPath:reporterID:events:)`` writes the case, its participating units and its first
/// events together — on PostgreSQL in one statement — or nothing.
@Suite("Case insert")
struct CaseInsertTests {
    @Test(arguments: TestEngine.available)
    func aCaseWithParticipantsAndEventsIsStoredWhole(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { provider in
            // arrange: a stored demo case as the template of a new one with two participating units and two events
            let env = TestEnvironment.make(provider)
            try await TestEnvironment.loadDemo(env)
            _ = try await DemoLedger(env).load(count: 5, days: 10)
            let (template, regionPath, events) = try await provider.read { db in
                let cases = CaseRepository(db)
                let stored = try #require(try await cases.list(CaseRepository.Query()).cases.first)
                let found = try #require(try await cases.find(id: stored.id))
                return (stored, found.regionPath, try await cases.events(caseID: stored.id))
            }
            let units = try await provider.read { db in
                try await db.raw("SELECT id FROM units ORDER BY code LIMIT 2").all().map {
                    try $0.decode(column: "id", as: String.self)
                }
            }
            var record = template
            record.id = UUID()
            record.number = "TEST-2026-000001"
            record.participatingUnitIDs = units.compactMap(UUID.init(uuidString:))
            let newEvents = events.prefix(2).map { event -> CaseEvent in
                var event = event
                event.id = UUID()
                event.caseID = record.id
                return event
            }
            #expect(record.participatingUnitIDs.count == 2 && newEvents.count >= 1)
            let (valid, eventsToStore) = (record, Array(newEvents))

            // act
            try await provider.transaction { db in
                _ = try await CaseRepository(db).insert(
                    valid, regionPath: regionPath, reporterID: nil, events: eventsToStore)
            }
            var unknown = record
            unknown.id = UUID()
            unknown.number = "TEST-2026-000002"
            unknown.categoryCode = "no.such.category"
            let unknownEvents = newEvents.map { event -> CaseEvent in
                var event = event
                event.id = UUID()
                event.caseID = unknown.id
                return event
            }
            let refused = unknown
            await #expect(throws: (any Error).self) {
                try await provider.transaction { db in
                    _ = try await CaseRepository(db).insert(
                        refused, regionPath: regionPath, reporterID: nil, events: unknownEvents)
                }
            }

            // verify
            let (id, refusedID) = (record.id, unknown.id)
            let (stored, participants, timeline, orphans) = try await provider.read { db in
                let cases = CaseRepository(db)
                return (
                    try await cases.find(id: id)?.record,
                    try await db.raw(
                        "SELECT unit_id FROM case_participants WHERE case_id = \(bind: id.uuidString)"
                    ).all().map { try $0.decode(column: "unit_id", as: String.self) }.sorted(),
                    try await cases.events(caseID: id).map(\.id),
                    try await db.raw(
                        """
                        SELECT (SELECT COUNT(*) FROM cases WHERE id = \(bind: refusedID.uuidString))
                            + (SELECT COUNT(*) FROM case_events WHERE case_id = \(bind: refusedID.uuidString)) AS n
                        """
                    ).first()?.decode(column: "n", as: Int.self)
                )
            }
            #expect(stored?.number == record.number)
            #expect(participants == units.sorted())
            #expect(Set(timeline) == Set(newEvents.map(\.id)))
            #expect(orphans == 0)
        }
    }
}
