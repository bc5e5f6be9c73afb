import Foundation

/// Suggests possible duplicates of a new case at intake (BRIEF issue 3 "possible duplicates (same category, same or
/// neighbouring grid, similar text, recent) are suggested"), so that the operator can merge them (并单).
///
/// A candidate is considered only when all four hold: the same category; the same or a neighbouring region
/// (``RegionProximity``); created at most ``window`` before intake; and a character-bigram Jaccard similarity of at
/// least ``minimumTextSimilarity`` (bigrams, because Chinese text has no spaces to split words on). Candidates that are
/// not open are skipped unless ``includesClosed``. The rest are ranked by ``DuplicateSuggestion/score``, then text
/// similarity, then newest first, then number; at most ``limit`` are returned. Pure: the time is the probe's.
public struct DuplicateSuggester: Sendable, Equatable {
    /// How far back a candidate may have been created (default 7 days).
    public var window: TimeInterval
    /// The lowest text similarity worth suggesting (default 0.3).
    public var minimumTextSimilarity: Double
    /// Weight of the text similarity in the score (default 0.6).
    public var textWeight: Double
    /// Weight of the region closeness (default 0.25).
    public var regionWeight: Double
    /// Weight of the recency (default 0.15).
    public var recencyWeight: Double
    /// The region score of a neighbouring (not the same) region (default 0.6).
    public var neighbourScore: Double
    /// The most suggestions returned (default 5).
    public var limit: Int
    /// Whether closed and merged cases are suggested too (default no: only open cases can be merged into).
    public var includesClosed: Bool

    /// Creates a suggester; the defaults are Pingan's shipped values.
    public init(
        window: TimeInterval = 7 * 24 * 3600, minimumTextSimilarity: Double = 0.3, textWeight: Double = 0.6,
        regionWeight: Double = 0.25, recencyWeight: Double = 0.15, neighbourScore: Double = 0.6, limit: Int = 5,
        includesClosed: Bool = false
    ) {
        self.window = window
        self.minimumTextSimilarity = minimumTextSimilarity
        self.textWeight = textWeight
        self.regionWeight = regionWeight
        self.recencyWeight = recencyWeight
        self.neighbourScore = neighbourScore
        self.limit = limit
        self.includesClosed = includesClosed
    }

    /// The ranked possible duplicates of `probe` among `candidates`, each with its numbers explained.
    public func suggestions(for probe: DuplicateProbe, among candidates: [DuplicateCandidate]) -> [DuplicateSuggestion]
    {
        let probeBigrams = CharacterBigrams(probe.text)
        let weightSum = textWeight + regionWeight + recencyWeight
        var found: [(suggestion: DuplicateSuggestion, createdAt: Date)] = []
        for candidate in candidates {
            guard candidate.categoryCode == probe.categoryCode,
                includesClosed || candidate.status.isOpen,
                let proximity = RegionProximity.between(probe.regionPath, candidate.regionPath)
            else { continue }
            // A candidate stamped slightly after intake (clock skew between processes) counts as brand new.
            let age = max(0, probe.at.timeIntervalSince(candidate.createdAt))
            guard age <= window else { continue }
            let text = probeBigrams.jaccard(CharacterBigrams(candidate.text))
            guard text.similarity >= minimumTextSimilarity, text.shared > 0 else { continue }
            let regionScore = proximity == .same ? 1 : neighbourScore
            let recencyScore = window > 0 ? 1 - age / window : 1
            let weighted = textWeight * text.similarity + regionWeight * regionScore + recencyWeight * recencyScore
            let score = weightSum > 0 ? weighted / weightSum : 0
            let explanation = [
                "same category \(probe.categoryCode)",
                "text similarity \(Self.decimal(text.similarity)) = \(text.shared) shared character pairs "
                    + "of \(text.union) distinct pairs in either text",
                "region \(Self.describe(proximity)) → \(Self.decimal(regionScore))",
                "created \(Self.decimal(age / 3600)) h before intake, window \(Self.decimal(window / 3600)) h "
                    + "→ recency \(Self.decimal(recencyScore))",
                "score \(Self.decimal(score)) = (\(Self.decimal(textWeight)) × \(Self.decimal(text.similarity)) + "
                    + "\(Self.decimal(regionWeight)) × \(Self.decimal(regionScore)) + "
                    + "\(Self.decimal(recencyWeight)) × \(Self.decimal(recencyScore))) ÷ \(Self.decimal(weightSum))",
            ]
            let suggestion = DuplicateSuggestion(
                caseID: candidate.caseID, number: candidate.number, score: score, textSimilarity: text.similarity,
                sharedBigrams: text.shared, unionBigrams: text.union, proximity: proximity, regionScore: regionScore,
                ageHours: age / 3600, recencyScore: recencyScore, explanation: explanation)
            found.append((suggestion, candidate.createdAt))
        }
        found.sort { lhs, rhs in
            if lhs.suggestion.score != rhs.suggestion.score { return lhs.suggestion.score > rhs.suggestion.score }
            if lhs.suggestion.textSimilarity != rhs.suggestion.textSimilarity {
                return lhs.suggestion.textSimilarity > rhs.suggestion.textSimilarity
            }
            if lhs.createdAt != rhs.createdAt { return lhs.createdAt > rhs.createdAt }
            return lhs.suggestion.number < rhs.suggestion.number
        }
        return found.prefix(max(0, limit)).map(\.suggestion)
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.2f", value)
    }

    private static func describe(_ proximity: RegionProximity) -> String {
        switch proximity {
        case .same: "is the same"
        case .sameParent: "shares its parent (neighbouring)"
        case .parentChild: "is the parent or a child (neighbouring)"
        }
    }
}
