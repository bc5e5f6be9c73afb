import Foundation
import PinganCore
import SQLKit

/// Monthly reconciliation entries (每月交账) in the store.
public struct ReconciliationRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// Stores the entry, replacing the one for the same month and case.
    public func save(_ entry: ReconciliationEntry) async throws {
        try await db.raw(
            """
            INSERT INTO reconciliation_entries (month, case_id, case_number, unit_id, cause, responsible_person,
                new_deadline, consultation, consultation_reason, recorded_by, recorded_at)
            VALUES (\(bind: entry.month), \(bind: entry.caseID.uuidString), \(bind: entry.caseNumber),
                \(bind: entry.unitID?.uuidString), \(bind: entry.cause), \(bind: entry.responsiblePerson),
                \(bind: Timestamp.format(entry.newDeadline)), \(bind: entry.consultation ? 1 : 0),
                \(bind: entry.consultationReason), \(bind: entry.recordedBy), \(bind: Timestamp.format(entry.recordedAt)))
            ON CONFLICT (month, case_id) DO UPDATE SET case_number = excluded.case_number, unit_id = excluded.unit_id,
                cause = excluded.cause, responsible_person = excluded.responsible_person,
                new_deadline = excluded.new_deadline, consultation = excluded.consultation,
                consultation_reason = excluded.consultation_reason, recorded_by = excluded.recorded_by,
                recorded_at = excluded.recorded_at
            """
        ).run()
    }

    /// The entries of `month` (`YYYY-MM`), in case-number order.
    public func entries(month: String) async throws -> [ReconciliationEntry] {
        try await db.raw(
            "SELECT * FROM reconciliation_entries WHERE month = \(bind: month) ORDER BY case_number"
        ).all().map { row in
            ReconciliationEntry(
                month: try row.string("month"), caseID: try row.uuid("case_id"),
                caseNumber: try row.string("case_number"), unitID: try row.optionalUUID("unit_id"),
                cause: try row.string("cause"), responsiblePerson: try row.string("responsible_person"),
                newDeadline: try row.date("new_deadline"), consultation: try row.int("consultation") != 0,
                consultationReason: try row.optionalString("consultation_reason"),
                recordedBy: try row.string("recorded_by"), recordedAt: try row.date("recorded_at"))
        }
    }
}
