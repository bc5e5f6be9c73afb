import PinganSignals
import Testing

@Suite("Near-duplicates")
struct NearDuplicateTests {
    let normalizer = Normalizer()

    @Test("the LSH bands for a 0.7 threshold catch 98 % of pairs at 0.7 and use at most 128 slots")
    func lshParameters() {
        let parameters = LSHParameters.forThreshold(0.7)
        #expect(parameters == LSHParameters(bands: 22, rows: 5))
        #expect(parameters.bands * parameters.rows <= 128)
        #expect(parameters.candidateProbability(0.7) >= 0.98)
        #expect(parameters.candidateProbability(0.3) < 0.07)
    }

    @Test("the MinHash estimate is within four standard errors of the exact trigram Jaccard")
    func minHashEstimate() {
        let hasher = MinHasher()
        let a = normalizer.normalize("市第一医院发生火灾，现场有多人围观，消防车已经赶到现场").content
        let b = normalizer.normalize("市第一医院发生火灾！现场有多人围观，求扩散").content
        let exact = Shingles.jaccard(a, b)
        let estimate = MinHasher.similarity(
            hasher.signature(of: Shingles.trigrams(a)), hasher.signature(of: Shingles.trigrams(b)))
        #expect(abs(estimate - exact) < 4 * (exact * (1 - exact) / 128).squareRoot() + 0.01)
    }

    @Test("the AVX2 MinHash kernel and the portable Swift loop give identical signatures")
    func minHashKernelMatchesPortableLoop() {
        var vector = MinHasher()
        var portable = MinHasher()
        vector.usesVectorKernel = MinHasher.vectorKernelAvailable
        portable.usesVectorKernel = false
        var state: UInt64 = 42
        for length in [0, 1, 2, 3, 7, 98, 500] {
            var shingles: [UInt64] = []
            for _ in 0..<length {
                state &+= 0x9E37_79B9_7F4A_7C15
                shingles.append(Shingles.mix(state))
            }
            #expect(vector.signature(of: shingles) == portable.signature(of: shingles))
        }
        let content = normalizer.normalize("市第一医院发生火灾，现场有多人围观，消防车已经赶到现场").content
        #expect(vector.signature(of: Shingles.trigrams(content)) == portable.signature(of: Shingles.trigrams(content)))
    }

    @Test("exact and near duplicates are merged into the original with counts, unrelated posts are not")
    func mergesWithCounts() {
        var index = NearDuplicateIndex()
        let base = "滨江区老旧小区燃气管道泄漏，居民反映多次没人管，希望有关部门尽快处理，老人和孩子都很担心"
        #expect(index.insert(id: "1", content: normalizer.normalize(base).content, time: 0) == .original)
        #expect(index.insert(id: "2", content: normalizer.normalize(base + "!!").content, time: 10) == .exact(of: "1"))
        let repost = index.insert(id: "3", content: normalizer.normalize(base + "，求扩散😡").content, time: 20)
        #expect(repost.originalID == "1")
        let other = index.insert(id: "4", content: normalizer.normalize("今天天气不错，周末去公园散步").content, time: 30)
        #expect(other == .original)
        #expect(index.count(of: "1") == 3)
        #expect(index.count(of: "4") == 1)
    }

    @Test("on the generated corpus with known edits, precision and recall against exact Jaccard are high")
    func precisionRecall() {
        let figures = DuplicateEvaluation.run(pairs: 600, seed: 7)
        #expect(figures.precision >= 0.95)
        #expect(figures.recall >= 0.9)
    }

    @Test("SimHash finds a long near-identical text within Hamming distance 3")
    func simHash() {
        var generator = SyntheticCorpus(seed: 3)
        let long = normalizer.normalize(generator.storyText(length: 2000)).content
        var edited = long
        edited[500] = 0x4E00
        var index = SimHash()
        #expect(index.insert(id: "a", fingerprint: SimHash.fingerprint(long)) == nil)
        #expect(index.insert(id: "b", fingerprint: SimHash.fingerprint(edited)) == "a")
    }
}
