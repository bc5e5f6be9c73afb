import Foundation

/// The score of one item of an activated list for an assessment period and subject region, optionally for one
/// lead unit (issue 7 "Scoring": every score records who or what set it, when, and under which list version).
/// Scores are never overwritten: a later score of the same item and unit supersedes an earlier one.
public struct ItemScore: Sendable, Equatable, Codable {
    /// Who or what set the score, and on what basis.
    public enum Source: Sendable, Equatable, Codable {
        /// An assessor (考核人员), with a comment and the evidence files' hashes.
        case manual(comment: String, evidence: [Evidence])
        /// Computed from a ledger indicator by a scoring function.
        case automatic(binding: MetricBinding, value: Decimal?, explanation: String)
        /// Changed by the assessor's decision on an appeal (申诉).
        case appeal(appealID: UUID, decision: String)
    }

    /// A file attached as evidence, by its SHA-256; the file itself is kept outside the score.
    public struct Evidence: Sendable, Equatable, Codable {
        /// The file's name.
        public var fileName: String
        /// SHA-256 of its bytes, 64 lower-case hex digits.
        public var sha256: String

        /// Creates evidence.
        public init(fileName: String, sha256: String) {
            self.fileName = fileName
            self.sha256 = sha256
        }
    }

    /// The score's identifier.
    public var id: UUID
    /// The list version it was given under.
    public var listID: UUID
    /// That version's number.
    public var listVersion: Int
    /// The period.
    public var period: AssessmentPeriod
    /// The subject region's code.
    public var regionCode: String
    /// The item's key in the list (`ResponsibilityList.scorableItems`).
    public var itemKey: String
    /// The lead unit scored, or nil for the subject as a whole.
    public var unitID: UUID?
    /// Points earned, 0…maximum.
    public var points: Decimal
    /// The item's points.
    public var maximum: Decimal
    /// Who or what set it.
    public var source: Source
    /// The user name or `system:…` that set it.
    public var setBy: String
    /// When.
    public var setAt: Date

    /// Creates a score; use `validate()` before storing one from input.
    public init(
        id: UUID, listID: UUID, listVersion: Int, period: AssessmentPeriod, regionCode: String, itemKey: String,
        unitID: UUID?, points: Decimal, maximum: Decimal, source: Source, setBy: String, setAt: Date
    ) {
        self.id = id
        self.listID = listID
        self.listVersion = listVersion
        self.period = period
        self.regionCode = regionCode
        self.itemKey = itemKey
        self.unitID = unitID
        self.points = points
        self.maximum = maximum
        self.source = source
        self.setBy = setBy
        self.setAt = setAt
    }

    /// Checks the score: points between 0 and the item's maximum; a manual score has a comment and every evidence
    /// file a name and a SHA-256 of 64 hex digits.
    public func validate() throws(PinganError) {
        var violations: [FieldViolation] = []
        if points < 0 || points > maximum {
            violations.append(
                .init(
                    field: "points", rule: "range",
                    detail: "points must be between 0 and the item's \(DeductionRule.format(maximum))"))
        }
        if case .manual(let comment, let evidence) = source {
            if comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                violations.append(.init(field: "comment", rule: "required", detail: "a manual score needs a comment"))
            }
            for (index, file) in evidence.enumerated() {
                if file.fileName.trimmingCharacters(in: .whitespaces).isEmpty {
                    violations.append(
                        .init(field: "evidence[\(index)].file_name", rule: "required", detail: "name the file"))
                }
                if file.sha256.count != 64 || !file.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
                    violations.append(
                        .init(
                            field: "evidence[\(index)].sha256", rule: "format",
                            detail: "a SHA-256 is 64 lower-case hex digits"))
                }
            }
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }

    /// The sentence that says why the item has these points.
    public var explanation: String {
        switch source {
        case .manual(let comment, let evidence):
            "scored by \(setBy): \(comment)" + (evidence.isEmpty ? "" : " (\(evidence.count) evidence file(s))")
        case .automatic(_, _, let explanation): explanation
        case .appeal(_, let decision): "changed on appeal by \(setBy): \(decision)"
        }
    }
}
