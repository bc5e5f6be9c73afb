import Foundation

/// The ranking of units for a period (issue 7 "Outputs": with a minimum number of scored items so that small units
/// are ranked fairly): units with at least `minimumScoredItems` scored items, by their share of the scored points,
/// highest first; the others listed as unranked with the reason.
public struct AssessmentRanking: Sendable, Equatable {
    /// A ranked unit.
    public struct Entry: Sendable, Equatable {
        /// 1, 2, …; equal shares share a rank.
        public var rank: Int
        /// The scorecard.
        public var card: Scorecard
    }

    /// The ranked units.
    public var ranked: [Entry]
    /// The units left out, with why.
    public var unranked: [(card: Scorecard, reason: String)]

    /// Compares two rankings, the unranked units by card and reason.
    public static func == (lhs: AssessmentRanking, rhs: AssessmentRanking) -> Bool {
        lhs.ranked == rhs.ranked && lhs.unranked.map(\.card) == rhs.unranked.map(\.card)
            && lhs.unranked.map(\.reason) == rhs.unranked.map(\.reason)
    }

    /// Ranks `cards`; ties keep the order given.
    public init(_ cards: [Scorecard], minimumScoredItems: Int) {
        var eligible: [Scorecard] = []
        unranked = []
        for card in cards {
            if card.scoredItems < max(minimumScoredItems, 1) {
                unranked.append(
                    (
                        card,
                        "\(card.scoredItems) scored item(s), fewer than the minimum of \(max(minimumScoredItems, 1))"
                    ))
            } else {
                eligible.append(card)
            }
        }
        let sorted = eligible.enumerated().sorted { lhs, rhs in
            let left = lhs.element.share ?? 0
            let right = rhs.element.share ?? 0
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        ranked = []
        for (index, card) in sorted.enumerated() {
            let rank = index > 0 && ranked[index - 1].card.share == card.share ? ranked[index - 1].rank : index + 1
            ranked.append(Entry(rank: rank, card: card))
        }
    }
}
