import Foundation
import PinganCore
import PinganStore
import SQLKit

/// The ledger metrics (issue 3 §8) of one unit or one region subtree for a period, within the caller's scope:
/// handlers their own unit only; operators, leaders and assessors the units and regions in their region subtree;
/// admins and the system everything (``PinganCore/AccessPolicy``).
public struct LedgerMetricsService: Sendable {
    private let env: ServiceEnvironment

    /// The service on `env`.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// What was measured and the figures.
    public struct Report: Sendable {
        /// `unit` or `region`.
        public var scopeKind: String
        /// The unit's or region's code.
        public var scopeCode: String
        /// Its name.
        public var scopeName: String
        /// The figures.
        public var metrics: LedgerMetrics
    }

    /// The metrics of the unit with code `unit` or of the region subtree with code `region` (exactly one) for
    /// `[from, to)`, as seen now. Every broken rule is reported at once: `unit` `required` (neither given),
    /// `region` `exclusive` (both given), `from`/`to` `required`, `to` `order`, `unit`/`region` `not_found` (unknown,
    /// or a unit the caller may not see), `region` `scope` (outside the caller's area).
    public func ledger(
        unit: String?, region: String?, from: Date?, to: Date?, by actor: Actor
    ) async throws -> Report {
        var violations: [FieldViolation] = []
        if unit == nil && region == nil {
            violations.append(.init(field: "unit", rule: "required", detail: "give a unit code or a region code"))
        }
        if unit != nil && region != nil {
            violations.append(.init(field: "region", rule: "exclusive", detail: "give a unit or a region, not both"))
        }
        if from == nil { violations.append(.init(field: "from", rule: "required", detail: "the period's start")) }
        if to == nil { violations.append(.init(field: "to", rule: "required", detail: "the period's end (excluded)")) }
        guard violations.isEmpty, let from, let to else { throw PinganError.invalid(violations) }
        let period = try LedgerPeriod(from: from, to: to)
        let now = env.clock()
        return try await env.provider.read { db in
            var query = CaseHistoryRepository.Query(createdBefore: period.to)
            query.settledStatuses = [.closed, .merged]
            query.settledBefore = period.from
            let scope: LedgerScope
            let name: String
            if let unit {
                let units = UnitRepository(db)
                guard let found = try await units.find(code: unit),
                    let path = try await units.regionPath(unitID: found.id),
                    Self.may(actor, { AccessPolicy.canSee(unitID: found.id, regionPath: path, by: $0) })
                else {
                    throw PinganError.invalid(field: "unit", rule: "not_found", detail: "there is no unit '\(unit)'")
                }
                query.unitID = found.id
                scope = .unit(found.id)
                name = found.name
            } else {
                let code = region ?? ""
                guard let found = try await RegionRepository(db).find(code: code) else {
                    throw PinganError.invalid(
                        field: "region", rule: "not_found", detail: "there is no region '\(code)'")
                }
                let allowed = Self.may(actor) { principal in
                    principal.has(.admin)
                        || (principal.has(.operator) || principal.has(.leader) || principal.has(.assessor))
                            && AccessPolicy.isWithin(found.path, scope: principal.regionPath)
                }
                guard allowed else {
                    throw PinganError.invalid(
                        field: "region", rule: "scope", detail: "region '\(code)' lies outside your area")
                }
                query.regionPath = found.path
                scope = .region(path: found.path)
                name = found.name
            }
            let histories = try await CaseHistoryRepository(db).histories(query)
            return Report(
                scopeKind: unit == nil ? "region" : "unit", scopeCode: unit ?? region ?? "", scopeName: name,
                metrics: LedgerMetrics.compute(histories, scope: scope, period: period, now: now))
        }
    }

    private static func may(_ actor: Actor, _ rule: (Principal) -> Bool) -> Bool {
        guard case .user(let principal) = actor else { return true }
        return rule(principal)
    }
}
