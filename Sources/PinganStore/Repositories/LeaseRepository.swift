import Foundation
import PinganCore
import SQLKit

/// Named leases that elect one holder for background work (the escalation scheduler, webhook delivery) among
/// several Pingan processes on one database.
///
/// A lease is taken when it is free, expired, or already ours, in one atomic upsert; it is only an optimisation
/// (work done under it is still made idempotent by unique keys), so a lease that two holders briefly both believe
/// they own never makes an effect happen twice.
public struct LeaseRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Takes or renews the lease `name` for `holder` until `now + duration`; returns whether `holder` holds it.
    public func acquire(_ name: String, holder: String, for duration: TimeInterval, at now: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            INSERT INTO leases (name, holder, expires_at)
            VALUES (\(bind: name), \(bind: holder), \(bind: Timestamp.format(now.addingTimeInterval(duration))))
            ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE leases.holder = excluded.holder OR leases.expires_at <= \(bind: Timestamp.format(now))
            RETURNING holder
            """
        ).all()
        return try rows.first?.string("holder") == holder
    }

    /// Gives the lease up if `holder` has it.
    public func release(_ name: String, holder: String) async throws {
        try await db.raw("DELETE FROM leases WHERE name = \(bind: name) AND holder = \(bind: holder)").run()
    }
}
