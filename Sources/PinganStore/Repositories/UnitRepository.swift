import Foundation
import PinganCore
import SQLKit

/// Units and their leaders in the store.
public struct UnitRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts a unit (its leaders are set with ``setLeader(unitID:role:userID:)``).
    public func insert(_ unit: OrgUnit, at time: Date) async throws {
        let now = Timestamp.format(time)
        try await db.raw(
            """
            INSERT INTO units (id, code, name, kind, region_code, parent_id, aliases, created_at, updated_at)
            VALUES (\(bind: unit.id.uuidString), \(bind: unit.code), \(bind: unit.name), \(bind: unit.kind.rawValue),
                \(bind: unit.regionCode), \(bind: unit.parentID?.uuidString), \(bind: Self.encode(unit.aliases)),
                \(bind: now), \(bind: now))
            """
        ).run()
    }

    /// Sets (or, with `userID` nil, clears) the holder of a leader post.
    public func setLeader(unitID: UUID, role: LeaderRole, userID: UUID?) async throws {
        try await db.raw(
            "DELETE FROM unit_leaders WHERE unit_id = \(bind: unitID.uuidString) AND role = \(bind: role.rawValue)"
        ).run()
        if let userID {
            try await db.raw(
                """
                INSERT INTO unit_leaders (unit_id, role, user_id)
                VALUES (\(bind: unitID.uuidString), \(bind: role.rawValue), \(bind: userID.uuidString))
                """
            ).run()
        }
    }

    /// The unit with `id`, with its leaders.
    public func find(id: UUID) async throws -> OrgUnit? {
        guard let row = try await db.raw("SELECT * FROM units WHERE id = \(bind: id.uuidString)").first() else {
            return nil
        }
        return try await withLeaders([Self.unit(row)]).first
    }

    /// The unit with `code`, with its leaders.
    public func find(code: String) async throws -> OrgUnit? {
        guard let row = try await db.raw("SELECT * FROM units WHERE code = \(bind: code)").first() else {
            return nil
        }
        return try await withLeaders([Self.unit(row)]).first
    }

    /// Whether a unit already has this name.
    public func exists(name: String) async throws -> Bool {
        try await db.raw("SELECT id FROM units WHERE name = \(bind: name)").first() != nil
    }

    /// Units whose region lies in the subtree at `regionPath` (all when `nil`), by code, with leaders.
    public func list(regionPath: String? = nil) async throws -> [OrgUnit] {
        var sql: SQLQueryString = "SELECT u.* FROM units u"
        if let regionPath {
            sql += """
                 JOIN regions r ON r.code = u.region_code
                 WHERE r.path = \(bind: regionPath) OR r.path LIKE \(bind: RegionRepository.likePrefix(regionPath))
                """
        }
        sql += " ORDER BY u.code"
        return try await withLeaders(db.raw(sql).all().map(Self.unit))
    }

    /// The path of the region of the unit with `id`.
    public func regionPath(unitID: UUID) async throws -> String? {
        try await db.raw(
            """
            SELECT r.path FROM units u JOIN regions r ON r.code = u.region_code WHERE u.id = \(bind: unitID.uuidString)
            """
        ).first()?.string("path")
    }

    /// How many units there are.
    public func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM units").first()?.int("n") ?? 0
    }

    private func withLeaders(_ units: [OrgUnit]) async throws -> [OrgUnit] {
        guard !units.isEmpty else { return [] }
        let ids = units.map { $0.id.uuidString }
        let rows = try await db.raw("SELECT * FROM unit_leaders WHERE unit_id IN (\(binds: ids))").all()
        var leaders: [UUID: [LeaderRole: UUID]] = [:]
        for row in rows {
            if let role = LeaderRole(rawValue: try row.string("role")) {
                leaders[try row.uuid("unit_id"), default: [:]][role] = try row.uuid("user_id")
            }
        }
        return units.map { unit in
            var unit = unit
            unit.leaders = leaders[unit.id] ?? [:]
            return unit
        }
    }

    static func encode(_ aliases: [String]) -> String {
        guard let data = try? JSONEncoder().encode(aliases) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func unit(_ row: any SQLRow) throws -> OrgUnit {
        let kindText = try row.string("kind")
        guard let kind = UnitKind(rawValue: kindText) else { throw StoreError.corrupt(column: "kind", value: kindText) }
        let aliasesText = try row.string("aliases")
        guard let aliases = try? JSONDecoder().decode([String].self, from: Data(aliasesText.utf8)) else {
            throw StoreError.corrupt(column: "aliases", value: aliasesText)
        }
        return OrgUnit(
            id: try row.uuid("id"), code: try row.string("code"), name: try row.string("name"), kind: kind,
            regionCode: try row.string("region_code"), parentID: try row.optionalUUID("parent_id"), aliases: aliases)
    }
}
