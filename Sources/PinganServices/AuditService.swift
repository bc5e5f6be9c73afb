import Foundation
import PinganCore
import PinganStore

/// Reading and verifying the audit log (issue 2 §7).
public struct AuditService: Sendable {
    private let env: ServiceEnvironment

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// Entries matching `query`, newest first; auditors (admins) only.
    public func entries(_ query: AuditLog.Query, by actor: Actor) async throws -> [AuditEntry] {
        try actor.require(AccessPolicy.canReadAudit, "read the audit log")
        return try await env.provider.read { db in try await AuditLog(db).entries(query) }
    }

    /// Walks the whole chain, checking it against a head recorded earlier when one is given.
    public func verify(expectedHead: (seq: Int64, hash: String)? = nil) async throws -> AuditLog.Verification {
        return try await env.provider.read { db in
            try await AuditLog(db).verify(expectedHead: expectedHead)
        }
    }
}
