import Foundation

/// Sentiment of a post (issue 5, §5): the project's lexicon with negation scope and degree adverbs, and a
/// character-bigram Naive Bayes model, combined.
///
/// Lexicon: sentiment words are found with one Aho–Corasick pass (leftmost-longest, so 不满意 wins over 满意);
/// a word's weight is multiplied by the degree adverbs and flipped by an odd number of negators that end at most
/// `scope` scalars before it in the same clause and after the previous sentiment word; a negated negative word
/// counts half, reversed (不危险 is only mildly positive). Combined score = `lexiconWeight`·tanh(L/2) +
/// `modelWeight`·tanh(N/`modelScale`) clamped to [−1, 1] (weights 0.5 and 0.7, band 0.05, chosen on a
/// development split of the training data), L the lexicon sum, N the model log-odds; label negative below
/// −`neutralBand`, positive above it.
public struct SentimentAnalyzer: Sendable {
    /// Which parts contribute (for the evaluation of each alone).
    public enum Mode: String, Sendable, CaseIterable {
        /// Lexicon only.
        case lexicon
        /// Naive Bayes only.
        case model
        /// Both (the default).
        case combined
    }

    enum Kind: Sendable {
        case word(Double)
        case negator
        case degree(Double)
    }

    private let automaton: AhoCorasick
    /// The lexicon's patterns (normalised), in the automaton's id order (for an engine that scans once for all).
    let patterns: [[UInt32]]
    private let kinds: [Kind]
    private let lengths: [Int]
    private let scope: Int
    private let model: NaiveBayesModel
    /// The parts used.
    public var mode: Mode
    /// Weight of the lexicon term.
    public var lexiconWeight = 0.5
    /// Weight of the model term.
    public var modelWeight = 0.7
    /// Log-odds scale of the model term.
    public var modelScale = 6.0
    /// Half-width of the neutral band.
    public var neutralBand = 0.05

    /// Creates an analyser.
    public init(
        lexicon: SentimentLexicon = .standard, model: NaiveBayesModel = .standard, mode: Mode = .combined,
        normalizer: Normalizer = Normalizer()
    ) {
        var patterns: [[UInt32]] = []
        var kinds: [Kind] = []
        func add(_ word: String, _ kind: Kind) {
            let content = normalizer.normalize(word).content
            guard !content.isEmpty else { return }
            patterns.append(content)
            kinds.append(kind)
        }
        for (word, weight) in lexicon.words.sorted(by: { $0.key < $1.key }) { add(word, .word(weight)) }
        for word in lexicon.negators { add(word, .negator) }
        for (word, factor) in lexicon.degrees.sorted(by: { $0.key < $1.key }) { add(word, .degree(factor)) }
        self.automaton = AhoCorasick(patterns: patterns)
        self.patterns = patterns
        self.kinds = kinds
        self.lengths = patterns.map(\.count)
        self.scope = lexicon.scope
        self.model = model
        self.mode = mode
    }

    /// The sentiment of a normalised text.
    public func analyze(_ text: NormalizedText) -> Sentiment {
        var matches = LexiconMatches()
        if mode != .model { automaton.forEachMatch(in: text.content) { collect($0, end: $1, into: &matches) } }
        return analyze(text, lexicon: matches)
    }

    /// The sentiment of a normalised text whose lexicon matches were collected already (by `collect`, in the order
    /// an Aho–Corasick scan of `patterns` reports them).
    func analyze(_ text: NormalizedText, lexicon matches: LexiconMatches) -> Sentiment {
        let lexiconSum = mode == .model ? 0 : lexiconSum(matches, breaks: text.clauseBreaks)
        let logOdds = mode == .lexicon ? 0 : model.logOdds(text.content)
        let score: Double
        switch mode {
        case .lexicon: score = tanh(lexiconSum / 2)
        case .model: score = tanh(logOdds / modelScale)
        case .combined:
            score = max(-1, min(1, lexiconWeight * tanh(lexiconSum / 2) + modelWeight * tanh(logOdds / modelScale)))
        }
        let label: Sentiment.Label = score < -neutralBand ? .negative : (score > neutralBand ? .positive : .neutral)
        return Sentiment(label: label, score: score, lexiconSum: lexiconSum, modelLogOdds: logOdds)
    }

    /// The lexicon words (leftmost-longest) and modifiers found in a text.
    struct LexiconMatches {
        var words: [(start: Int, end: Int, weight: Double)] = []
        var modifiers: [(start: Int, end: Int, kind: Kind)] = []
    }

    /// Records the match of pattern `id` ending at `end` (exclusive); matches must come in scan order.
    @inline(__always) func collect(_ id: Int, end: Int, into matches: inout LexiconMatches) {
        let start = end - lengths[id]
        switch kinds[id] {
        case .word(let weight):
            if matches.words.capacity == 0 { matches.words.reserveCapacity(16) }
            // Leftmost-longest: drop earlier words contained in this one; skip this one if contained.
            while let last = matches.words.last, last.start >= start { matches.words.removeLast() }
            if let last = matches.words.last, last.end > start, last.end - last.start >= end - start { return }
            matches.words.append((start, end, weight))
        case .negator, .degree:
            if matches.modifiers.capacity == 0 { matches.modifiers.reserveCapacity(16) }
            matches.modifiers.append((start, end, kinds[id]))
        }
    }

    /// The lexicon sum L of the collected `matches` with clause `breaks`.
    func lexiconSum(_ matches: LexiconMatches, breaks: [Int32]) -> Double {
        let words = matches.words
        let modifiers = matches.modifiers
        guard !words.isEmpty else { return 0 }
        var sum = 0.0
        var previousEnd = 0
        for word in words {
            var negations = 0
            var degree = 1.0
            for modifier in modifiers
            where modifier.end <= word.start && modifier.start >= previousEnd
                && word.start - modifier.end <= scope
                && !Self.hasBreak(breaks, from: modifier.end, through: word.start)
                && !words.contains(where: { $0.start < modifier.end && modifier.start < $0.end })
            {
                switch modifier.kind {
                case .negator: negations += 1
                case .degree(let factor): degree *= factor
                case .word: break
                }
            }
            var weight = word.weight * degree
            if negations % 2 == 1 { weight = word.weight < 0 ? -weight * 0.5 : -weight }
            sum += weight
            previousEnd = word.end
        }
        return sum
    }

    private static func hasBreak(_ breaks: [Int32], from: Int, through: Int) -> Bool {
        for value in breaks where Int(value) >= from && Int(value) <= through { return true }
        return false
    }
}
