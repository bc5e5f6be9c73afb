import Foundation
import PinganCore
import SQLKit

/// Cases with their timelines, for the ledger metrics and the monthly reconciliation: two queries (the cases, then
/// the events of the same cases), however many cases there are.
public struct CaseHistoryRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Which histories to load. The filters only narrow the candidates; the core decides exactly what counts.
    public struct Query: Sendable {
        /// Only cases created before this instant.
        public var createdBefore: Date
        /// Leave out cases in these statuses that last changed before ``settledBefore`` (they cannot count).
        public var settledStatuses: [CaseStatus] = []
        /// See ``settledStatuses``.
        public var settledBefore: Date?
        /// Only cases in this region subtree.
        public var regionPath: String?
        /// Only cases this unit is or was responsible for (now, or named by an `assigned` or `lead_designated`
        /// event).
        public var unitID: UUID?

        /// A query for cases created before `createdBefore`.
        public init(createdBefore: Date) { self.createdBefore = createdBefore }
    }

    /// The histories matching `query`, in case-number order.
    public func histories(_ query: Query) async throws -> [CaseHistory] {
        var filter: SQLQueryString = "c.created_at < \(bind: Timestamp.format(query.createdBefore))"
        if let before = query.settledBefore, !query.settledStatuses.isEmpty {
            filter += """
                 AND NOT (c.status IN (\(binds: query.settledStatuses.map(\.rawValue)))
                 AND c.updated_at < \(bind: Timestamp.format(before)))
                """
        }
        if let path = query.regionPath {
            filter += """
                 AND (c.region_path = \(bind: path) OR c.region_path LIKE \(bind: RegionRepository.likePrefix(path)))
                """
        }
        if let unit = query.unitID {
            filter += """
                 AND (c.responsible_unit_id = \(bind: unit.uuidString) OR EXISTS (SELECT 1 FROM case_events u
                 WHERE u.case_id = c.id AND u.type IN ('assigned', 'lead_designated')
                 AND u.data LIKE \(bind: "%" + unit.uuidString + "%")))
                """
        }
        let cases = try await db.raw(
            "SELECT c.record, c.region_path FROM cases c WHERE " + filter + " ORDER BY c.number"
        )
        .all().map { (try CaseRepository.decode($0.string("record")), try $0.string("region_path")) }
        var events: [UUID: [CaseEvent]] = [:]
        let rows = try await db.raw(
            "SELECT e.* FROM case_events e WHERE e.case_id IN (SELECT c.id FROM cases c WHERE " + filter
                + ") ORDER BY e.case_id, e.version, e.at, e.id"
        ).all()
        for row in rows {
            let event = try Self.event(row)
            events[event.caseID, default: []].append(event)
        }
        return cases.map { CaseHistory(record: $0.0, regionPath: $0.1, events: events[$0.0.id] ?? []) }
    }

    // The same decoding as CaseRepository.events(caseID:), kept here so that file stays untouched.
    private static func event(_ row: any SQLRow) throws -> CaseEvent {
        guard let type = CaseEventType(rawValue: try row.string("type")) else {
            throw StoreError.corrupt(column: "case_events.type", value: try row.string("type"))
        }
        return CaseEvent(
            id: try row.uuid("id"), caseID: try row.uuid("case_id"), at: try row.date("at"),
            actor: try CaseRepository.decoder.decode(ActorRef.self, from: Data(try row.string("actor").utf8)),
            type: type, note: try row.optionalString("note"),
            data: try CaseRepository.decoder.decode([String: String].self, from: Data(try row.string("data").utf8)),
            version: try row.int("version"))
    }
}
