import Foundation
import PinganCore
import SQLKit

/// Assessment records in the store (BRIEF §4, issue 7): item scores, automatic-item bindings, incidents, appeals and
/// accountability cases, each kept as its JSON record beside the columns that queries filter on.
public struct AssessmentRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = Timestamp.jsonEncoding
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.jsonDecoding
        return try decoder.decode(type, from: Data(text.utf8))
    }

    // MARK: Bindings

    /// Binds an item of a list version to a ledger indicator, replacing an earlier binding.
    public func bind(
        listID: UUID, itemKey: String, _ binding: MetricBinding, by actor: String, at time: Date
    )
        async throws
    {
        try await db.raw(
            """
            INSERT INTO item_bindings (list_id, item_key, binding, set_by, set_at)
            VALUES (\(bind: listID.uuidString), \(bind: itemKey), \(bind: try Self.json(binding)), \(bind: actor),
                \(bind: Timestamp.format(time)))
            ON CONFLICT (list_id, item_key) DO UPDATE SET binding = excluded.binding, set_by = excluded.set_by,
                set_at = excluded.set_at
            """
        ).run()
    }

    /// The bindings of a list version, by item key.
    public func bindings(listID: UUID) async throws -> [String: MetricBinding] {
        var result: [String: MetricBinding] = [:]
        for row in try await db.raw(
            "SELECT item_key, binding FROM item_bindings WHERE list_id = \(bind: listID.uuidString)"
        ).all() {
            result[try row.string("item_key")] = try Self.decode(MetricBinding.self, try row.string("binding"))
        }
        return result
    }

    // MARK: Scores

    /// Stores a score (scores are never updated; a later one supersedes). `seq` numbers the scores in the order
    /// they were stored, so two scores set at the same instant (an appeal decided at once) still have an order.
    public func insert(_ score: ItemScore) async throws {
        try await db.raw(
            """
            INSERT INTO item_scores (id, seq, list_id, period, region_code, item_key, unit_id, set_at, record)
            SELECT \(bind: score.id.uuidString), COALESCE(MAX(seq), 0) + 1, \(bind: score.listID.uuidString),
                \(bind: score.period.description), \(bind: score.regionCode), \(bind: score.itemKey),
                \(bind: score.unitID?.uuidString), \(bind: Timestamp.format(score.setAt)), \(bind: try Self.json(score))
            FROM item_scores
            """
        ).run()
    }

    /// Every score of an assessment (period, region, list version), oldest first.
    public func scores(period: String, regionCode: String, listID: UUID) async throws -> [ItemScore] {
        try await db.raw(
            """
            SELECT record FROM item_scores WHERE period = \(bind: period) AND region_code = \(bind: regionCode)
                AND list_id = \(bind: listID.uuidString) ORDER BY set_at, seq
            """
        ).all().map { try Self.decode(ItemScore.self, try $0.string("record")) }
    }

    /// The score with `id`.
    public func score(id: UUID) async throws -> ItemScore? {
        try await db.raw("SELECT record FROM item_scores WHERE id = \(bind: id.uuidString)").first().map {
            try Self.decode(ItemScore.self, try $0.string("record"))
        }
    }

    // MARK: Incidents

    /// Stores an incident recorded for an assessment (period, subject region, list version).
    public func insert(_ incident: Incident, listID: UUID, period: String, subjectRegionCode: String) async throws {
        try await db.raw(
            """
            INSERT INTO incidents (id, list_id, period, region_code, unit_id, occurred_at, record)
            VALUES (\(bind: incident.id.uuidString), \(bind: listID.uuidString), \(bind: period),
                \(bind: subjectRegionCode), \(bind: incident.unitID.uuidString),
                \(bind: Timestamp.format(incident.occurredAt)), \(bind: try Self.json(incident)))
            """
        ).run()
    }

    /// The incidents of an assessment, in time order.
    public func incidents(period: String, regionCode: String, listID: UUID) async throws -> [Incident] {
        try await db.raw(
            """
            SELECT record FROM incidents WHERE period = \(bind: period) AND region_code = \(bind: regionCode)
                AND list_id = \(bind: listID.uuidString) ORDER BY occurred_at, id
            """
        ).all().map { try Self.decode(Incident.self, try $0.string("record")) }
    }

    /// A unit's incidents at or after `since`, in time order (for the major-incident trigger).
    public func incidents(unitID: UUID, since: Date) async throws -> [Incident] {
        try await db.raw(
            """
            SELECT record FROM incidents WHERE unit_id = \(bind: unitID.uuidString)
                AND occurred_at >= \(bind: Timestamp.format(since)) ORDER BY occurred_at, id
            """
        ).all().map { try Self.decode(Incident.self, try $0.string("record")) }
    }

    // MARK: Appeals

    /// Stores a new appeal or its decision.
    public func save(_ appeal: Appeal) async throws {
        try await db.raw(
            """
            INSERT INTO appeals (id, score_id, filed_at, record)
            VALUES (\(bind: appeal.id.uuidString), \(bind: appeal.scoreID.uuidString),
                \(bind: Timestamp.format(appeal.filedAt)), \(bind: try Self.json(appeal)))
            ON CONFLICT (id) DO UPDATE SET record = excluded.record
            """
        ).run()
    }

    /// The appeal with `id`.
    public func appeal(id: UUID) async throws -> Appeal? {
        try await db.raw("SELECT record FROM appeals WHERE id = \(bind: id.uuidString)").first().map {
            try Self.decode(Appeal.self, try $0.string("record"))
        }
    }

    // MARK: Accountability cases

    /// Stores a new case under `triggerKey`; false when a case with that key exists already (opened once).
    public func open(_ item: AccountabilityCase, triggerKey: String) async throws -> Bool {
        let existing = try await db.raw(
            "SELECT id FROM accountability_cases WHERE trigger_key = \(bind: triggerKey)"
        ).first()
        guard existing == nil else { return false }
        try await db.raw(
            """
            INSERT INTO accountability_cases (id, unit_id, trigger_key, opened_at, closed_at, record)
            VALUES (\(bind: item.id.uuidString), \(bind: item.unitID.uuidString), \(bind: triggerKey),
                \(bind: Timestamp.format(item.openedAt ?? Date())), \(bind: item.closedAt.map(Timestamp.format)),
                \(bind: try Self.json(item)))
            """
        ).run()
        return true
    }

    /// Replaces a case's record.
    public func update(_ item: AccountabilityCase) async throws {
        try await db.raw(
            """
            UPDATE accountability_cases SET closed_at = \(bind: item.closedAt.map(Timestamp.format)),
                record = \(bind: try Self.json(item))
            WHERE id = \(bind: item.id.uuidString)
            """
        ).run()
    }

    /// The case with `id`.
    public func accountabilityCase(id: UUID) async throws -> AccountabilityCase? {
        try await db.raw("SELECT record FROM accountability_cases WHERE id = \(bind: id.uuidString)").first().map {
            try Self.decode(AccountabilityCase.self, try $0.string("record"))
        }
    }

    /// A unit's cases (or every case when `unitID` is nil), oldest first.
    public func accountabilityCases(unitID: UUID?) async throws -> [AccountabilityCase] {
        var sql: SQLQueryString = "SELECT record FROM accountability_cases"
        if let unitID { sql += " WHERE unit_id = \(bind: unitID.uuidString)" }
        sql += " ORDER BY opened_at, id"
        return try await db.raw(sql).all().map { try Self.decode(AccountabilityCase.self, try $0.string("record")) }
    }
}
