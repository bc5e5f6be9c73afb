import Foundation

/// What a unit records for one unresolved case in the monthly reconciliation (每月交账, BRIEF §1): the cause of the
/// delay, the responsible person (责任人), the new deadline it commits to, and whether the case needs a joint
/// consultation (会诊 / 联席会议).
///
/// The agreed deadline is the reconciliation's own commitment: it does not move the case's deadline (only an
/// approved extension does, through ``CaseLifecycle``), so the on-time and overdue figures keep measuring the
/// deadline the lifecycle set. Recording an entry adds a note to the case's timeline.
public struct ReconciliationEntry: Sendable, Equatable, Codable {
    /// The month, `YYYY-MM`.
    public var month: String
    /// The case.
    public var caseID: UUID
    /// The case's number.
    public var caseNumber: String
    /// The responsible unit at the month's end (`nil` for a case the centre held unassigned).
    public var unitID: UUID?
    /// Why the case is not resolved yet.
    public var cause: String
    /// The person answerable for it (责任人).
    public var responsiblePerson: String
    /// The new deadline the unit commits to.
    public var newDeadline: Date
    /// Whether the case goes to a joint consultation (会诊 / 联席会议).
    public var consultation: Bool
    /// Why it needs one, when flagged.
    public var consultationReason: String?
    /// Who recorded the entry (the audit name).
    public var recordedBy: String
    /// When.
    public var recordedAt: Date

    /// Creates an entry; use ``validated(month:caseID:caseNumber:unitID:cause:responsiblePerson:newDeadline:consultation:consultationReason:by:at:)``
    /// for input.
    public init(
        month: String, caseID: UUID, caseNumber: String, unitID: UUID?, cause: String, responsiblePerson: String,
        newDeadline: Date, consultation: Bool, consultationReason: String?, recordedBy: String, recordedAt: Date
    ) {
        self.month = month
        self.caseID = caseID
        self.caseNumber = caseNumber
        self.unitID = unitID
        self.cause = cause
        self.responsiblePerson = responsiblePerson
        self.newDeadline = newDeadline
        self.consultation = consultation
        self.consultationReason = consultationReason
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// An entry from input, checked: `cause` 1–2 000 characters after trimming (rule `required` / `length`);
    /// `responsible_person` 1–100 (`required` / `length`); `new_deadline` after `time` (`past`);
    /// `consultation_reason` at most 2 000 (`length`). Every broken rule is reported at once.
    public static func validated(
        month: ReconciliationMonth, caseID: UUID, caseNumber: String, unitID: UUID?, cause: String,
        responsiblePerson: String, newDeadline: Date, consultation: Bool, consultationReason: String?,
        by actor: String, at time: Date
    ) throws(PinganError) -> ReconciliationEntry {
        var violations: [FieldViolation] = []
        let cause = cause.trimmingCharacters(in: .whitespacesAndNewlines)
        let person = responsiblePerson.trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = consultationReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if cause.isEmpty {
            violations.append(.init(field: "cause", rule: "required", detail: "say why the case is not resolved yet"))
        } else if cause.count > 2000 {
            violations.append(.init(field: "cause", rule: "length", detail: "at most 2 000 characters"))
        }
        if person.isEmpty {
            violations.append(
                .init(field: "responsible_person", rule: "required", detail: "name the responsible person"))
        } else if person.count > 100 {
            violations.append(.init(field: "responsible_person", rule: "length", detail: "at most 100 characters"))
        }
        if newDeadline <= time {
            violations.append(
                .init(field: "new_deadline", rule: "past", detail: "the new deadline must lie in the future"))
        }
        if let reason, reason.count > 2000 {
            violations.append(.init(field: "consultation_reason", rule: "length", detail: "at most 2 000 characters"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        return ReconciliationEntry(
            month: month.description, caseID: caseID, caseNumber: caseNumber, unitID: unitID, cause: cause,
            responsiblePerson: person, newDeadline: newDeadline, consultation: consultation,
            consultationReason: reason?.isEmpty == true ? nil : reason, recordedBy: actor, recordedAt: time)
    }

    /// The timeline note that records the entry on the case (`每月交账 2026-11: …`).
    public var note: String {
        var text =
            "每月交账 \(month): cause: \(cause); responsible: \(responsiblePerson); agreed deadline: "
            + Timestamp.format(newDeadline)
        if consultation { text += "; joint consultation (会诊)" + (consultationReason.map { ": \($0)" } ?? "") }
        return text
    }
}
