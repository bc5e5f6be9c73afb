import Foundation
import PinganCore
import SQLKit

/// Regions in the store.
public struct RegionRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Inserts a validated region.
    public func insert(_ region: Region, at time: Date) async throws {
        try await db.raw(
            """
            INSERT INTO regions (code, name, level, parent_code, path, created_at)
            VALUES (\(bind: region.code), \(bind: region.name), \(bind: region.level.rawValue),
                \(bind: region.parentCode), \(bind: region.path), \(bind: Timestamp.format(time)))
            """
        ).run()
    }

    /// The region with `code`, if any.
    public func find(code: String) async throws -> Region? {
        try await db.raw("SELECT * FROM regions WHERE code = \(bind: code)").first().map(Self.region)
    }

    /// Regions in the subtree at `path` (all when `nil`), in tree order.
    public func list(under path: String? = nil) async throws -> [Region] {
        var sql: SQLQueryString = "SELECT * FROM regions"
        if let path {
            sql += " WHERE path = \(bind: path) OR path LIKE \(bind: Self.likePrefix(path))"
        }
        sql += " ORDER BY path"
        return try await db.raw(sql).all().map(Self.region)
    }

    /// How many regions there are.
    public func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM regions").first()?.int("n") ?? 0
    }

    /// `path/%` with LIKE's wildcards in `path` escaped (codes are digits, but paths come from callers).
    static func likePrefix(_ path: String) -> String {
        path.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "/%"
    }

    static func region(_ row: any SQLRow) throws -> Region {
        let levelText = try row.string("level")
        guard let level = RegionLevel(rawValue: levelText) else {
            throw StoreError.corrupt(column: "level", value: levelText)
        }
        return Region(
            code: try row.string("code"), name: try row.string("name"), level: level,
            parentCode: try row.optionalString("parent_code"), path: try row.string("path"))
    }
}
