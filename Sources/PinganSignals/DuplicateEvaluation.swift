/// Measures the near-duplicate index against exact trigram Jaccard on generated pairs with known edits (issue 5,
/// §3): bases are stories of `SyntheticCorpus`; each variant carries one `SyntheticCorpus.Edit`. Truth for a
/// variant is exact Jaccard(variant, base) ≥ threshold; a prediction is the original the index merges it into,
/// counted correct when the exact Jaccard with that original reaches the threshold.
public enum DuplicateEvaluation {
    /// The outcome.
    public struct Figures: Sendable {
        /// Pairs evaluated.
        public var pairs: Int
        /// Variants whose exact Jaccard with their base reaches the threshold.
        public var truePairs: Int
        /// Correct merges.
        public var truePositives: Int
        /// True pairs that were merged into an original at or above the threshold.
        public var recalled: Int
        /// Merges into an original below the threshold.
        public var falsePositives: Int
        /// Per edit: (pairs, true pairs, correct merges, false merges).
        public var perEdit: [String: (pairs: Int, truePairs: Int, found: Int, falseMerges: Int)]

        /// TP / (TP + FP).
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }

        /// Recalled / true pairs.
        public var recall: Double { truePairs == 0 ? 1 : Double(recalled) / Double(truePairs) }
    }

    /// Runs the evaluation on `pairs` generated pairs.
    public static func run(pairs: Int, seed: UInt64 = 7, threshold: Double = 0.7, length: Int = 100) -> Figures {
        var generator = SyntheticCorpus(seed: seed)
        let normalizer = Normalizer()
        var index = NearDuplicateIndex(threshold: threshold)
        var bases: [[UInt32]] = []
        for number in 0..<pairs {
            let content = normalizer.normalize(generator.storyText(length: length)).content
            bases.append(content)
            _ = index.insert(id: String(number), content: content, time: 0)
        }
        var figures = Figures(pairs: 0, truePairs: 0, truePositives: 0, recalled: 0, falsePositives: 0, perEdit: [:])
        let edits = SyntheticCorpus.Edit.allCases
        for number in 0..<pairs {
            let edit = edits[number % edits.count]
            let base = Normalizer.string(bases[number])
            var variantGenerator = SyntheticCorpus(seed: seed &+ UInt64(number) &* 7919)
            // Edits apply to a raw-looking text: restore the sentence punctuation the generator expects.
            let raw = variantGenerator.edit(base.isEmpty ? "空" : base + "，", edit, length: length)
            let content = normalizer.normalize(raw).content
            let truth = Shingles.jaccard(content, bases[number]) >= threshold
            var copy = index
            let verdict = copy.insert(id: "v\(number)", content: content, time: 1)
            var stats = figures.perEdit[edit.rawValue] ?? (0, 0, 0, 0)
            stats.pairs += 1
            figures.pairs += 1
            if truth {
                stats.truePairs += 1
                figures.truePairs += 1
            }
            if let original = verdict.originalID, let originalIndex = Int(original) {
                if Shingles.jaccard(content, bases[originalIndex]) >= threshold {
                    figures.truePositives += 1
                    if truth {
                        figures.recalled += 1
                        stats.found += 1
                    }
                } else {
                    figures.falsePositives += 1
                    stats.falseMerges += 1
                }
            }
            figures.perEdit[edit.rawValue] = stats
        }
        return figures
    }
}
