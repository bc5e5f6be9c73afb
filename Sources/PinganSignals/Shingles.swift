/// Hashed character n-grams of a post's content scalars (issue 5, §2): unigrams, bigrams and trigrams of the
/// letters, digits and ideographs, the standard way to index Chinese without word segmentation (Lucene's
/// CJKBigramFilter). An n-gram of up to three scalars packs exactly into 63 bits (21 bits per scalar); the packed
/// key is then mixed with MurmurHash3's 64-bit finaliser, so distinct n-grams collide only through the mixer.
public enum Shingles {
    /// MurmurHash3 `fmix64` (Appleby): a bijective 64-bit mixer.
    @inline(__always) public static func mix(_ key: UInt64) -> UInt64 {
        var h = key
        h ^= h >> 33
        h &*= 0xff51_afd7_ed55_8ccd
        h ^= h >> 33
        h &*= 0xc4ce_b9fe_1a85_ec53
        h ^= h >> 33
        return h
    }

    /// Hash of the unigram `a` (tagged so that it differs from every bigram and trigram).
    @inline(__always) public static func unigram(_ a: UInt32) -> UInt64 {
        mix(UInt64(a) | (1 << 63))
    }

    /// Hash of the bigram `a b`.
    @inline(__always) public static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 {
        mix((UInt64(a) << 21 | UInt64(b)) | (1 << 62))
    }

    /// Hash of the trigram `a b c`.
    @inline(__always) public static func trigram(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        mix(UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c))
    }

    /// The 64-bit hashes of the character trigrams of `content`; a content shorter than three scalars gives one
    /// shingle of the whole content, an empty content none.
    public static func trigrams(_ content: [UInt32]) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: trigramCount(content.count)) { out, initialized in
            trigrams(content, into: out)
            initialized = out.count
        }
    }

    /// The number of shingles `trigrams` gives for a content of `count` scalars.
    static func trigramCount(_ count: Int) -> Int { count >= 3 ? count - 2 : min(count, 1) }

    /// Writes the shingles of `content` to `out`, which holds `trigramCount(content.count)` values.
    static func trigrams(_ content: [UInt32], into out: UnsafeMutableBufferPointer<UInt64>) {
        switch content.count {
        case 0: return
        case 1: out[0] = unigram(content[0])
        case 2: out[0] = bigram(content[0], content[1])
        default:
            content.withUnsafeBufferPointer { content in
                for index in 0..<(content.count - 2) {
                    out[index] = trigram(content[index], content[index + 1], content[index + 2])
                }
            }
        }
    }

    /// Hash of the whole content (FNV-1a over the scalars, then mixed): the exact-duplicate key.
    public static func contentHash(_ content: [UInt32]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in content {
            h = (h ^ UInt64(value)) &* 0x0000_0100_0000_01b3
        }
        return mix(h ^ UInt64(content.count))
    }

    /// Exact Jaccard similarity of the trigram sets of two contents (the ground truth for MinHash).
    public static func jaccard(_ a: [UInt32], _ b: [UInt32]) -> Double {
        let setA = Set(trigrams(a))
        let setB = Set(trigrams(b))
        if setA.isEmpty && setB.isEmpty { return 1 }
        let intersection = setA.intersection(setB).count
        return Double(intersection) / Double(setA.count + setB.count - intersection)
    }
}
