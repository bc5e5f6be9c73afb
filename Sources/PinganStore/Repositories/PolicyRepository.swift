import Foundation
import PinganCore
import SQLKit

/// Versioned policy documents in the store: every change is a new version, the newest is in force.
public struct PolicyRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// One stored version of a document.
    public struct Stored: Sendable, Equatable {
        /// The version.
        public var version: Int
        /// The document (JSON text).
        public var document: String
        /// When it was stored.
        public var createdAt: Date
        /// Who stored it (an audit name).
        public var createdBy: String
    }

    /// The newest version of the policy `kind`, if any.
    public func current(_ kind: String) async throws -> Stored? {
        try await select(kind, limit: 1).first
    }

    /// Every version of `kind`, newest first.
    public func versions(_ kind: String, limit: Int = 100) async throws -> [Stored] {
        try await select(kind, limit: limit)
    }

    /// Stores `document` as version `version` of `kind` (by default the next one) and returns that version. A version
    /// stored twice fails on the primary key, so two concurrent editors cannot both write the same version.
    @discardableResult
    public func append(
        _ kind: String, version: Int? = nil, document: String, by actor: String, at time: Date
    ) async throws -> Int {
        let next: Int
        if let version {
            next = version
        } else {
            next = (try await current(kind)?.version ?? 0) + 1
        }
        try await db.raw(
            """
            INSERT INTO policies (kind, version, document, created_at, created_by)
            VALUES (\(bind: kind), \(bind: next), \(bind: document), \(bind: Timestamp.format(time)), \(bind: actor))
            """
        ).run()
        return next
    }

    private func select(_ kind: String, limit: Int) async throws -> [Stored] {
        try await db.raw(
            """
            SELECT version, document, created_at, created_by FROM policies WHERE kind = \(bind: kind)
            ORDER BY version DESC LIMIT \(bind: limit)
            """
        ).all().map { row in
            Stored(
                version: try row.int("version"), document: try row.string("document"),
                createdAt: try row.date("created_at"), createdBy: try row.string("created_by"))
        }
    }
}
