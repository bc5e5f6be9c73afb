import Foundation
import Logging
import PinganCore
import PinganStore
import SQLKit
import Synchronization

/// The escalation engine's shell (issue 3 §5; DESIGN "The scheduler"): keeps each case's plan in step with the case,
/// and in each pass fires the steps that are due — each exactly once, because a step is recorded in
/// `escalation_fired` (unique per case and step) in the same transaction as its timeline event, notifications,
/// outbox messages and audit entry. A crash before the commit leaves the step unfired, to fire in the next pass; a
/// second scheduler finds it already recorded.
public struct EscalationScheduler: Sendable {
    private let env: ServiceEnvironment
    private let policies: PolicyService

    /// Creates the scheduler. New plans follow the escalation policy in force (``PolicyService``); `policy` is the
    /// shipped default, BRIEF §2, in force until an administrator stores a version.
    public init(_ env: ServiceEnvironment, policy: EscalationPolicy = .defaultPolicy) {
        self.env = env
        var shipped = PolicyService.Shipped.standard
        shipped.escalation = policy
        self.policies = PolicyService(env, shipped: shipped)
    }

    /// A step that fired.
    public struct Fired: Sendable, Equatable {
        /// The case's number.
        public var caseNumber: String
        /// The step.
        public var key: StepKey
        /// What the step does.
        public var effect: EscalationEffect
        /// Users notified.
        public var recipients: [String]
        /// Why, in words.
        public var explanation: String
    }

    /// Makes, re-makes or leaves the plan of `record` after a change, inside the change's transaction. A case has a
    /// plan once it has a level, a responsible unit and a deadline; raising the level re-plans from `time`, keeping
    /// fired steps fired; the plan keeps the policy version it started under.
    func synchronisePlan(for record: Case, at time: Date, on db: any SQLDatabase) async throws {
        guard record.status.isOpen, record.level != .none, let unit = record.responsibleUnitID,
            let deadline = record.deadline
        else { return }
        let escalations = EscalationRepository(db)
        let directory = try await env.directory(on: db)
        let units = directory.units
        let existing = try await escalations.plan(caseID: record.id)
        let fired = try await escalations.fired(caseID: record.id)
        let plan: EscalationPlan
        if let existing {
            if existing.level == record.level, existing.facts.responsibleUnitID == unit,
                existing.facts.deadline == deadline
            {
                return
            }
            if existing.level != record.level {
                plan = try EscalationPlan.replan(
                    from: existing, newLevel: record.level, at: time, units: units, alreadyFired: fired,
                    deadline: deadline)
            } else {
                var facts = existing.facts
                facts.responsibleUnitID = unit
                facts.participantUnitIDs = record.participatingUnitIDs
                facts.deadline = deadline
                plan = try EscalationPlan.make(policy: existing.policy, facts: facts, units: units)
            }
        } else {
            let facts = EscalationFacts(
                level: record.level, start: record.createdAt, deadline: deadline, responsibleUnitID: unit,
                participantUnitIDs: record.participatingUnitIDs)
            plan = try EscalationPlan.make(
                policy: policies.escalationPolicy(directory), facts: facts, units: units)
        }
        try await escalations.save(plan, caseID: record.id, nextDueAt: plan.nextDueAt(alreadyFired: fired), at: time)
    }

    /// One pass as if the clock read `now`: fires every due step of every case, and returns them in the order the
    /// cases fell due.
    ///
    /// Each case is its own transaction (so one case's conflict never holds back another's steps); up to
    /// `concurrency` run at once, which on SQLite lets group commit share one COMMIT among them and on PostgreSQL uses
    /// several connections. The first error ends the pass after the cases in flight finish; what committed stays
    /// fired, the rest fires in the next pass.
    @discardableResult
    public func runOnce(now: Date? = nil, limit: Int = 10_000, concurrency: Int = 8) async throws -> [Fired] {
        let now = now ?? env.clock()
        let due = try await env.provider.read { db in try await EscalationRepository(db).due(at: now, limit: limit) }
        let people = RecipientCache()
        var results = [[Fired]](repeating: [], count: due.count)
        try await withThrowingTaskGroup(of: (Int, [Fired]).self) { group in
            var next = 0
            func start() {
                let (index, caseID) = (next, due[next])
                next += 1
                group.addTask { (index, try await fire(caseID: caseID, at: now, people: people)) }
            }
            while next < min(due.count, max(1, concurrency)) { start() }
            while let (index, fired) = try await group.next() {
                results[index] = fired
                if next < due.count { start() }
            }
        }
        return results.flatMap { $0 }
    }

    private func fire(caseID: UUID, at now: Date, people: RecipientCache) async throws -> [Fired] {
        try await env.write(keepsDirectory: true) { db, audit in
            let escalations = EscalationRepository(db)
            guard let plan = try await escalations.plan(caseID: caseID),
                let stored = try await CaseRepository(db).find(id: caseID)
            else { return [] }
            var record = stored.record
            var alreadyFired = try await escalations.fired(caseID: caseID)
            let finished = record.status == .resolved || !record.status.isOpen
            var results: [Fired] = []
            for step in plan.steps(due: now, alreadyFired: alreadyFired, resolved: finished) {
                guard try await escalations.markFired(step.key, caseID: caseID, at: now) else { continue }
                alreadyFired.insert(step.key)
                let users = try await recipients(step.recipients, db: db, people: people)
                let event = CaseEvent(
                    id: UUID(), caseID: caseID, at: now, actor: .system("scheduler"), type: .escalated,
                    note: step.explanation,
                    data: [
                        "step": step.key.rawValue, "effect": step.effect.rawValue, "level": step.level.rawValue,
                        "recipients": users.map(\.username).joined(separator: ","),
                    ], version: record.version)
                try await CaseRepository(db).appendEvents([event])
                try await Notifier().record(
                    Notice(
                        eventKey: "escalation:\(caseID.uuidString):\(step.key.rawValue)", event: "case.escalated",
                        unitID: record.responsibleUnitID, recipients: users.map(\.id), kind: "escalation",
                        title: "\(record.level.label)预警 · \(record.number) · \(step.effect.chineseText)",
                        body: step.explanation, objectType: "case", objectID: record.number,
                        data: [
                            "step": step.key.rawValue, "effect": step.effect.rawValue, "level": record.level.rawValue,
                        ], at: now),
                    on: db)
                try await audit.append(
                    AuditRecord(
                        actor: "system:scheduler", action: "case.escalated", objectType: "case",
                        objectID: record.number,
                        change: ["step": step.key.rawValue, "recipients": users.map(\.username).joined(separator: ",")]),
                    at: now)
                if let action = step.caseAction(on: record, at: now) {
                    record = try await applyEffect(action, to: record, step: step, at: now, db: db, audit: audit)
                }
                results.append(
                    Fired(
                        caseNumber: record.number, key: step.key, effect: step.effect,
                        recipients: users.map(\.username), explanation: step.explanation))
            }
            let next = finished ? nil : plan.nextDueAt(alreadyFired: alreadyFired)
            try await escalations.setNextDue(next, caseID: caseID, at: now)
            if record.version != stored.record.version {
                // An effect handed the case to another unit: the rest of the chain follows it, as after any
                // reassignment; fired steps stay fired.
                try await synchronisePlan(for: record, at: now, on: db)
            }
            return results
        }
    }

    /// Applies what a step does to the case beyond notifying (supervision, reassignment upward, a leader taking the
    /// case), in the step's transaction, as the scheduler; a concurrent change to the case rolls the whole step back,
    /// to fire in the next pass.
    private func applyEffect(
        _ action: CaseAction, to record: Case, step: PlannedStep, at now: Date, db: any SQLDatabase, audit: AuditLog
    ) async throws -> Case {
        let (changed, events) = try CaseLifecycle.apply(action, to: record, by: .system("scheduler"), at: now)
        guard try await CaseRepository(db).update(changed, expectedVersion: record.version, events: events) else {
            throw PinganError.conflict(field: "version", detail: "case \(record.number) changed during escalation")
        }
        try await audit.append(
            AuditRecord(
                actor: "system:scheduler", action: "case.\(action.name.rawValue)", objectType: "case",
                objectID: changed.number,
                change: [
                    "status": changed.status.rawValue, "version": String(changed.version),
                    "step": step.key.rawValue,
                ]),
            at: now)
        return changed
    }

    /// The users a step reaches: the named leader, or the handlers and leaders of a recipient unit. Each unit's and
    /// leader's users are read once per pass (`people`).
    private func recipients(
        _ recipients: [EscalationRecipient], db: any SQLDatabase, people: RecipientCache
    ) async throws -> [User] {
        var users: [UUID: User] = [:]
        let repository = UserRepository(db)
        for recipient in recipients {
            if let id = recipient.userID {
                let user = try await people.user(id) { try await repository.find(id: id) }
                if let user, !user.disabled { users[user.id] = user }
            } else {
                for user in try await people.members(of: recipient.unitID, { try await repository.list(unitID: $0) })
                where !user.disabled && (user.roles.contains(.handler) || user.roles.contains(.leader)) {
                    users[user.id] = user
                }
            }
        }
        return users.values.sorted { $0.username < $1.username }
    }
}

/// The users one scheduler pass notifies, each unit's and each named leader's read once per pass. A backlog of
/// thousands of steps names the same few units, and every read was a round trip inside the writer (two per unit on
/// PostgreSQL). A pass lasts seconds; a user changed meanwhile is seen by the next pass.
final class RecipientCache: Sendable {
    private let units = Mutex<[UUID: [User]]>([:])
    private let users = Mutex<[UUID: User?]>([:])

    /// The users of `unitID`, read with `load` the first time.
    func members(of unitID: UUID, _ load: (UUID) async throws -> [User]) async throws -> [User] {
        if let known = units.withLock({ $0[unitID] }) { return known }
        let loaded = try await load(unitID)
        units.withLock { $0[unitID] = loaded }
        return loaded
    }

    /// The user `id` (nil if there is none), read with `load` the first time.
    func user(_ id: UUID, _ load: () async throws -> User?) async throws -> User? {
        if let known = users.withLock({ $0[id] }) { return known }
        let loaded = try await load()
        users.withLock { $0[id] = .some(loaded) }
        return loaded
    }
}
