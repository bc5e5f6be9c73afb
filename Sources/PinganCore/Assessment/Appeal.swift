import Foundation

/// An appeal (申诉) against a score, and the assessor's decision on it (issue 7: "a recorded appeal can change a
/// score with the assessor's decision on record").
public struct Appeal: Sendable, Equatable, Codable {
    /// The assessor's decision.
    public struct Decision: Sendable, Equatable, Codable {
        /// Whether the appeal was upheld; an upheld appeal sets `points` as the item's new score.
        public var upheld: Bool
        /// The new points, when upheld.
        public var points: Decimal?
        /// The reasons, on record.
        public var note: String
        /// The assessor who decided.
        public var decidedBy: String
        /// When.
        public var decidedAt: Date

        /// Creates a decision.
        public init(upheld: Bool, points: Decimal?, note: String, decidedBy: String, decidedAt: Date) {
            self.upheld = upheld
            self.points = points
            self.note = note
            self.decidedBy = decidedBy
            self.decidedAt = decidedAt
        }
    }

    /// The appeal's identifier.
    public var id: UUID
    /// The score appealed against.
    public var scoreID: UUID
    /// The unit that appeals.
    public var unitID: UUID?
    /// Why.
    public var reason: String
    /// Who filed it.
    public var filedBy: String
    /// When.
    public var filedAt: Date
    /// The decision, once made.
    public var decision: Decision?

    /// Creates an appeal.
    public init(
        id: UUID, scoreID: UUID, unitID: UUID?, reason: String, filedBy: String, filedAt: Date,
        decision: Decision? = nil
    ) {
        self.id = id
        self.scoreID = scoreID
        self.unitID = unitID
        self.reason = reason
        self.filedBy = filedBy
        self.filedAt = filedAt
        self.decision = decision
    }

    /// Decides the appeal against `score`: an undecided appeal only, a note always, new points (0…maximum, and
    /// different from the score) when upheld. Returns the decided appeal and, when upheld, the new score that
    /// supersedes the old one, recorded as set by the deciding assessor under the same list version.
    public func decide(
        upheld: Bool, points: Decimal?, note: String, against score: ItemScore, by assessor: String, at time: Date,
        newScoreID: UUID
    ) throws(PinganError) -> (Appeal, ItemScore?) {
        guard decision == nil else {
            throw .conflict(field: "decision", detail: "the appeal was decided already")
        }
        guard !note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw .invalid(field: "note", rule: "required", detail: "the decision needs its reasons")
        }
        var decided = self
        decided.decision = Decision(
            upheld: upheld, points: upheld ? points : nil, note: note, decidedBy: assessor, decidedAt: time)
        guard upheld else { return (decided, nil) }
        guard let points else {
            throw .invalid(field: "points", rule: "required", detail: "an upheld appeal sets the new points")
        }
        var changed = score
        changed.id = newScoreID
        changed.points = points
        changed.source = .appeal(appealID: id, decision: note)
        changed.setBy = assessor
        changed.setAt = time
        try changed.validate()
        return (decided, changed)
    }
}
