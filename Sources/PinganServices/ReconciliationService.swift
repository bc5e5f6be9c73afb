import Foundation
import PinganCore
import PinganStore
import SQLKit

/// The monthly reconciliation (每月交账, BRIEF §1; issue 3 §7): the cases unresolved at a month's end per unit, the
/// units' entries (cause, responsible person, agreed new deadline, joint consultation), and the consultation list
/// for the centre.
///
/// Scope: admins and the system see everything; operators, leaders and assessors the cases in their region
/// subtree; everyone else the cases their unit was responsible for at the month's end. An entry may be recorded by
/// the handlers and leaders of that unit (or the case's current unit), and by operators and admins.
public struct ReconciliationService: Sendable {
    private let env: ServiceEnvironment
    /// The centre's time zone: months begin at local midnight.
    public let timeZone: TimeZone

    /// The service on `env`, with months in `timeZone` (Asia/Shanghai by default).
    public init(_ env: ServiceEnvironment, timeZone: TimeZone = .chinaStandard) {
        self.env = env
        self.timeZone = timeZone
    }

    /// A month's reconciliation as the caller may see it.
    public struct Listing: Sendable {
        /// The month.
        public var month: ReconciliationMonth
        /// Its end (excluded), the instant the list describes.
        public var monthEnd: Date
        /// The instant days overdue are counted at: min(month's end, now).
        public var evaluatedAt: Date
        /// The unresolved cases, in case-number order.
        public var items: [ReconciliationItem]
        /// The units named by the items, by id.
        public var units: [UUID: OrgUnit]
    }

    /// What a unit records for a case.
    public struct EntryInput: Sendable {
        /// Why the case is not resolved yet.
        public var cause: String
        /// The responsible person (责任人).
        public var responsiblePerson: String
        /// The agreed new deadline.
        public var newDeadline: Date
        /// Whether the case goes to a joint consultation (会诊).
        public var consultation: Bool
        /// Why.
        public var consultationReason: String?

        /// Creates the input.
        public init(
            cause: String, responsiblePerson: String, newDeadline: Date, consultation: Bool = false,
            consultationReason: String? = nil
        ) {
            self.cause = cause
            self.responsiblePerson = responsiblePerson
            self.newDeadline = newDeadline
            self.consultation = consultation
            self.consultationReason = consultationReason
        }
    }

    /// The cases unresolved at the end of `month` (`YYYY-MM`, begun by now), optionally of one unit (`unit`, a
    /// code), within the caller's scope.
    public func listing(month text: String, unit: String? = nil, by actor: Actor) async throws -> Listing {
        let month = try ReconciliationMonth(parsing: text)
        let now = env.clock()
        try month.checkBegun(now: now, in: timeZone)
        let end = month.end(in: timeZone)
        let zone = timeZone
        return try await env.provider.read { db in
            var unitID: UUID?
            if let unit {
                let units = UnitRepository(db)
                guard let found = try await units.find(code: unit),
                    let path = try await units.regionPath(unitID: found.id),
                    Self.may(actor, { AccessPolicy.canSee(unitID: found.id, regionPath: path, by: $0) })
                else {
                    throw PinganError.invalid(field: "unit", rule: "not_found", detail: "there is no unit '\(unit)'")
                }
                unitID = found.id
            }
            var query = CaseHistoryRepository.Query(createdBefore: end)
            query.settledStatuses = [.resolved, .closed, .merged]
            query.settledBefore = end
            if case .user(let principal) = actor, !principal.has(.admin) {
                if Self.seesRegion(principal) {
                    query.regionPath = principal.regionPath
                } else {
                    query.unitID = principal.unitID
                }
            }
            let histories = try await CaseHistoryRepository(db).histories(query)
            let entries = try await ReconciliationRepository(db).entries(month: month.description)
            let items = MonthlyReconciliation.items(
                histories, month: month, timeZone: zone, now: now, entries: entries
            ).filter { item in
                (unitID == nil || item.snapshot.responsibleUnitID == unitID) && Self.mayList(item, by: actor)
            }
            var units: [UUID: OrgUnit] = [:]
            for id in Set(items.compactMap(\.snapshot.responsibleUnitID)) {
                units[id] = try await UnitRepository(db).find(id: id)
            }
            return Listing(month: month, monthEnd: end, evaluatedAt: min(end, now), items: items, units: units)
        }
    }

    /// The cases of `month` flagged for a joint consultation (会诊 / 联席会议), for the centre.
    public func consultations(month text: String, by actor: Actor) async throws -> Listing {
        var result = try await self.listing(month: text, by: actor)
        result.items = result.items.filter { $0.entry?.consultation == true }
        return result
    }

    /// Records (or replaces) the entry of case `key` (number or id) for `month`: validated, stored with who and when,
    /// audited (`reconciliation.record`), and noted on the case's timeline through ``PinganCore/CaseLifecycle``
    /// (an `add_note`), in one transaction. The case's own deadline does not move (see ``PinganCore/ReconciliationEntry``).
    public func record(
        month text: String, case key: String, _ input: EntryInput, by principal: Principal
    ) async throws -> ReconciliationItem {
        let month = try ReconciliationMonth(parsing: text)
        let now = env.clock()
        try month.checkBegun(now: now, in: timeZone)
        let zone = timeZone
        return try await env.write { db, audit in
            let cases = CaseRepository(db)
            let found: CaseRepository.Stored?
            if let id = UUID(uuidString: key) {
                found = try await cases.find(id: id)
            } else {
                found = try await cases.find(number: key)
            }
            guard let found,
                CasePermissions.maySee(
                    found.record, regionPath: found.regionPath, reporterID: found.reporterID, by: principal)
            else { throw PinganError.notFound(entity: "case", id: key) }
            let history = CaseHistory(
                record: found.record, regionPath: found.regionPath,
                events: try await cases.events(caseID: found.record.id))
            guard
                let item = MonthlyReconciliation.items([history], month: month, timeZone: zone, now: now).first
            else {
                throw PinganError.invalid(
                    field: "number", rule: "not_unresolved",
                    detail: "case \(found.record.number) was not unresolved at the end of \(month)")
            }
            let unitAtEnd = item.snapshot.responsibleUnitID
            let ownUnit =
                (principal.has(.handler) || principal.has(.leader))
                && (principal.unitID == unitAtEnd || principal.unitID == found.record.responsibleUnitID)
            guard ownUnit || principal.has(.operator) || principal.has(.admin) else {
                throw PinganError.forbidden("only the responsible unit or the centre records the reconciliation")
            }
            let entry = try ReconciliationEntry.validated(
                month: month, caseID: found.record.id, caseNumber: found.record.number, unitID: unitAtEnd,
                cause: input.cause, responsiblePerson: input.responsiblePerson, newDeadline: input.newDeadline,
                consultation: input.consultation, consultationReason: input.consultationReason,
                by: principal.username, at: now)
            try await ReconciliationRepository(db).save(entry)
            let (noted, events) = try CaseLifecycle.apply(
                .addNote(note: entry.note), to: found.record, by: .user(principal), at: now)
            guard try await cases.update(noted, expectedVersion: found.record.version, events: events) else {
                throw PinganError.conflict(field: "version", detail: "the case changed meanwhile; try again")
            }
            try await audit.append(
                AuditRecord(
                    actor: principal.username, action: "reconciliation.record", objectType: "case",
                    objectID: found.record.number,
                    change: [
                        "month": entry.month, "new_deadline": Timestamp.format(entry.newDeadline),
                        "consultation": String(entry.consultation),
                    ]),
                at: now)
            var recorded = item
            recorded.record = noted
            recorded.entry = entry
            return recorded
        }
    }

    private static func seesRegion(_ principal: Principal) -> Bool {
        principal.has(.operator) || principal.has(.leader) || principal.has(.assessor)
    }

    private static func mayList(_ item: ReconciliationItem, by actor: Actor) -> Bool {
        guard case .user(let principal) = actor, !principal.has(.admin), !seesRegion(principal) else { return true }
        return item.snapshot.responsibleUnitID == principal.unitID
    }

    private static func may(_ actor: Actor, _ rule: (Principal) -> Bool) -> Bool {
        guard case .user(let principal) = actor else { return true }
        return rule(principal)
    }
}
