import Foundation
import PinganCore
import SQLKit

/// Login and API tokens in the store: only their SHA-256 is kept, never the token.
public struct TokenRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// A stored token's metadata.
    public struct Record: Sendable, Equatable {
        /// Token id (not secret).
        public var id: UUID
        /// The user it acts for.
        public var userID: UUID
        /// `session` (web), `login` (API login) or `api` (long-lived, created by an admin).
        public var kind: String
        /// A label (`hotline-bridge`).
        public var name: String
        /// When it stops working.
        public var expiresAt: Date
        /// When it was revoked, if it was.
        public var revokedAt: Date?

        /// Creates a record.
        public init(id: UUID, userID: UUID, kind: String, name: String, expiresAt: Date, revokedAt: Date?) {
            self.id = id
            self.userID = userID
            self.kind = kind
            self.name = name
            self.expiresAt = expiresAt
            self.revokedAt = revokedAt
        }
    }

    /// Stores a token's hash.
    public func insert(_ record: Record, tokenHash: String, at time: Date) async throws {
        try await db.raw(
            """
            INSERT INTO auth_tokens (id, user_id, token_hash, kind, name, created_at, expires_at)
            VALUES (\(bind: record.id.uuidString), \(bind: record.userID.uuidString), \(bind: tokenHash),
                \(bind: record.kind), \(bind: record.name), \(bind: Timestamp.format(time)),
                \(bind: Timestamp.format(record.expiresAt)))
            """
        ).run()
    }

    /// The token with this hash if it is neither revoked nor expired at `time`.
    public func findActive(tokenHash: String, at time: Date) async throws -> Record? {
        guard
            let row = try await db.raw(
                """
                SELECT * FROM auth_tokens WHERE token_hash = \(bind: tokenHash) AND revoked_at IS NULL
                    AND expires_at > \(bind: Timestamp.format(time))
                """
            ).first()
        else { return nil }
        return try Self.record(row)
    }

    /// The token with `id`.
    public func find(id: UUID) async throws -> Record? {
        try await db.raw("SELECT * FROM auth_tokens WHERE id = \(bind: id.uuidString)").first().map(Self.record)
    }

    /// Revokes the token with `id`; returns whether an active token was revoked.
    @discardableResult
    public func revoke(id: UUID, at time: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            UPDATE auth_tokens SET revoked_at = \(bind: Timestamp.format(time))
            WHERE id = \(bind: id.uuidString) AND revoked_at IS NULL RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Revokes every active token of a user (when it is disabled or its password reset).
    public func revokeAll(userID: UUID, at time: Date) async throws {
        try await db.raw(
            """
            UPDATE auth_tokens SET revoked_at = \(bind: Timestamp.format(time))
            WHERE user_id = \(bind: userID.uuidString) AND revoked_at IS NULL
            """
        ).run()
    }

    private static func record(_ row: any SQLRow) throws -> Record {
        Record(
            id: try row.uuid("id"), userID: try row.uuid("user_id"), kind: try row.string("kind"),
            name: try row.string("name"), expiresAt: try row.date("expires_at"),
            revokedAt: try row.optionalDate("revoked_at"))
    }
}
