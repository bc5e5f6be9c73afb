import Foundation
import PinganCore
import SQLKit

/// The case ledger in the store (issue 3): each case as its JSON record plus the columns lists filter and sort on,
/// its participating units, its timeline, its sealed parties, and the yearly number sequences.
public struct CaseRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// The next sequence number for case numbers with `prefix` in `year`; safe under concurrent writers on both
    /// engines (an atomic upsert, whose row lock holds other writers off until the transaction ends). Inside a write
    /// batch only the batch's first intake runs it; later ones count on from the batch's memory, and the last number
    /// is stored before the batch commits (``BatchMemory``).
    public func nextSequence(prefix: String, year: Int) async throws -> Int {
        let memory = (db as? BatchMemberDatabase)?.memory
        let key = BatchMemory.SequenceKey(prefix: prefix, year: year)
        let counted = memory?.update { learnt -> Int? in
            guard let sequence = learnt.sequences[key] else { return nil }
            learnt.sequences[key]?.issued = sequence.issued + 1
            return sequence.issued + 1
        }
        if let counted = counted ?? nil { return counted }
        let row = try await db.raw(
            """
            INSERT INTO case_sequences (prefix, year, last) VALUES (\(bind: prefix), \(bind: year), 1)
            ON CONFLICT (prefix, year) DO UPDATE SET last = case_sequences.last + 1
            RETURNING last
            """
        ).first()
        guard let row else { throw StoreError.corrupt(column: "case_sequences.last", value: "no row returned") }
        let last = try row.int("last")
        memory?.update { $0.sequences[key] = .init(issued: last, stored: last) }
        return last
    }

    /// Stores `last` as the last number given out of a sequence whose row exists (``BatchMemory/flush(on:)``).
    static func storeSequence(prefix: String, year: Int, last: Int, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE case_sequences SET last = \(bind: last) WHERE prefix = \(bind: prefix) AND year = \(bind: year)
            """
        ).run()
    }

    /// Inserts a new case with its first events; answers the record as stored (the API's JSON form, ``WireJSON``).
    @discardableResult
    public func insert(
        _ record: Case, regionPath: String, reporterID: UUID?, events: [CaseEvent]
    ) async throws -> String {
        let stored = try Self.encode(record)
        let insertCase: SQLQueryString = """
            INSERT INTO cases (id, number, kind, category_code, region_code, region_path, source, level, status,
                responsible_unit_id, reporter_id, deadline, supervised, is_public, version, created_at, updated_at,
                record, intake_text)
            VALUES (\(bind: record.id.uuidString), \(bind: record.number), \(bind: record.kind.rawValue),
                \(bind: record.categoryCode), \(bind: record.regionCode), \(bind: regionPath),
                \(bind: record.source.rawValue), \(bind: record.level.rawValue), \(bind: record.status.rawValue),
                \(bind: record.responsibleUnitID?.uuidString), \(bind: reporterID?.uuidString),
                \(bind: record.deadline.map(Timestamp.format)), \(bind: record.isSupervised ? 1 : 0),
                \(bind: record.isPublic ? 1 : 0), \(bind: record.version), \(bind: Timestamp.format(record.createdAt)),
                \(bind: Timestamp.format(record.updatedAt)), \(bind: stored),
                \(bind: record.title + " " + record.description))
            """
        let parts = [insertCase, Self.participantsInsert(record), try Self.eventsInsert(events)].compactMap { $0 }
        if Dialect(of: db).engine == .postgres, parts.count > 1 {
            // One round trip: the case, its participants and its events in one statement (data-modifying WITH;
            // the foreign keys are checked at the statement's end, when the case row exists). The writer's round
            // trips bound intake on PostgreSQL (docs/PERFORMANCE.md "Intake, fourth pass").
            let leading = parts.dropLast().enumerated().map { index, part -> SQLQueryString in
                "w\(unsafeRaw: String(index)) AS (" + part + ")"
            }
            try await db.raw("WITH " + leading.joined(separator: ", ") + " " + parts[parts.count - 1]).run()
        } else {
            for part in parts { try await db.raw(part).run() }
        }
        return stored
    }

    /// Writes a changed case if nobody changed it since `expectedVersion`; returns false when the stored version
    /// differs (the caller answers 409 with the current version).
    public func update(_ record: Case, expectedVersion: Int, events: [CaseEvent]) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE cases SET level = \(bind: record.level.rawValue), status = \(bind: record.status.rawValue),
                responsible_unit_id = \(bind: record.responsibleUnitID?.uuidString),
                deadline = \(bind: record.deadline.map(Timestamp.format)),
                supervised = \(bind: record.isSupervised ? 1 : 0), is_public = \(bind: record.isPublic ? 1 : 0),
                version = \(bind: record.version), updated_at = \(bind: Timestamp.format(record.updatedAt)),
                record = \(bind: try Self.encode(record))
            WHERE id = \(bind: record.id.uuidString) AND version = \(bind: expectedVersion)
            RETURNING id
            """
        ).all()
        guard !rows.isEmpty else { return false }
        try await replaceParticipants(record)
        try await append(events)
        return true
    }

    /// A stored case with the facts access rules need.
    public struct Stored: Sendable {
        /// The case.
        public var record: Case
        /// The path of its region.
        public var regionPath: String
        /// Who reported it, when a user did.
        public var reporterID: UUID?
    }

    /// The case with `id`.
    public func find(id: UUID) async throws -> Stored? {
        try await db.raw("SELECT record, region_path, reporter_id FROM cases WHERE id = \(bind: id.uuidString)")
            .first().map(Self.stored)
    }

    /// The case numbered `number`.
    public func find(number: String) async throws -> Stored? {
        try await db.raw("SELECT record, region_path, reporter_id FROM cases WHERE number = \(bind: number)")
            .first().map(Self.stored)
    }

    /// The newest open cases of `category` created since `since` whose region is `neighbourhood` or lies under it
    /// (``RegionProximity/neighbourhood(of:)``), at most `limit`: the candidates of the duplicate check at intake. The
    /// walk goes newest first through M0013's index, testing region and status on its entries; `_` in a path would
    /// match any character in `LIKE`, which can only add a candidate that the proximity test then drops.
    public func duplicateCandidates(
        category: String, neighbourhood: String, since: Date, limit: Int
    ) async throws -> [DuplicateCandidate] {
        // The category is the one asked for, so it is not read back; the text is M0015's column.
        return try await db.raw(
            """
            SELECT id, number, region_path, created_at, status, intake_text AS text
            FROM cases
            WHERE category_code = \(bind: category) AND created_at >= \(bind: Timestamp.format(since))
                AND (region_path = \(bind: neighbourhood) OR region_path LIKE \(bind: neighbourhood + "/%"))
                AND status IN ('received', 'assigned', 'in_progress', 'resolved')
            ORDER BY created_at DESC LIMIT \(literal: max(1, limit))
            """
        ).all().map { row in
            DuplicateCandidate(
                caseID: try row.uuid("id"), number: try row.string("number"), categoryCode: category,
                regionPath: try row.string("region_path"), text: try row.string("text"),
                createdAt: try row.date("created_at"),
                status: CaseStatus(rawValue: try row.string("status")) ?? .received)
        }
    }

    /// Rewrites up to `limit` case records still in the earlier camelCase form in the current form (same content,
    /// same version: only the storage form changes) and answers how many it found. A record changed meanwhile is
    /// left for the next call.
    public func rewriteLegacyRecords(limit: Int) async throws -> Int {
        let rows = try await db.raw(
            """
            SELECT id, record FROM cases WHERE record NOT LIKE \(bind: "%" + Self.snakeCaseMarker + "%")
            LIMIT \(literal: max(1, limit))
            """
        ).all()
        for row in rows {
            let old = try row.string("record")
            try await db.raw(
                """
                UPDATE cases SET record = \(bind: try Self.encode(Self.decode(old)))
                WHERE id = \(bind: try row.string("id")) AND record = \(bind: old)
                """
            ).run()
        }
        return rows.count
    }

    /// Resolved cases, least recently changed first: the candidates for closing after the feedback period.
    public func resolved(limit: Int) async throws -> [Stored] {
        try await db.raw(
            """
            SELECT record, region_path, reporter_id FROM cases WHERE status = 'resolved'
            ORDER BY updated_at LIMIT \(literal: max(1, limit))
            """
        ).all().map(Self.stored)
    }

    private static func stored(_ row: any SQLRow) throws -> Stored {
        Stored(
            record: try decode(row.string("record")), regionPath: try row.string("region_path"),
            reporterID: try row.optionalUUID("reporter_id"))
    }

    /// The timeline of a case, oldest first.
    public func events(caseID: UUID) async throws -> [CaseEvent] {
        try await db.raw(
            "SELECT * FROM case_events WHERE case_id = \(bind: caseID.uuidString) ORDER BY version, at, id"
        ).all().map { row in
            guard let type = CaseEventType(rawValue: try row.string("type")) else {
                throw StoreError.corrupt(column: "case_events.type", value: try row.string("type"))
            }
            return CaseEvent(
                id: try row.uuid("id"), caseID: try row.uuid("case_id"), at: try row.date("at"),
                actor: try Self.decoder.decode(ActorRef.self, from: Data(try row.string("actor").utf8)),
                type: type, note: try row.optionalString("note"),
                data: try Self.decoder.decode([String: String].self, from: Data(try row.string("data").utf8)),
                version: try row.int("version"))
        }
    }

    /// Stores the sealed parties of a case, to be purged after `purgeAfter`.
    public func storeParties(caseID: UUID, sealed: String, at time: Date, purgeAfter: Date) async throws {
        try await db.raw(
            """
            INSERT INTO case_parties (case_id, sealed, created_at, purge_after)
            VALUES (\(bind: caseID.uuidString), \(bind: sealed), \(bind: Timestamp.format(time)),
                \(bind: Timestamp.format(purgeAfter)))
            """
        ).run()
    }

    /// The sealed parties of a case, if it has any.
    public func sealedParties(caseID: UUID) async throws -> String? {
        try await db.raw("SELECT sealed FROM case_parties WHERE case_id = \(bind: caseID.uuidString)").first()?
            .string("sealed")
    }

    /// Whether `code` is an active category.
    public func categoryExists(_ code: String) async throws -> Bool {
        try await db.raw("SELECT code FROM categories WHERE code = \(bind: code) AND active = 1").first() != nil
    }

    /// The categories, active ones only unless asked.
    public func categories() async throws -> [(code: String, domain: String, nameZh: String, nameEn: String)] {
        try await db.raw("SELECT * FROM categories WHERE active = 1 ORDER BY code").all().map {
            (try $0.string("code"), try $0.string("domain"), try $0.string("name_zh"), try $0.string("name_en"))
        }
    }

    /// What a list of cases is limited to.
    public struct Query: Sendable {
        /// Only these statuses.
        public var statuses: [CaseStatus] = []
        /// Only these kinds.
        public var kinds: [CaseKind] = []
        /// Only these categories (exact codes or `prefix.*`).
        public var categories: [String] = []
        /// Only these levels.
        public var levels: [WarningLevel] = []
        /// Only cases of this unit (responsible or participating).
        public var unitID: UUID?
        /// Only cases in this region subtree.
        public var regionPath: String?
        /// Only from this channel.
        public var source: SourceChannel?
        /// Created at or after.
        public var createdFrom: Date?
        /// Created before.
        public var createdTo: Date?
        /// Only open cases past their deadline at this time.
        public var overdueAt: Date?
        /// Only supervised (true) or unsupervised (false) cases.
        public var supervised: Bool?
        /// The caller's scope: these units (responsible or participating) …
        public var scopeUnitIDs: [UUID]?
        /// … or this region subtree …
        public var scopeRegionPath: String?
        /// … or reported by this user.
        public var scopeReporterID: UUID?
        /// Sort order.
        public var sort: Sort = .newest
        /// The keyset cursor from the previous page.
        public var after: (key: String, id: UUID)?
        /// Page size.
        public var limit: Int = 50

        /// Orders a list can have.
        public enum Sort: String, Sendable, CaseIterable {
            /// Newest first (default).
            case newest
            /// Oldest first.
            case oldest
            /// Earliest deadline first; cases without one last.
            case deadline
        }

        /// An empty query: everything, newest first.
        public init() {}
    }

    /// A page of cases and the cursor of the next page.
    public func list(_ query: Query) async throws -> (cases: [Case], next: (key: String, id: UUID)?) {
        let page = try await rows(query)
        return (try page.records.map(Self.decode), page.next)
    }

    /// The same page as JSON texts in the API's form (snake_case keys, sorted): what the API lists, without decoding
    /// and encoding 50 records per page. Records stored before the format changed are converted on the way.
    public func listJSON(_ query: Query) async throws -> (cases: [String], next: (key: String, id: UUID)?) {
        let page = try await rows(query)
        return (try page.records.map(Self.apiJSON), page.next)
    }

    /// The page: the keys are chosen and sorted first (an inner query over narrow rows), and only the page's records
    /// are read — sorting whole records made a page of a filter matching thousands of cases read and sort all of them.
    private func rows(_ query: Query) async throws -> (records: [String], next: (key: String, id: UUID)?) {
        let keyColumn: String
        let descending: Bool
        switch query.sort {
        case .newest: (keyColumn, descending) = ("c.created_at", true)
        case .oldest: (keyColumn, descending) = ("c.created_at", false)
        case .deadline: (keyColumn, descending) = ("COALESCE(c.deadline, '9999')", false)
        }
        // keyColumn and the directions below come from the fixed Sort cases, never from input.
        var keys: SQLQueryString = "SELECT c.id, \(unsafeRaw: keyColumn) AS sort_key FROM cases c WHERE 1 = 1"
        keys += Self.conditions(query)
        if let (key, id) = query.after {
            let comparison = descending ? "<" : ">"
            keys += """
                 AND (\(unsafeRaw: keyColumn) \(unsafeRaw: comparison) \(bind: key)
                 OR (\(unsafeRaw: keyColumn) = \(bind: key) AND c.id \(unsafeRaw: comparison) \(bind: id.uuidString)))
                """
        }
        let direction = descending ? "DESC" : "ASC"
        let size = max(1, min(query.limit, 1000))
        keys += " ORDER BY sort_key \(unsafeRaw: direction), c.id \(unsafeRaw: direction) LIMIT \(literal: size + 1)"
        var sql: SQLQueryString = "SELECT r.record, k.id, k.sort_key FROM ("
        sql += keys
        sql += ") k JOIN cases r ON r.id = k.id"
        sql += " ORDER BY k.sort_key \(unsafeRaw: direction), k.id \(unsafeRaw: direction)"
        let rows = try await db.raw(sql).all()
        let page = rows.prefix(size)
        var next: (String, UUID)?
        if rows.count > page.count, let last = page.last {
            next = (try last.string("sort_key"), try last.uuid("id"))
        }
        return (try page.map { try $0.string("record") }, next)
    }

    /// The filters and the scope of `query` as conditions to append after `WHERE 1 = 1` (cases aliased `c`).
    private static func conditions(_ query: Query) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if !query.statuses.isEmpty { sql += " AND c.status IN (\(binds: query.statuses.map(\.rawValue)))" }
        if !query.kinds.isEmpty { sql += " AND c.kind IN (\(binds: query.kinds.map(\.rawValue)))" }
        if !query.levels.isEmpty { sql += " AND c.level IN (\(binds: query.levels.map(\.rawValue)))" }
        if !query.categories.isEmpty {
            var parts: [SQLQueryString] = []
            for pattern in query.categories {
                if pattern.hasSuffix(".*") {
                    parts.append("c.category_code LIKE \(bind: String(pattern.dropLast(1)) + "%")")
                } else {
                    parts.append("c.category_code = \(bind: pattern)")
                }
            }
            sql += " AND (" + parts.joined(separator: " OR ") + ")"
        }
        if let unit = query.unitID { sql += " AND " + Self.belongsTo([unit]) }
        if let path = query.regionPath { sql += " AND " + Self.within(path) }
        if let source = query.source { sql += " AND c.source = \(bind: source.rawValue)" }
        if let from = query.createdFrom { sql += " AND c.created_at >= \(bind: Timestamp.format(from))" }
        if let to = query.createdTo { sql += " AND c.created_at < \(bind: Timestamp.format(to))" }
        if let now = query.overdueAt {
            sql += """
                 AND c.status IN ('received', 'assigned', 'in_progress') AND c.deadline IS NOT NULL
                 AND c.deadline < \(bind: Timestamp.format(now))
                """
        }
        if let supervised = query.supervised { sql += " AND c.supervised = \(bind: supervised ? 1 : 0)" }
        var scopes: [SQLQueryString] = []
        if let units = query.scopeUnitIDs, !units.isEmpty { scopes.append(Self.belongsTo(units)) }
        if let path = query.scopeRegionPath { scopes.append(Self.within(path)) }
        if let reporter = query.scopeReporterID { scopes.append("c.reporter_id = \(bind: reporter.uuidString)") }
        if query.scopeUnitIDs != nil || query.scopeRegionPath != nil || query.scopeReporterID != nil {
            sql += scopes.isEmpty ? " AND 1 = 0" : " AND (" + scopes.joined(separator: " OR ") + ")"
        }
        return sql
    }

    /// How many cases match `query` per status, kind, level and responsible unit, and how many of those are open
    /// past their deadline at `now`: the counts of the dashboard (态势).
    public struct Tally: Sendable, Equatable {
        /// The status.
        public var status: CaseStatus
        /// The kind.
        public var kind: CaseKind
        /// The level.
        public var level: WarningLevel
        /// The responsible unit, if any.
        public var unitID: UUID?
        /// How many cases.
        public var count: Int
        /// How many of them are overdue.
        public var overdue: Int
    }

    /// The counts of the cases matching `query` (its sort, cursor and limit are ignored).
    public func tally(_ query: Query, now: Date) async throws -> [Tally] {
        var sql: SQLQueryString = """
            SELECT c.status, c.kind, c.level, c.responsible_unit_id, COUNT(*) AS n,
                SUM(CASE WHEN c.status IN ('received', 'assigned', 'in_progress') AND c.deadline IS NOT NULL
                    AND c.deadline < \(bind: Timestamp.format(now)) THEN 1 ELSE 0 END) AS overdue
            FROM cases c WHERE 1 = 1
            """
        sql += Self.conditions(query)
        sql += " GROUP BY c.status, c.kind, c.level, c.responsible_unit_id"
        return try await db.raw(sql).all().map { row in
            let (status, kind, level) = (try row.string("status"), try row.string("kind"), try row.string("level"))
            guard let status = CaseStatus(rawValue: status), let kind = CaseKind(rawValue: kind),
                let level = WarningLevel(rawValue: level)
            else { throw StoreError.corrupt(column: "cases.status/kind/level", value: "\(status)/\(kind)/\(level)") }
            return Tally(
                status: status, kind: kind, level: level, unitID: try row.optionalUUID("responsible_unit_id"),
                count: try row.int("n"), overdue: try row.int("overdue"))
        }
    }

    /// How many cases matching `query` were created in each hour since `since`, keyed by the UTC hour
    /// (`2026-11-22T03`).
    public func createdPerHour(_ query: Query, since: Date) async throws -> [String: Int] {
        var sql: SQLQueryString = "SELECT substr(c.created_at, 1, 13) AS hour, COUNT(*) AS n FROM cases c WHERE 1 = 1"
        sql += Self.conditions(query)
        sql += " AND c.created_at >= \(bind: Timestamp.format(since)) GROUP BY substr(c.created_at, 1, 13)"
        var counts: [String: Int] = [:]
        for row in try await db.raw(sql).all() { counts[try row.string("hour")] = try row.int("n") }
        return counts
    }

    /// How many timeline events of `type` on cases matching `query` happened in each hour since `since`, keyed by
    /// the UTC hour and the case's current level.
    public func eventsPerHour(
        _ type: CaseEventType, _ query: Query, since: Date
    ) async throws -> [(hour: String, level: WarningLevel, count: Int)] {
        var sql: SQLQueryString = """
            SELECT substr(e.at, 1, 13) AS hour, c.level, COUNT(*) AS n
            FROM case_events e JOIN cases c ON c.id = e.case_id
            WHERE e.type = \(bind: type.rawValue) AND e.at >= \(bind: Timestamp.format(since))
            """
        sql += Self.conditions(query)
        sql += " GROUP BY substr(e.at, 1, 13), c.level"
        return try await db.raw(sql).all().map { row in
            let level = try row.string("level")
            guard let parsed = WarningLevel(rawValue: level) else {
                throw StoreError.corrupt(column: "cases.level", value: level)
            }
            return (try row.string("hour"), parsed, try row.int("n"))
        }
    }

    /// How many cases there are.
    public func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM cases").first()?.int("n") ?? 0
    }

    private static func belongsTo(_ units: [UUID]) -> SQLQueryString {
        let ids = units.map(\.uuidString)
        return """
            (c.responsible_unit_id IN (\(binds: ids)) OR EXISTS (SELECT 1 FROM case_participants p
                WHERE p.case_id = c.id AND p.unit_id IN (\(binds: ids))))
            """
    }

    private static func within(_ path: String) -> SQLQueryString {
        "(c.region_path = \(bind: path) OR c.region_path LIKE \(bind: RegionRepository.likePrefix(path)))"
    }

    private func replaceParticipants(_ record: Case) async throws {
        try await db.raw("DELETE FROM case_participants WHERE case_id = \(bind: record.id.uuidString)").run()
        try await insertParticipants(record)
    }

    private func insertParticipants(_ record: Case) async throws {
        if let statement = Self.participantsInsert(record) { try await db.raw(statement).run() }
    }

    /// The statement inserting the participating units of `record`, if it has any.
    private static func participantsInsert(_ record: Case) -> SQLQueryString? {
        let units = Set(record.participatingUnitIDs).map(\.uuidString).sorted()
        guard !units.isEmpty else { return nil }
        let rows = units.map { unit -> SQLQueryString in "(\(bind: record.id.uuidString), \(bind: unit))" }
        return "INSERT INTO case_participants (case_id, unit_id) VALUES " + rows.joined(separator: ", ")
    }

    /// Adds events to a case's timeline that do not change the case itself (escalations).
    public func appendEvents(_ events: [CaseEvent]) async throws {
        try await append(events)
    }

    /// One statement for all of `events` (one round trip to the store, however many events an action writes).
    private func append(_ events: [CaseEvent]) async throws {
        if let statement = try Self.eventsInsert(events) { try await db.raw(statement).run() }
    }

    /// The statement inserting `events`, if there are any.
    private static func eventsInsert(_ events: [CaseEvent]) throws -> SQLQueryString? {
        guard !events.isEmpty else { return nil }
        var rows: [SQLQueryString] = []
        for event in events {
            rows.append(
                """
                (\(bind: event.id.uuidString), \(bind: event.caseID.uuidString), \(bind: event.version),
                    \(bind: Timestamp.format(event.at)), \(bind: event.type.rawValue), \(bind: try Self.json(event.actor)),
                    \(bind: event.note), \(bind: try Self.json(event.data)))
                """)
        }
        return "INSERT INTO case_events (id, case_id, version, at, type, actor, note, data) VALUES "
            + rows.joined(separator: ", ")
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = Timestamp.jsonEncoding
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = Timestamp.jsonDecoding
        return decoder
    }()

    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Case records are stored in the API's own JSON form (snake_case keys, sorted, times as ``Timestamp``), so
    /// that a list can hand them out as they are (``listJSON(_:)``). Records written before that used camelCase
    /// keys; the decoder reads both, since converting from snake_case leaves a camelCase key as it is.
    static let recordEncoder = WireJSON.makeEncoder()

    static let recordDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .custom { path in RecordKey(snakeCase: path.last?.stringValue ?? "") }
        decoder.dateDecodingStrategy = Timestamp.jsonDecoding
        return decoder
    }()

    /// A record key read back into its property name: `responsible_unit_id` → `responsibleUnitID`. Foundation's
    /// `convertFromSnakeCase` gives `responsibleUnitId`, which matches no property, so an optional field would decode
    /// as nil; the words `id`/`ids` are therefore written `ID`/`IDs` (as every property of ours spells them). Keys
    /// without an underscore (records in the earlier camelCase form) stay as they are.
    struct RecordKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(snakeCase key: String) {
            guard key.contains("_") else {
                stringValue = key
                return
            }
            var words = key.split(separator: "_").map(String.init)
            for index in words.indices.dropFirst() {
                switch words[index] {
                case "id": words[index] = "ID"
                case "ids": words[index] = "IDs"
                default: words[index] = words[index].prefix(1).uppercased() + words[index].dropFirst()
                }
            }
            stringValue = words.joined()
        }

        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// A stored case as the API writes it.
    static func encode(_ record: Case) throws -> String {
        String(decoding: try recordEncoder.encode(record), as: UTF8.self)
    }

    /// A stored case, in either form.
    static func decode(_ text: String) throws -> Case {
        try recordDecoder.decode(Case.self, from: Data(text.utf8))
    }

    /// A stored record as the API writes it: as it is when stored in that form (its keys are snake_case), else
    /// decoded and written again.
    static func apiJSON(_ text: String) throws -> String {
        isSnakeCase(text) ? text : try encode(decode(text))
    }

    /// What only a record in the current form has: the snake_case key of its creation time (every record has one).
    static let snakeCaseMarker = "\"created_at\":"

    /// Whether a stored record is in the current form, looked for in its bytes (Foundation's `String.contains` costs
    /// more than the rest of a list).
    static func isSnakeCase(_ text: String) -> Bool {
        text.utf8.firstRange(of: snakeCaseMarker.utf8) != nil
    }
}
