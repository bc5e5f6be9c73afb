import Foundation
import PinganCore
import PinganStore
import SQLKit

/// The routing table (BRIEF §1 谁主管谁负责, 属地管理) as a versioned, admin-edited document, and the router's
/// proposal for a case: the unit, participants and the reason. The operator confirms or overrides it with the
/// `assign` action (whose reason is on the timeline and in the audit log).
public struct RoutingService: Sendable {
    private let env: ServiceEnvironment

    /// The policy kind under which routing tables are stored.
    public static let kind = "routing"

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// The table in force (version 0 with no rules before an admin loads one: every case then goes to the centre).
    public func table() async throws -> RoutingTable {
        try await env.directory().routing
    }

    /// Every unit with its leaders, by id, as of the directory cache (for naming the units of a proposal).
    public func unitsByID() async throws -> [UUID: OrgUnit] {
        try await env.directory().unitsByID
    }

    /// Validates `json` against the units and regions and stores it as the next version; admins only.
    public func replace(json: Data, by actor: Actor) async throws -> RoutingTable {
        try actor.require(AccessPolicy.canManageOrganisation, "edit the routing table")
        let now = env.clock()
        return try await env.write { db, audit in
            try await store(json: json, by: actor, at: now, db: db, audit: audit)
        }
    }

    func store(
        json: Data, by actor: Actor, at now: Date, db: any SQLDatabase, audit: AuditLog
    ) async throws
        -> RoutingTable
    {
        let units = try await UnitRepository(db).list()
        let regions = try await RegionRepository(db).list()
        var table = try RoutingTable.load(json: json, units: units, regions: regions)
        let policies = PolicyRepository(db)
        table.version = (try await policies.current(Self.kind)?.version ?? 0) + 1
        let document = String(decoding: try JSONEncoder.sorted.encode(table), as: UTF8.self)
        _ = try await policies.append(Self.kind, document: document, by: actor.auditName, at: now)
        try await audit.append(
            AuditRecord(
                actor: actor.auditName, action: "policy.routing.replace", objectType: "policy",
                objectID: "routing", change: ["version": String(table.version), "rules": String(table.rules.count)]),
            at: now)
        return table
    }

    /// The router's proposal for a case of `category` in the regions `regionCodes` (one, or several for a case that
    /// crosses areas).
    public func propose(category: String, regionCodes: [String]) async throws -> RoutingProposal {
        let directory = try await env.directory()
        var regions: [Region] = []
        var violations: [FieldViolation] = []
        for (index, code) in regionCodes.enumerated() {
            if let region = directory.regionsByCode[code] {
                regions.append(region)
            } else {
                violations.append(
                    .init(field: "region_codes[\(index)]", rule: "not_found", detail: "there is no region '\(code)'"))
            }
        }
        if !violations.isEmpty { throw PinganError.invalid(violations) }
        return try CaseRouter.propose(
            category: category, regions: regions, table: directory.routing, units: directory.units,
            regionTree: directory.regions)
    }

    static func current(_ db: any SQLDatabase) async throws -> RoutingTable {
        guard let stored = try await PolicyRepository(db).current(kind) else {
            return RoutingTable(version: 0, rules: [])
        }
        return try JSONDecoder().decode(RoutingTable.self, from: Data(stored.document.utf8))
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, for stored documents.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
