import Foundation
import PinganCore
import SQLKit

/// Stored responsibility lists (责任清单) and their activations for assessment periods (BRIEF §4, issue 7).
///
/// A list is stored as its canonical YAML (`ListYAMLDocument`); importing a list whose title is already stored adds
/// the next version, so scores can name the version they were given under.
public struct ListRepository: Sendable {
    /// One stored version of a list.
    public struct Stored: Sendable, Equatable {
        /// The version's identifier.
        public var id: UUID
        /// The list's title, which identifies it across versions.
        public var title: String
        /// 1, 2, … per title.
        public var version: Int
        /// The list.
        public var list: ResponsibilityList
        /// The format it was imported from (`text`, `csv`, `yaml`).
        public var sourceFormat: String
        /// SHA-256 of the imported document, hex.
        public var sourceDigest: String
        /// How every unit name of the list was matched, or why it was not.
        public var unitMatches: [UnitMatch]
        /// Who imported it.
        public var importedBy: String
        /// When.
        public var importedAt: Date

        /// Creates a stored version.
        public init(
            id: UUID, title: String, version: Int, list: ResponsibilityList, sourceFormat: String,
            sourceDigest: String, unitMatches: [UnitMatch], importedBy: String, importedAt: Date
        ) {
            self.id = id
            self.title = title
            self.version = version
            self.list = list
            self.sourceFormat = sourceFormat
            self.sourceDigest = sourceDigest
            self.unitMatches = unitMatches
            self.importedBy = importedBy
            self.importedAt = importedAt
        }
    }

    /// A unit name of a list and the Pingan unit it was matched to, or why it was not matched.
    public struct UnitMatch: Sendable, Equatable, Codable {
        /// The name as the list writes it.
        public var name: String
        /// The matched unit's id, or nil.
        public var unitID: UUID?
        /// How it was matched (`exact`, `normalized`, …) or why not (`no_unit`, `ambiguous`, `collective`).
        public var basis: String

        /// Creates a match.
        public init(name: String, unitID: UUID?, basis: String) {
            self.name = name
            self.unitID = unitID
            self.basis = basis
        }
    }

    /// A list version activated for a period and subject region.
    public struct Activation: Sendable, Equatable {
        /// The period ("2025", "2025-Q2").
        public var period: String
        /// The subject region's code.
        public var regionCode: String
        /// The list's title.
        public var listTitle: String
        /// The activated version's id.
        public var listID: UUID
        /// Who activated it.
        public var activatedBy: String
        /// When.
        public var activatedAt: Date

        /// Creates an activation.
        public init(
            period: String, regionCode: String, listTitle: String, listID: UUID, activatedBy: String,
            activatedAt: Date
        ) {
            self.period = period
            self.regionCode = regionCode
            self.listTitle = listTitle
            self.listID = listID
            self.activatedBy = activatedBy
            self.activatedAt = activatedAt
        }
    }

    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// The highest stored version of `title`, or 0.
    public func latestVersion(title: String) async throws -> Int {
        let row = try await db.raw(
            "SELECT MAX(version) AS latest FROM responsibility_lists WHERE title = \(bind: title)"
        ).first()
        guard let row, try !row.decodeNil(column: "latest") else { return 0 }
        return try row.decode(column: "latest", as: Int.self)
    }

    /// Stores a version.
    public func insert(_ stored: Stored) async throws {
        let matches = String(decoding: try JSONEncoder().encode(stored.unitMatches), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO responsibility_lists (id, title, version, points, source_format, source_digest, document,
                unit_matches, imported_by, imported_at)
            VALUES (\(bind: stored.id.uuidString), \(bind: stored.title), \(bind: stored.version),
                \(bind: stored.list.points.map { "\($0)" }), \(bind: stored.sourceFormat),
                \(bind: stored.sourceDigest), \(bind: ListYAMLDocument.export([stored.list])), \(bind: matches),
                \(bind: stored.importedBy), \(bind: Timestamp.format(stored.importedAt)))
            """
        ).run()
    }

    /// The version with `id`.
    public func find(id: UUID) async throws -> Stored? {
        try await db.raw("SELECT * FROM responsibility_lists WHERE id = \(bind: id.uuidString)").first().map(stored)
    }

    /// Every stored version, by title and version.
    public func all() async throws -> [Stored] {
        try await db.raw("SELECT * FROM responsibility_lists ORDER BY title, version").all().map(stored)
    }

    /// Activates a version for a period and region, replacing the version of the same title activated before.
    public func activate(_ activation: Activation) async throws {
        try await db.raw(
            """
            INSERT INTO list_activations (period, region_code, list_title, list_id, activated_by, activated_at)
            VALUES (\(bind: activation.period), \(bind: activation.regionCode), \(bind: activation.listTitle),
                \(bind: activation.listID.uuidString), \(bind: activation.activatedBy),
                \(bind: Timestamp.format(activation.activatedAt)))
            ON CONFLICT (period, region_code, list_title) DO UPDATE SET list_id = excluded.list_id,
                activated_by = excluded.activated_by, activated_at = excluded.activated_at
            """
        ).run()
    }

    /// The activations of a period and region (either may be nil for all), by period, region and title.
    public func activations(period: String? = nil, regionCode: String? = nil) async throws -> [Activation] {
        var query: SQLQueryString = "SELECT * FROM list_activations WHERE 1 = 1"
        if let period { query += " AND period = \(bind: period)" }
        if let regionCode { query += " AND region_code = \(bind: regionCode)" }
        query += " ORDER BY period, region_code, list_title"
        return try await db.raw(query).all().map { row in
            Activation(
                period: try row.string("period"), regionCode: try row.string("region_code"),
                listTitle: try row.string("list_title"), listID: try row.uuid("list_id"),
                activatedBy: try row.string("activated_by"), activatedAt: try row.date("activated_at"))
        }
    }

    private func stored(_ row: any SQLRow) throws -> Stored {
        let document = try row.string("document")
        guard let list = try ListYAMLDocument.read(document).lists.first else {
            throw ListImportError.noList
        }
        return Stored(
            id: try row.uuid("id"), title: try row.string("title"), version: try row.int("version"), list: list,
            sourceFormat: try row.string("source_format"), sourceDigest: try row.string("source_digest"),
            unitMatches: try JSONDecoder().decode([UnitMatch].self, from: Data(try row.string("unit_matches").utf8)),
            importedBy: try row.string("imported_by"), importedAt: try row.date("imported_at"))
    }
}
