import Testing

@testable import PinganSignals

@Suite("Topic internals: interned names, per-topic counts, vectors, representative text")
struct TopicInternalsTests {
    @Test("names get ids in order of first appearance and keep them")
    func namesInOrder() {
        var table = NameTable()
        #expect(table.intern("weibo") == 0)
        #expect(table.intern("微信") == 1)
        #expect(table.intern("") == 2)
        #expect(table.intern("weibo") == 0)
        #expect(table.intern("微信") == 1)
        #expect(table.id(of: "news") == nil)
        #expect(table.names == ["weibo", "微信", ""])
        #expect(table.dictionary == ["weibo": 0, "微信": 1, "": 2])
    }

    @Test("names whose hashes share a table position are told apart")
    func collidingNames() throws {
        // Two names with the same home position in the initial 16-position table.
        let names = (0..<200).map { "r\($0)" }
        let first = try #require(names.first)
        let home = NameTable.hash(first) & 15
        let other = try #require(names.dropFirst().first { NameTable.hash($0) & 15 == home })
        var table = NameTable()
        #expect(table.intern(first) == 0)
        #expect(table.id(of: other) == nil)
        #expect(table.intern(other) == 1)
        #expect(table.id(of: first) == 0)
        #expect(table.id(of: other) == 1)
    }

    @Test("the name table grows and still finds every name")
    func nameTableGrowth() {
        var table = NameTable()
        let names = (0..<5_000).map { "区域\($0)" }
        for (index, name) in names.enumerated() { #expect(table.intern(name) == Int32(index)) }
        for (index, name) in names.enumerated() { #expect(table.id(of: name) == Int32(index)) }
        #expect(table.count == names.count)
        #expect(table.id(of: "区域5000") == nil)
    }

    @Test("small counts count each id, and admit new ids only below the limit")
    func smallCounts() {
        var counts = SmallCounts()
        for id: Int32 in [3, 1, 3, 3, 2] { counts.add(id, limit: 2) }
        #expect(counts.count == 2)
        #expect(counts[3] == 3)
        #expect(counts[1] == 1)
        #expect(counts[2] == 0)
        #expect(counts.dictionary { "s\($0)" } == ["s3": 3, "s1": 1])
    }

    @Test("a topic reports its posts per source and region by name, and its domain votes")
    func topicNames() throws {
        var clusterer = TopicClusterer()
        let neutral = Sentiment(label: .neutral, score: 0, lexiconSum: 0, modelLogOdds: 0)
        let normalizer = Normalizer()
        let text = normalizer.normalize("滨江区化工厂爆炸，现场浓烟滚滚，消防已经赶到")
        let posts = [("weibo", "r1"), ("news", "r2"), ("weibo", nil), ("weibo", "r1")]
        var ids: Set<Int> = []
        for (index, (source, region)) in posts.enumerated() {
            let post = Post(id: "\(index)", text: "", time: 1_000 + Int64(index), source: source, region: region)
            if index == 0 {
                ids.insert(clusterer.assign(post: post, text: text, sentiment: neutral, domain: 2, subjects: []))
            } else if let id = ids.first {
                clusterer.addDuplicate(to: id, post: post, text: text, sentiment: neutral, domain: index, subjects: [])
            }
        }
        let id = try #require(ids.first)
        let topic = try #require(clusterer.topic(id))
        #expect(topic.sources == ["weibo": 3, "news": 1])
        #expect(topic.regions == ["r1": 2, "r2": 1])
        #expect(topic.domainVotes == [2: 2, 1: 1, 3: 1])
        #expect(topic.domainIndex == 2)
        #expect(clusterer.allTopics.first?.sources == topic.sources)
    }

    @Test("a post's bigrams are counted once each, in order of first appearance, however many repeat")
    func bigramCounts() {
        var state: UInt64 = 7
        for length in [0, 1, 2, 3, 17, 100, 2_000] {
            var content: [UInt32] = []
            for _ in 0..<length {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                // A small alphabet, so that bigrams repeat and table positions collide.
                content.append(0x4E00 + UInt32(state >> 60))
            }
            var expected: [(key: UInt64, count: Int32)] = []
            var seen: [UInt64: Int] = [:]
            for index in content.indices.dropLast() {
                let key = UInt64(content[index]) << 21 | UInt64(content[index + 1])
                if let position = seen[key] {
                    expected[position].count += 1
                } else {
                    seen[key] = expected.count
                    expected.append((key, 1))
                }
            }
            let counts = TopicClusterer.bigramCounts(content)
            #expect(counts.map(\.key) == expected.map(\.key))
            #expect(counts.map(\.count) == expected.map(\.count))
        }
    }

    @Test("a post vector keeps its heaviest terms, ties to the smaller term, in term order")
    func vectorTies() {
        // A fresh clusterer has no document frequencies, so a term's weight is 1 + ln tf: many ties.
        let clusterer = TopicClusterer()
        let text = Normalizer().normalize("甲乙甲乙甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张")
        let counts = TopicClusterer.bigramCounts(text.content)
        let expected = counts.sorted { ($0.count, $1.key) > ($1.count, $0.key) }.prefix(clusterer.vectorTerms)
            .map(\.key).sorted()
        let vector = clusterer.vector(text)
        #expect(counts.count > clusterer.vectorTerms)
        #expect(vector.map(\.term) == expected)
    }

    @Test("a representative text is cut after the same scalars as a walk of the scalar view")
    func representativePrefix() {
        let texts = [
            "", "abc", "滨江区化工厂爆炸", "e\u{301}e\u{301}😀😀ab", String(repeating: "火灾😀a", count: 80),
            String(repeating: "好", count: 140),
        ]
        for text in texts {
            for limit in [0, 1, 2, 5, 139, 140, 141, 400] {
                let view = text.unicodeScalars
                let expected = String(view.prefix(limit))
                #expect(TopicClusterer.prefix(text, scalars: limit) == expected)
                #expect(TopicClusterer.prefix(text, scalars: limit).unicodeScalars.elementsEqual(view.prefix(limit)))
            }
        }
    }

    @Test("the inverted index keeps the most recent postings per term and finds every term after growth")
    func postingTableGrowth() {
        var table = PostingTable()
        for term in 0..<3_000 as Range<UInt64> {
            for id in 0..<Int32(term % 5 + 1) { table.append(id, to: term << 21 | 7, keeping: 3) }
        }
        #expect(table.count == 3_000)
        for term in 0..<3_000 as Range<UInt64> {
            let ids = Int32(term % 5 + 1)
            #expect(table[term << 21 | 7] == Array(max(0, ids - 3)..<ids))
        }
        #expect(table[12_345] == nil)
        table.append(9, to: .max, keeping: 3)
        #expect(table[.max] == [9])
        #expect(table.count == 3_001)
    }

    @Test("removing postings from the inverted index keeps colliding terms reachable")
    func postingTableRemoval() {
        // Many terms in a table that starts small, so that runs of colliding positions form; then remove in an
        // order unrelated to insertion and compare with a dictionary after every step.
        var table = PostingTable(capacity: 16)
        var model: [UInt64: [Int32]] = [:]
        var state: UInt64 = 11
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 20
        }
        let terms = (0..<400).map { _ in next() }
        for (index, term) in terms.enumerated() {
            for id in [Int32(index), Int32(index + 1_000)] {
                table.append(id, to: term, keeping: 16)
                model[term, default: []].append(id)
            }
        }
        for (step, term) in terms.enumerated().sorted(by: { ($0.element % 7, $0.offset) < ($1.element % 7, $1.offset) })
        {
            let id = step % 2 == 0 ? Int32(step) : Int32(step + 1_000)
            table.remove(id, from: term)
            model[term]?.removeAll { $0 == id }
            if model[term]?.isEmpty == true { model[term] = nil }
        }
        for (index, term) in terms.enumerated() {
            table.remove(Int32(index), from: term)
            model[term]?.removeAll { $0 == Int32(index) }
            if model[term]?.isEmpty == true { model[term] = nil }
            if index % 50 == 0 {
                for other in terms { #expect(table[other] == model[other]) }
            }
        }
        #expect(table.count == model.count)
        for term in terms {
            table.remove(Int32(0), from: term)
            for id in model[term] ?? [] { table.remove(id, from: term) }
        }
        #expect(table.count == 0)
        for term in terms { #expect(table[term] == nil) }
    }
}
