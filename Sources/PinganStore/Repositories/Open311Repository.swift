import Foundation
import PinganCore
import SQLKit

/// The Open311 server's records (issue 4): client systems with their hashed API keys, the Open311 details of each
/// request (location, media, attribute answers), the per-category service definitions, and the public view of the
/// ledger.
public struct Open311Repository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// A client system allowed to post requests (a 12345 hotline, a city app).
    public struct Client: Sendable, Equatable {
        /// Its id.
        public var id: UUID
        /// Its name, unique.
        public var name: String
        /// The account the client's requests are opened as (the reporter of its cases).
        public var userID: UUID
        /// When the key was issued.
        public var createdAt: Date
        /// Who issued it.
        public var createdBy: String
        /// When it was revoked.
        public var revokedAt: Date?

        /// Creates a client record.
        public init(id: UUID, name: String, userID: UUID, createdAt: Date, createdBy: String, revokedAt: Date?) {
            self.id = id
            self.name = name
            self.userID = userID
            self.createdAt = createdAt
            self.createdBy = createdBy
            self.revokedAt = revokedAt
        }
    }

    /// Stores a new client with the SHA-256 of its key.
    public func insert(_ client: Client, keyHash: String) async throws {
        try await db.raw(
            """
            INSERT INTO open311_clients (id, name, key_hash, user_id, created_at, created_by, revoked_at)
            VALUES (\(bind: client.id.uuidString), \(bind: client.name), \(bind: keyHash),
                \(bind: client.userID.uuidString), \(bind: Timestamp.format(client.createdAt)),
                \(bind: client.createdBy), NULL)
            """
        ).run()
    }

    /// The client whose key hashes to `keyHash`, unless revoked.
    public func activeClient(keyHash: String) async throws -> Client? {
        try await db.raw(
            "SELECT * FROM open311_clients WHERE key_hash = \(bind: keyHash) AND revoked_at IS NULL"
        ).first().map(Self.client)
    }

    /// Every client, by name.
    public func clients() async throws -> [Client] {
        try await db.raw("SELECT * FROM open311_clients ORDER BY name").all().map(Self.client)
    }

    /// Revokes the client `id`; false when there is no such client.
    public func revoke(id: UUID, at time: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE open311_clients SET revoked_at = COALESCE(revoked_at, \(bind: Timestamp.format(time)))
            WHERE id = \(bind: id.uuidString) RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    private static func client(_ row: any SQLRow) throws -> Client {
        Client(
            id: try row.uuid("id"), name: try row.string("name"), userID: try row.uuid("user_id"),
            createdAt: try row.date("created_at"), createdBy: try row.string("created_by"),
            revokedAt: try row.optionalDate("revoked_at"))
    }

    /// What Open311 adds to a case: where, a photo link and the attribute answers. No personal data.
    public struct RequestDetails: Sendable, Equatable {
        /// The posting client.
        public var clientID: UUID
        /// `jurisdiction_id`, when given.
        public var jurisdictionID: String?
        /// WGS84 latitude.
        public var latitude: Double?
        /// WGS84 longitude.
        public var longitude: Double?
        /// `address_string`.
        public var address: String?
        /// `address_id`.
        public var addressID: String?
        /// `media_url`.
        public var mediaURL: String?
        /// Attribute answers.
        public var attributes: [String: [String]]

        /// Creates the details.
        public init(
            clientID: UUID, jurisdictionID: String?, latitude: Double?, longitude: Double?, address: String?,
            addressID: String?, mediaURL: String?, attributes: [String: [String]]
        ) {
            self.clientID = clientID
            self.jurisdictionID = jurisdictionID
            self.latitude = latitude
            self.longitude = longitude
            self.address = address
            self.addressID = addressID
            self.mediaURL = mediaURL
            self.attributes = attributes
        }
    }

    /// Stores the Open311 details of the new case `caseID`.
    public func insertDetails(_ details: RequestDetails, caseID: UUID, at time: Date) async throws {
        let attributes = String(decoding: try JSONEncoder.sorted.encode(details.attributes), as: UTF8.self)
        try await db.raw(
            """
            INSERT INTO open311_requests (case_id, client_id, jurisdiction_id, lat, lng, address, address_id,
                media_url, attributes, created_at)
            VALUES (\(bind: caseID.uuidString), \(bind: details.clientID.uuidString), \(bind: details.jurisdictionID),
                \(bind: details.latitude), \(bind: details.longitude), \(bind: details.address),
                \(bind: details.addressID), \(bind: details.mediaURL), \(bind: attributes),
                \(bind: Timestamp.format(time)))
            """
        ).run()
    }

    /// The service definition (attributes) of `category`; empty when it declares none.
    public func attributes(category: String) async throws -> [ServiceAttribute] {
        guard
            let text = try await db.raw(
                "SELECT attributes FROM service_definitions WHERE category_code = \(bind: category)"
            ).first()?.string("attributes")
        else { return [] }
        return try JSONDecoder().decode([ServiceAttribute].self, from: Data(text.utf8))
    }

    /// The categories that declare attributes.
    public func categoriesWithAttributes() async throws -> Set<String> {
        Set(
            try await db.raw("SELECT category_code FROM service_definitions").all().map {
                try $0.string("category_code")
            })
    }

    /// A case as the public sees it through Open311, with its location and the responsible unit's name.
    public struct PublicRequest: Sendable {
        /// The case.
        public var record: Case
        /// The Open311 details, when it came through Open311.
        public var details: RequestDetails?
        /// The responsible unit's name.
        public var agency: String?
        /// The category's name (Open311's `service_name`).
        public var serviceName: String?
    }

    /// What the public list may filter on. Only public cases that are not disputes are ever read.
    public struct PublicQuery: Sendable {
        /// Case numbers; when given, every other filter is ignored (the specification's rule).
        public var numbers: [String] = []
        /// Category codes.
        public var categories: [String] = []
        /// Requested at or after.
        public var from: Date?
        /// Requested before or at.
        public var to: Date?
        /// `open`, `closed` or both.
        public var statuses: Set<String> = []
        /// The region subtree (a jurisdiction).
        public var regionPath: String?
        /// How many to skip.
        public var offset = 0
        /// How many at most.
        public var limit = 1_000

        /// An empty query.
        public init() {}
    }

    /// Public cases (not disputes, `is_public` set) matching `query`, newest first.
    public func publicRequests(_ query: PublicQuery) async throws -> [PublicRequest] {
        var sql = SQLQueryString(
            """
            SELECT c.record, u.name AS agency, k.name_zh AS service_name, o.client_id, o.jurisdiction_id, o.lat, o.lng, o.address, o.address_id,
                o.media_url, o.attributes
            FROM cases c
            LEFT JOIN units u ON u.id = c.responsible_unit_id
            LEFT JOIN categories k ON k.code = c.category_code
            LEFT JOIN open311_requests o ON o.case_id = c.id
            WHERE c.is_public = 1 AND c.kind <> 'dispute'
            """)
        if let path = query.regionPath {
            sql.appendInterpolation(unsafeRaw: " AND (c.region_path = ")
            sql.appendInterpolation(bind: path)
            sql.appendInterpolation(unsafeRaw: " OR c.region_path LIKE ")
            sql.appendInterpolation(bind: path + "/%")
            sql.appendInterpolation(unsafeRaw: ")")
        }
        if !query.numbers.isEmpty {
            sql.appendInterpolation(unsafeRaw: " AND c.number IN (")
            sql.appendInterpolation(binds: query.numbers)
            sql.appendInterpolation(unsafeRaw: ")")
        } else {
            if !query.categories.isEmpty {
                sql.appendInterpolation(unsafeRaw: " AND c.category_code IN (")
                sql.appendInterpolation(binds: query.categories)
                sql.appendInterpolation(unsafeRaw: ")")
            }
            if let from = query.from {
                sql.appendInterpolation(unsafeRaw: " AND c.created_at >= ")
                sql.appendInterpolation(bind: Timestamp.format(from))
            }
            if let to = query.to {
                sql.appendInterpolation(unsafeRaw: " AND c.created_at <= ")
                sql.appendInterpolation(bind: Timestamp.format(to))
            }
            if query.statuses == ["open"] {
                sql.appendInterpolation(unsafeRaw: " AND c.status IN ('received', 'assigned', 'in_progress')")
            } else if query.statuses == ["closed"] {
                sql.appendInterpolation(unsafeRaw: " AND c.status IN ('resolved', 'closed', 'merged')")
            }
        }
        sql.appendInterpolation(
            unsafeRaw: " ORDER BY c.created_at DESC, c.id LIMIT \(max(1, query.limit)) OFFSET \(max(0, query.offset))")
        return try await db.raw(sql).all().map { row in
            let record = try CaseRepository.decode(try row.string("record"))
            var details: RequestDetails?
            if let client = try row.optionalUUID("client_id") {
                details = RequestDetails(
                    clientID: client, jurisdictionID: try row.optionalString("jurisdiction_id"),
                    latitude: try row.decode(column: "lat", as: Double?.self),
                    longitude: try row.decode(column: "lng", as: Double?.self),
                    address: try row.optionalString("address"), addressID: try row.optionalString("address_id"),
                    mediaURL: try row.optionalString("media_url"),
                    attributes: try JSONDecoder().decode(
                        [String: [String]].self, from: Data(try row.string("attributes").utf8)))
            }
            return PublicRequest(
                record: record, details: details, agency: try row.optionalString("agency"),
                serviceName: try row.optionalString("service_name"))
        }
    }
}

extension Open311Repository {
    /// A timeline event of a request a client posted, for the `servicerequestupdates` extension.
    public struct Update: Sendable, Equatable {
        /// The event id (`update_id`).
        public var id: UUID
        /// The case number (`service_request_id`).
        public var caseNumber: String
        /// The event type.
        public var type: CaseEventType
        /// When it happened.
        public var at: Date
    }

    /// The client that posted the case numbered `number`, when it came through Open311.
    public func postingClient(caseNumber number: String) async throws -> UUID? {
        try await db.raw(
            """
            SELECT o.client_id FROM open311_requests o JOIN cases c ON c.id = o.case_id
            WHERE c.number = \(bind: number)
            """
        ).first()?.uuid("client_id")
    }

    /// The timeline events in [`from`, `to`] of the requests client `clientID` posted, oldest first, at most
    /// `limit`.
    public func updates(clientID: UUID, from: Date, to: Date, limit: Int) async throws -> [Update] {
        try await db.raw(
            """
            SELECT e.id, e.type, e.at, c.number FROM case_events e
            JOIN open311_requests o ON o.case_id = e.case_id
            JOIN cases c ON c.id = e.case_id
            WHERE o.client_id = \(bind: clientID.uuidString) AND e.at >= \(bind: Timestamp.format(from))
                AND e.at <= \(bind: Timestamp.format(to))
            ORDER BY e.at, e.id LIMIT \(literal: max(1, limit))
            """
        ).all().compactMap { row in
            guard let type = CaseEventType(rawValue: try row.string("type")) else { return nil }
            return Update(
                id: try row.uuid("id"), caseNumber: try row.string("number"), type: type, at: try row.date("at"))
        }
    }
}

extension JSONEncoder {
    /// Keys sorted, so the same value always gives the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
