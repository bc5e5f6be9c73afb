import PinganSignals
import Testing

@Suite("Sentiment")
struct SentimentTests {
    let normalizer = Normalizer()
    let analyzer = SentimentAnalyzer()
    let lexicon = SentimentAnalyzer(mode: .lexicon)

    private func label(_ text: String, _ analyzer: SentimentAnalyzer) -> Sentiment.Label {
        analyzer.analyze(normalizer.normalize(text)).label
    }

    @Test("complaint vocabulary is negative")
    func complaints() {
        for text in ["老板拖欠工资半年，讨薪无门", "小区停水三天了", "化工厂爆炸", "食堂多人中毒"] {
            #expect(label(text, analyzer) == .negative, "\(text)")
            #expect(label(text, lexicon) == .negative, "\(text)")
        }
    }

    @Test("negation flips within its scope and not across a clause break")
    func negation() {
        let positive = lexicon.analyze(normalizer.normalize("服务很满意")).lexiconSum
        let negated = lexicon.analyze(normalizer.normalize("服务不满意")).lexiconSum
        let distant = lexicon.analyze(normalizer.normalize("不，服务满意")).lexiconSum
        #expect(positive > 0)
        #expect(negated < 0)
        #expect(distant > 0)
    }

    @Test("degree adverbs intensify")
    func degree() {
        let plain = lexicon.analyze(normalizer.normalize("很失望")).lexiconSum
        let strong = lexicon.analyze(normalizer.normalize("极其失望")).lexiconSum
        let weak = lexicon.analyze(normalizer.normalize("有点失望")).lexiconSum
        #expect(strong < plain && plain < weak && weak < 0)
    }

    @Test("praise is positive and plain statements are neutral by the lexicon")
    func positiveAndNeutral() {
        #expect(label("工作人员非常耐心，问题很快解决了，感谢", analyzer) == .positive)
        #expect(label("明天上午九点开会", lexicon) == .neutral)
    }

    @Test("the shipped Naive Bayes model is loaded and leans the right way")
    func model() {
        #expect(NaiveBayesModel.standard.featureCount > 1000)
        let model = SentimentAnalyzer(mode: .model)
        #expect(model.analyze(normalizer.normalize("质量太差了，非常失望，不会再买")).modelLogOdds < 0)
        #expect(model.analyze(normalizer.normalize("很好，非常满意，值得推荐")).modelLogOdds > 0)
    }

    @Test("empty and emoji-only texts are neutral")
    func empty() {
        #expect(label("", analyzer) == .neutral)
        #expect(label("😀😀", analyzer) == .neutral)
    }
}
