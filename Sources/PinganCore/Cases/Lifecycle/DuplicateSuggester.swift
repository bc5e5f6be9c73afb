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
        // Score every candidate first; only the ones returned get their explanation written.
        var found: [Scored] = []
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
            found.append(
                Scored(
                    candidate: candidate, score: score, text: text, proximity: proximity, regionScore: regionScore,
                    age: age, recencyScore: recencyScore))
        }
        found.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.text.similarity != rhs.text.similarity { return lhs.text.similarity > rhs.text.similarity }
            if lhs.candidate.createdAt != rhs.candidate.createdAt {
                return lhs.candidate.createdAt > rhs.candidate.createdAt
            }
            return lhs.candidate.number < rhs.candidate.number
        }
        return found.prefix(max(0, limit)).map { explained($0, probe: probe, weightSum: weightSum) }
    }

    /// A candidate that passed every test, with its numbers.
    private struct Scored {
        var candidate: DuplicateCandidate
        var score: Double
        var text: (similarity: Double, shared: Int, union: Int)
        var proximity: RegionProximity
        var regionScore: Double
        var age: TimeInterval
        var recencyScore: Double
    }

    private func explained(_ scored: Scored, probe: DuplicateProbe, weightSum: Double) -> DuplicateSuggestion {
        let (text, age) = (scored.text, scored.age)
        let explanation = [
            "same category \(probe.categoryCode)",
            "text similarity \(Self.decimal(text.similarity)) = \(text.shared) shared character pairs "
                + "of \(text.union) distinct pairs in either text",
            "region \(Self.describe(scored.proximity)) → \(Self.decimal(scored.regionScore))",
            "created \(Self.decimal(age / 3600)) h before intake, window \(Self.decimal(window / 3600)) h "
                + "→ recency \(Self.decimal(scored.recencyScore))",
            "score \(Self.decimal(scored.score)) = (\(Self.decimal(textWeight)) × \(Self.decimal(text.similarity)) + "
                + "\(Self.decimal(regionWeight)) × \(Self.decimal(scored.regionScore)) + "
                + "\(Self.decimal(recencyWeight)) × \(Self.decimal(scored.recencyScore))) ÷ \(Self.decimal(weightSum))",
        ]
        return DuplicateSuggestion(
            caseID: scored.candidate.caseID, number: scored.candidate.number, score: scored.score,
            textSimilarity: text.similarity, sharedBigrams: text.shared, unionBigrams: text.union,
            proximity: scored.proximity, regionScore: scored.regionScore, ageHours: age / 3600,
            recencyScore: scored.recencyScore, explanation: explanation)
    }

    /// `value` with two decimals, exactly as `%.2f` writes it (`String(format:)` is slow on Linux and this runs 50
    /// times per intake): the product with 100 is split into its rounded part and the exact rounding error (`fma`),
    /// so halfway cases round as the exact binary value does, ties to even.
    static func decimal(_ value: Double) -> String {
        guard value.isFinite, abs(value) < 1e13 else { return String(format: "%.2f", value) }
        let magnitude = abs(value)
        let product = magnitude * 100
        let residual = fma(magnitude, 100, -product)
        let whole = product.rounded(.down)
        let part = product - whole
        var hundredths = Int64(whole)
        if part > 0.5 || (part == 0.5 && (residual > 0 || (residual == 0 && hundredths % 2 == 1))) {
            hundredths += 1
        }
        let sign = value.sign == .minus ? "-" : ""
        let fraction = hundredths % 100
        return "\(sign)\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func describe(_ proximity: RegionProximity) -> String {
        switch proximity {
        case .same: "is the same"
        case .sameParent: "shares its parent (neighbouring)"
        case .parentChild: "is the parent or a child (neighbouring)"
        }
    }
}
