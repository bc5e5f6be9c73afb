import Foundation
import PinganCore
import SQLKit

/// Escalation plans and fired steps in the store.
public struct EscalationRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Stores (or replaces) the plan of a case with the time its next step is due.
    public func save(_ plan: EscalationPlan, caseID: UUID, nextDueAt: Date?, at time: Date) async throws {
        try await db.raw(
            """
            INSERT INTO case_escalations (case_id, plan, next_due_at, updated_at)
            VALUES (\(bind: caseID.uuidString), \(bind: try CaseRepository.json(plan)),
                \(bind: nextDueAt.map(Timestamp.format)), \(bind: Timestamp.format(time)))
            ON CONFLICT (case_id) DO UPDATE SET plan = excluded.plan, next_due_at = excluded.next_due_at,
                updated_at = excluded.updated_at
            """
        ).run()
    }

    /// Sets only the time the next step is due.
    public func setNextDue(_ nextDueAt: Date?, caseID: UUID, at time: Date) async throws {
        try await db.raw(
            """
            UPDATE case_escalations SET next_due_at = \(bind: nextDueAt.map(Timestamp.format)),
                updated_at = \(bind: Timestamp.format(time))
            WHERE case_id = \(bind: caseID.uuidString)
            """
        ).run()
    }

    /// The plan of a case.
    public func plan(caseID: UUID) async throws -> EscalationPlan? {
        guard
            let text = try await db.raw(
                "SELECT plan FROM case_escalations WHERE case_id = \(bind: caseID.uuidString)"
            ).first()?.string("plan")
        else { return nil }
        return try CaseRepository.decoder.decode(EscalationPlan.self, from: Data(text.utf8))
    }

    /// Cases with a step due at or before `time`, earliest first.
    public func due(at time: Date, limit: Int) async throws -> [UUID] {
        try await db.raw(
            """
            SELECT case_id FROM case_escalations
            WHERE next_due_at IS NOT NULL AND next_due_at <= \(bind: Timestamp.format(time))
            ORDER BY next_due_at LIMIT \(literal: max(1, limit))
            """
        ).all().map { try $0.uuid("case_id") }
    }

    /// The steps of a case that have fired.
    public func fired(caseID: UUID) async throws -> Set<StepKey> {
        Set(
            try await db.raw("SELECT step_key FROM escalation_fired WHERE case_id = \(bind: caseID.uuidString)").all()
                .map { StepKey(rawValue: try $0.string("step_key")) })
    }

    /// Records that a step fired; false when it had already fired (another scheduler got there first).
    public func markFired(_ key: StepKey, caseID: UUID, at time: Date) async throws -> Bool {
        let rows = try await db.raw(
            """
            INSERT INTO escalation_fired (case_id, step_key, fired_at)
            VALUES (\(bind: caseID.uuidString), \(bind: key.rawValue), \(bind: Timestamp.format(time)))
            ON CONFLICT (case_id, step_key) DO NOTHING
            RETURNING step_key
            """
        ).all()
        return !rows.isEmpty
    }
}
