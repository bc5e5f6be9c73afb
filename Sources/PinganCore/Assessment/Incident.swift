import Foundation

/// An incident recorded against a negative-list entry (负面清单, issue 7 "Incidents are recorded (date, region, unit,
/// kind, severity, description, source case) and the deductions follow").
public struct Incident: Sendable, Equatable, Codable {
    /// The incident's identifier.
    public var id: UUID
    /// When it happened.
    public var occurredAt: Date
    /// The region it happened in.
    public var regionCode: String
    /// The unit it is counted against.
    public var unitID: UUID
    /// The kind, in the list's words ("重大刑事案件").
    public var kind: String
    /// The severity grade as the rule names it (特别重大, 重大, 较大, 一般), if any.
    public var severity: String?
    /// Persons concerned, for per-person rules.
    public var persons: Int
    /// What happened (no personal data).
    public var description: String
    /// The case number it came from, if any.
    public var sourceCase: String?
    /// The negative-list entry it falls under (`ResponsibilityList.entryKey`).
    public var entryKey: String
    /// Who recorded it.
    public var recordedBy: String
    /// When.
    public var recordedAt: Date

    /// Creates an incident.
    public init(
        id: UUID, occurredAt: Date, regionCode: String, unitID: UUID, kind: String, severity: String? = nil,
        persons: Int = 0, description: String, sourceCase: String? = nil, entryKey: String, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = id
        self.occurredAt = occurredAt
        self.regionCode = regionCode
        self.unitID = unitID
        self.kind = kind
        self.severity = severity
        self.persons = persons
        self.description = description
        self.sourceCase = sourceCase
        self.entryKey = entryKey
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// Whether the incident is major (重大 or 特别重大) — what the accountability ladder's incident trigger counts.
    public var isMajor: Bool {
        guard let severity else { return false }
        return severity.contains("重大")
    }

    /// Checks the recorded fields: a kind and a description, persons not negative, an entry of `list`, and a
    /// severity the entry's rule names when the rule is by severity.
    public func validate(against list: ResponsibilityList) throws(PinganError) {
        var violations: [FieldViolation] = []
        if kind.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(.init(field: "kind", rule: "required", detail: "name the kind of incident"))
        }
        if description.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(.init(field: "description", rule: "required", detail: "describe the incident"))
        }
        if persons < 0 {
            violations.append(.init(field: "persons", rule: "range", detail: "persons cannot be negative"))
        }
        if let entry = list.negativeListEntry(key: entryKey) {
            if case .perIncidentBySeverity(let steps) = entry.rule?.basis,
                !steps.contains(where: { $0.severity == severity })
            {
                violations.append(
                    .init(
                        field: "severity", rule: "unknown_value",
                        detail: "the entry's rule names \(steps.map(\.severity).joined(separator: ", "))"))
            }
        } else {
            violations.append(
                .init(
                    field: "entry", rule: "not_found",
                    detail: "the list has no negative-list entry '\(entryKey)'; entries: "
                        + list.negativeList.indices.map { list.entryKey($0) }.joined(separator: ", ")))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }
}
