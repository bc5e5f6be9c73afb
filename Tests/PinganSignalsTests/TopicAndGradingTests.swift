import Foundation
import PinganSignals
import Testing

@Suite("Topics, stories and four-colour grading")
struct TopicAndGradingTests {
    private func post(_ id: String, _ text: String, day: Int, hour: Int = 8, region: String = "r1") -> Post {
        Post(id: id, text: text, time: Int64(day * 86_400 + hour * 3600), source: "weibo", region: region)
    }

    @Test("posts about the same event join one topic, other events start their own")
    func clustering() {
        var engine = SignalsEngine()
        let a = engine.process(post("1", "滨江区化工厂爆炸，现场浓烟滚滚，消防已经赶到", day: 20_000))
        let b = engine.process(post("2", "滨江区化工厂发生爆炸，浓烟很大，附近居民很担心", day: 20_000, hour: 9))
        let c = engine.process(post("3", "人民路街道停水两天，水管爆管没人修", day: 20_000, hour: 10))
        #expect(a.topic == b.topic)
        #expect(a.topic != c.topic)
        #expect(a.domain == "production_safety")
        #expect(c.domain == "utilities")
    }

    @Test("the engine's one scan for subjects, domains and the sentiment lexicon agrees with each stage alone")
    func sharedScan() throws {
        var generator = SyntheticCorpus(seed: 9)
        let subjects = try generator.subjects(count: 200).map {
            try SubjectExpression(name: $0.name, source: $0.expression)
        }
        var configuration = SignalsEngine.Configuration()
        configuration.subjects = subjects
        var engine = SignalsEngine(configuration: configuration)
        let matcher = SubjectMatcher(subjects: subjects)
        let analyzer = SentimentAnalyzer(normalizer: engine.normalizer)
        let texts =
            generator.stream(count: 300, length: 80).map(\.text) + [
                "不满意，很不满意！！！", "非常好，非常不好", "不危险", "工资拖欠半年，讨薪无门，投诉无门", "",
            ]
        for (index, text) in texts.enumerated() {
            let annotation = engine.process(post("\(index)", text, day: 20_000))
            let normalized = engine.normalizer.normalize(text)
            #expect(annotation.sentiment == analyzer.analyze(normalized))
            #expect(annotation.subjects == matcher.match(normalized.content).map { subjects[$0].name })
        }
    }

    @Test("a topic counts the posts per matched subject, whatever the order of the list")
    func subjectCounts() throws {
        var clusterer = TopicClusterer()
        let neutral = Sentiment(label: .neutral, score: 0, lexiconSum: 0, modelLogOdds: 0)
        let first = post("1", "滨江区化工厂爆炸，现场浓烟滚滚", day: 20_000)
        let text = Normalizer().normalize(first.text)
        let id = clusterer.assign(post: first, text: text, sentiment: neutral, domain: nil, subjects: [5, 2, 5])
        #expect(clusterer.topic(id)?.subjects == [2: 1, 5: 2])
        clusterer.addDuplicate(to: id, post: first, text: text, sentiment: neutral, domain: nil, subjects: [2, 7])
        clusterer.addDuplicate(to: id, post: first, text: text, sentiment: neutral, domain: nil, subjects: [9, 1, 7])
        #expect(clusterer.topic(id)?.subjects == [1: 1, 2: 2, 5: 2, 7: 2, 9: 1])
    }

    @Test("a story keeps one identity across days through daily topics")
    func storyLinking() {
        var engine = SignalsEngine()
        let first = engine.process(post("1", "滨江区化工厂爆炸，现场浓烟滚滚，消防已经赶到", day: 20_000))
        let next = engine.process(post("2", "滨江区化工厂爆炸事故后续：浓烟已散，消防仍在现场", day: 20_001))
        #expect(first.topic != next.topic)
        #expect(first.story == next.story)
    }

    @Test("duplicates are counted into their original's topic, never dropped")
    func duplicatesCount() throws {
        var engine = SignalsEngine()
        let text = "滨江区化工厂爆炸，现场浓烟滚滚，消防已经赶到，附近居民很担心"
        let original = engine.process(post("1", text, day: 20_000))
        for index in 2...5 { _ = engine.process(post("\(index)", "转发 " + text + "！！", day: 20_000, hour: 9)) }
        let report = try #require(engine.stories().first { $0.storyID == original.story })
        let topic = try #require(report.topics.first)
        #expect(topic.count == 5)
        #expect(topic.duplicates == 4)
    }

    @Test("a surge of negative posts in a severe domain is graded with its reasons")
    func grading() throws {
        var engine = SignalsEngine()
        var generator = SyntheticCorpus(seed: 5)
        for day in 19_990..<19_997 { _ = engine.process(post("q\(day)", generator.chatterText(), day: day)) }
        let base = "东城区工业园化工厂发生爆炸，有人受伤被送往医院，大家都很愤怒"
        for index in 0..<120 {
            _ = engine.process(
                post(
                    "x\(index)", base + generator.edit("", .punctuationEmoji) + "\(index)", day: 19_997,
                    hour: index % 20, region: "r\(index % 4)"))
        }
        let report = try #require(
            engine.stories().max { $0.topics.reduce(0) { $0 + $1.count } < $1.topics.reduce(0) { $0 + $1.count } })
        #expect(report.grade.colour >= .yellow)
        #expect(report.grade.explanation.contains { $0.hasPrefix("volume 120") })
        #expect(report.grade.explanation.contains { $0.hasPrefix("aberration 1") })
    }

    @Test("domain, region and subject counters get their own aberration check")
    func counterAberrations() throws {
        var configuration = SignalsEngine.Configuration()
        configuration.subjects = [try SubjectExpression(name: "fire", source: "火灾 OR 起火")]
        var engine = SignalsEngine(configuration: configuration)
        var generator = SyntheticCorpus(seed: 4)
        for day in 19_980..<19_991 {
            let count = day == 19_990 ? 30 : 1 + day % 2
            for index in 0..<count {
                _ = engine.process(post("\(day)-\(index)", "西湖区仓库起火 " + generator.chatterText(length: 20), day: day))
            }
        }
        let results = engine.counterAberrations(try EARS(method: .c2, minSigma: 1))
        let domain = try #require(results.first { $0.kind == "domain" && $0.name == "fire" })
        #expect(domain.point.count == 30)
        #expect(domain.point.alarm == true)
        #expect(results.contains { $0.kind == "subject" && $0.name == "fire" && $0.point.alarm == true })
        #expect(results.contains { $0.kind == "region" && $0.name == "r1" && $0.point.alarm == true })
    }

    @Test("a level falls only after the quiet period")
    func hysteresis() {
        var grader = ColourGrader()
        let loud = ColourGrader.Metrics(values: [.volume: 40, .negativeShare: 0.8, .growth: 5, .regions: 3])
        let quiet = ColourGrader.Metrics(values: [.volume: 1])
        #expect(grader.grade(storyID: 1, metrics: loud, day: 0).colour == .yellow)
        #expect(grader.grade(storyID: 1, metrics: quiet, day: 1).colour == .yellow)
        #expect(grader.grade(storyID: 1, metrics: quiet, day: 2).colour == .yellow)
        #expect(grader.grade(storyID: 1, metrics: quiet, day: 3).colour == .none)
        #expect(grader.grade(storyID: 1, metrics: loud, day: 4).colour == .yellow)
    }

    @Test("grading rules are data: they decode from JSON and bad rules are rejected")
    func rulesAsData() throws {
        let json =
            #"{"quietDays":1,"levels":[{"colour":"red","minimumMatched":1,"conditions":[{"metric":"volume","atLeast":5}]}]}"#
        let rules = try GradingRules.decode(Data(json.utf8))
        #expect(ColourGrader(rules: rules).evaluate(.init(values: [.volume: 6])).colour == .red)
        #expect(throws: SignalsError.self) {
            try GradingRules.decode(
                Data(#"{"quietDays":1,"levels":[{"colour":"none","minimumMatched":1,"conditions":[]}]}"#.utf8))
        }
    }

    @Test("topics age out of the window so memory stays bounded")
    func ageing() {
        var engine = SignalsEngine()
        var generator = SyntheticCorpus(seed: 9)
        for day in 0..<30 {
            for index in 0..<20 {
                _ = engine.process(post("\(day)-\(index)", generator.storyText(), day: 20_000 + day))
            }
        }
        #expect(engine.topicsHeld <= 20 * 8)
    }
}
