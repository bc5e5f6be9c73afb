import Foundation

/// A unit's scorecard for an assessment period under one list version (issue 7 "Scoring"): the items it leads with
/// points earned and lost and why, the deductions from its incidents, and its total.
public struct Scorecard: Sendable, Equatable {
    /// One item the unit leads.
    public struct Line: Sendable, Equatable {
        /// The item's key.
        public var itemKey: String
        /// The item's title.
        public var title: String
        /// Its points.
        public var maximum: Decimal
        /// The score in force (the unit's own, or else the subject's), or nil when not scored yet.
        public var score: ItemScore?
        /// Points earned, when scored.
        public var earned: Decimal? { score?.points }
        /// Points lost (maximum − earned), when scored.
        public var lost: Decimal? { score.map { maximum - $0.points } }
        /// Why: the score's explanation, or "not scored yet".
        public var explanation: String { score?.explanation ?? "not scored yet" }

        /// Creates a line.
        public init(itemKey: String, title: String, maximum: Decimal, score: ItemScore?) {
            self.itemKey = itemKey
            self.title = title
            self.maximum = maximum
            self.score = score
        }
    }

    /// The deduction of one negative-list entry from the unit's incidents.
    public struct Deduction: Sendable, Equatable {
        /// The entry's key.
        public var entryKey: String
        /// The entry's text.
        public var text: String
        /// The incidents counted.
        public var incidentIDs: [UUID]
        /// Points deducted (after the entry's cap).
        public var points: Decimal
        /// The rule and figures.
        public var explanation: String

        /// Creates a deduction.
        public init(entryKey: String, text: String, incidentIDs: [UUID], points: Decimal, explanation: String) {
            self.entryKey = entryKey
            self.text = text
            self.incidentIDs = incidentIDs
            self.points = points
            self.explanation = explanation
        }
    }

    /// The unit.
    public var unitID: UUID
    /// The list version.
    public var listID: UUID
    /// The items the unit leads.
    public var lines: [Line]
    /// The deductions.
    public var deductions: [Deduction]

    /// Creates a scorecard.
    public init(unitID: UUID, listID: UUID, lines: [Line], deductions: [Deduction]) {
        self.unitID = unitID
        self.listID = listID
        self.lines = lines
        self.deductions = deductions
    }

    /// Items scored.
    public var scoredItems: Int { lines.filter { $0.score != nil }.count }
    /// Points of all the items it leads.
    public var maximum: Decimal { lines.map(\.maximum).reduce(0, +) }
    /// Points of the scored items.
    public var scoredMaximum: Decimal { lines.filter { $0.score != nil }.map(\.maximum).reduce(0, +) }
    /// Points earned.
    public var earned: Decimal { lines.compactMap(\.earned).reduce(0, +) }
    /// Points deducted.
    public var deducted: Decimal { deductions.map(\.points).reduce(0, +) }
    /// Earned minus deducted.
    public var total: Decimal { earned - deducted }
    /// The total as a share of the scored items' points, or nil when nothing is scored.
    public var share: Decimal? { scoredMaximum > 0 ? total / scoredMaximum : nil }

    /// Whether the unit failed: something scored and a share below `passMark` (0.6 = 60%).
    public func failed(passMark: Decimal) -> Bool {
        guard let share else { return false }
        return share < passMark
    }

    /// Builds the scorecard of `unitID` for `list` (version `listID`): the items whose lead units (`unitNames` maps
    /// the list's names to units) include the unit, each with its score in force — the latest of the unit's own
    /// scores of the item, or else the latest score of the item for the subject — and the deductions of each
    /// negative-list entry over the unit's `incidents` (the caller passes the period's); rate rules take their rate
    /// from `rates` by entry key.
    public static func build(
        unitID: UUID, list: ResponsibilityList, listID: UUID, unitNames: [String: UUID], scores: [ItemScore],
        incidents: [Incident], rates: [String: Decimal] = [:]
    ) -> Scorecard {
        let ordered = scores.enumerated().sorted { lhs, rhs in
            lhs.element.setAt != rhs.element.setAt ? lhs.element.setAt < rhs.element.setAt : lhs.offset < rhs.offset
        }.map(\.element)
        var lines: [Line] = []
        for scorable in list.scorableItems where scorable.leadUnits.contains(where: { unitNames[$0] == unitID }) {
            let own = ordered.last { $0.itemKey == scorable.key && $0.unitID == unitID }
            let subject = ordered.last { $0.itemKey == scorable.key && $0.unitID == nil }
            lines.append(
                Line(
                    itemKey: scorable.key, title: scorable.item.title, maximum: scorable.item.points ?? 0,
                    score: own ?? subject))
        }
        var deductions: [Deduction] = []
        let mine = incidents.filter { $0.unitID == unitID }
        for index in list.negativeList.indices {
            let key = list.entryKey(index)
            let entry = list.negativeList[index]
            guard let rule = entry.rule else { continue }
            let counted = mine.filter { $0.entryKey == key }
            var facts = DeductionFacts(incidents: counted.count, persons: counted.map(\.persons).reduce(0, +))
            for incident in counted { facts.incidentsBySeverity[incident.severity ?? "", default: 0] += 1 }
            facts.rate = rates[key]
            guard !counted.isEmpty || facts.rate != nil else { continue }
            let outcome = rule.deduction(for: facts)
            guard outcome.points > 0 else { continue }
            deductions.append(
                Deduction(
                    entryKey: key, text: entry.text, incidentIDs: counted.map(\.id), points: outcome.points,
                    explanation: outcome.explanation))
        }
        return Scorecard(unitID: unitID, listID: listID, lines: lines, deductions: deductions)
    }
}
