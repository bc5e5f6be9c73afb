import Foundation
import PinganCore
import PinganStore

/// Saved ledger filters (issue 6 "saved filters"): each user keeps named `/ledger` query strings for the views they
/// open every day. A filter only remembers the query; what it shows is still decided by the list's scope.
public struct SavedFilterService: Sendable {
    private let env: ServiceEnvironment

    /// The most filters one user keeps.
    public static let limit = 30

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// The caller's filters, by name.
    public func filters(for principal: Principal) async throws -> [SavedFilterRepository.Filter] {
        try await env.provider.read { db in try await SavedFilterRepository(db).list(userID: principal.userID) }
    }

    /// Saves the query string `query` as `name` for the caller. Rules: `name` 1–40 characters (`length`), not used
    /// yet by the caller (`duplicate`); `query` at most 2,000 characters (`length`); at most ``limit`` filters
    /// (`limit`).
    public func save(name: String, query: String, by principal: Principal) async throws -> SavedFilterRepository.Filter
    {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        var violations: [FieldViolation] = []
        if name.isEmpty || name.count > 40 {
            violations.append(.init(field: "name", rule: "length", detail: "a name of 1 to 40 characters"))
        }
        if query.count > 2000 {
            violations.append(.init(field: "query", rule: "length", detail: "at most 2000 characters"))
        }
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        let filter = SavedFilterRepository.Filter(id: UUID(), name: name, query: query)
        let now = env.clock()
        try await env.write { db, audit in
            let filters = SavedFilterRepository(db)
            let existing = try await filters.list(userID: principal.userID)
            if existing.contains(where: { $0.name == name }) {
                throw PinganError.invalid(
                    field: "name", rule: "duplicate", detail: "you already have a filter '\(name)'")
            }
            if existing.count >= Self.limit {
                throw PinganError.invalid(
                    field: "name", rule: "limit", detail: "at most \(Self.limit) saved filters; delete one first")
            }
            try await filters.insert(filter, userID: principal.userID, at: now)
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "filter.save", objectType: "saved_filter",
                    objectID: filter.id.uuidString, change: ["name": name, "query": query]),
                at: now)
        }
        return filter
    }

    /// Deletes one of the caller's filters; another user's filter is not found.
    public func delete(id: UUID, by principal: Principal) async throws {
        let now = env.clock()
        try await env.write { db, audit in
            guard try await SavedFilterRepository(db).delete(id: id, userID: principal.userID) else {
                throw PinganError.notFound(entity: "saved filter", id: id.uuidString)
            }
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "filter.delete", objectType: "saved_filter",
                    objectID: id.uuidString),
                at: now)
        }
    }
}
