import Foundation

/// Locality-sensitive hashing bands × rows for MinHash (Leskovec, Rajaraman & Ullman, *Mining of Massive Datasets*
/// §3.4): a pair with Jaccard s becomes a candidate with probability P(s) = 1 − (1 − sʳ)ᵇ. Candidates are then
/// verified with the signature estimate, so the bands are chosen for recall at the threshold t: the largest r
/// (most selective bands) for which some b with b·r ≤ 128 reaches P(t) ≥ `targetRecall`, with the smallest such b.
/// For t = 0.7 and the default 0.98 target this gives b = 22, r = 5 (P(0.7) = 0.983, P(0.5) = 0.503,
/// P(0.3) = 0.052);
/// docs/SIGNALS.md tabulates the S-curve.
public struct LSHParameters: Sendable, Equatable {
    /// Number of bands b.
    public var bands: Int
    /// Rows per band r.
    public var rows: Int

    /// Creates explicit parameters.
    public init(bands: Int, rows: Int) {
        self.bands = bands
        self.rows = rows
    }

    /// The parameters for a Jaccard `threshold` (see the type's documentation).
    public static func forThreshold(
        _ threshold: Double, permutations: Int = MinHasher.permutations, targetRecall: Double = 0.98
    ) -> LSHParameters {
        var best = LSHParameters(bands: permutations, rows: 1)
        for rows in 1...permutations {
            let maxBands = permutations / rows
            guard maxBands >= 1 else { break }
            guard
                let bands = (1...maxBands).first(where: {
                    LSHParameters(bands: $0, rows: rows).candidateProbability(threshold) >= targetRecall
                })
            else { continue }
            best = LSHParameters(bands: bands, rows: rows)
        }
        return best
    }

    /// P(s) = 1 − (1 − sʳ)ᵇ.
    public func candidateProbability(_ similarity: Double) -> Double {
        1 - pow(1 - pow(similarity, Double(rows)), Double(bands))
    }
}
