import Foundation
import PinganCore
import SQLKit

/// Versioned policy documents in the store: every change is a new version, the newest is in force.
public struct PolicyRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// The newest version of the policy `kind` and its document, if any.
    public func current(_ kind: String) async throws -> (version: Int, document: String)? {
        guard
            let row = try await db.raw(
                "SELECT version, document FROM policies WHERE kind = \(bind: kind) ORDER BY version DESC LIMIT 1"
            ).first()
        else { return nil }
        return (try row.int("version"), try row.string("document"))
    }

    /// Stores `document` as the next version of `kind` and returns that version.
    public func append(_ kind: String, document: String, by actor: String, at time: Date) async throws -> Int {
        let version = (try await current(kind)?.version ?? 0) + 1
        try await db.raw(
            """
            INSERT INTO policies (kind, version, document, created_at, created_by)
            VALUES (\(bind: kind), \(bind: version), \(bind: document), \(bind: Timestamp.format(time)), \(bind: actor))
            """
        ).run()
        return version
    }
}
