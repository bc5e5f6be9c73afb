import Foundation

/// A possible duplicate of a new case, with every number that ranked it (DESIGN principle 5 "explain every number").
///
/// `score = (textWeight × textSimilarity + regionWeight × regionScore + recencyWeight × recencyScore) /
/// (textWeight + regionWeight + recencyWeight)`, each part between 0 and 1; ``explanation`` says it in words.
public struct DuplicateSuggestion: Sendable, Equatable {
    /// The candidate case's id.
    public var caseID: UUID
    /// The candidate case's number.
    public var number: String
    /// The overall score, 0…1; higher is more likely a duplicate.
    public var score: Double
    /// The Jaccard similarity of the two texts' character bigrams, 0…1.
    public var textSimilarity: Double
    /// Character bigrams the two texts share.
    public var sharedBigrams: Int
    /// Distinct character bigrams in either text.
    public var unionBigrams: Int
    /// How close the regions are.
    public var proximity: RegionProximity
    /// The region part of the score: 1 for the same region, the suggester's neighbour score otherwise.
    public var regionScore: Double
    /// The candidate's age at intake, in hours.
    public var ageHours: Double
    /// The recency part of the score: 1 − age ÷ window, 0…1.
    public var recencyScore: Double
    /// The sentences that explain the numbers, for the intake screen.
    public var explanation: [String]

    /// Creates a suggestion.
    public init(
        caseID: UUID, number: String, score: Double, textSimilarity: Double, sharedBigrams: Int, unionBigrams: Int,
        proximity: RegionProximity, regionScore: Double, ageHours: Double, recencyScore: Double, explanation: [String]
    ) {
        self.caseID = caseID
        self.number = number
        self.score = score
        self.textSimilarity = textSimilarity
        self.sharedBigrams = sharedBigrams
        self.unionBigrams = unionBigrams
        self.proximity = proximity
        self.regionScore = regionScore
        self.ageHours = ageHours
        self.recencyScore = recencyScore
        self.explanation = explanation
    }
}
