import Foundation
import PinganSignals
import Testing

@Suite("Normalisation")
struct NormalizerTests {
    let normalizer = Normalizer(pseudonymizer: Pseudonymizer(key: Array("k".utf8)))

    @Test("full-width, traditional characters and case are folded")
    func folding() {
        let result = normalizer.normalize("ＡＢＣ１２３，東城區醫院發生火災")
        #expect(result.text == "abc123,东城区医院发生火灾")
        #expect(Normalizer.string(result.content) == "abc123东城区医院发生火灾")
    }

    @Test("a scalar whose compatibility form is longer than its UTF-8 (ﷺ: 3 bytes, 18 scalars) folds completely")
    func longExpansion() {
        let expanded = "ﷺ".precomposedStringWithCompatibilityMapping
        #expect(expanded.unicodeScalars.count > 3)
        for text in ["ﷺ", "火灾ﷺ", "ﷺﷺ医院"] {
            let direct = normalizer.normalize(text)
            let viaExpansion = normalizer.normalize(text.replacingOccurrences(of: "ﷺ", with: expanded))
            #expect(direct == viaExpansion)
        }
    }

    @Test("URLs, mentions and hashtags are extracted, mentions only as pseudonyms")
    func extraction() {
        let result = normalizer.normalize("看这里 https://t.cn/AbC123 @某用户 说 #小区停水# 已经两天了 #water")
        #expect(result.urls == ["https://t.cn/AbC123"])
        #expect(result.mentionCount == 1)
        #expect(result.mentions.count == 1 && result.mentions[0].hasPrefix("a_"))
        #expect(!result.text.contains("某用户"))
        #expect(result.hashtags == ["小区停水", "water"])
        #expect(result.text.contains("小区停水"))
    }

    @Test("emoji are removed and runs of the same punctuation fold to one")
    func emojiAndPunctuation() {
        let result = normalizer.normalize("太可怕了😱😱！！！！真的。。。👍🏻")
        #expect(result.text == "太可怕了!真的。")
        #expect(result.emojiCount == 3)
    }

    @Test("adversarial inputs: empty, only emoji, 100 KB of one character, mixed scripts")
    func adversarial() {
        #expect(normalizer.normalize("").text.isEmpty)
        let onlyEmoji = normalizer.normalize("😀😀🔥\u{200D}❤️")
        #expect(onlyEmoji.content.isEmpty)
        let long = normalizer.normalize(String(repeating: "啊", count: 100_000))
        #expect(long.content.count == 100_000)
        let mixed = normalizer.normalize("Привет мир ＡＢＣ αβγ 한국어 カタカナ ｶﾀｶﾅ 中文")
        #expect(mixed.text == "привет мир abc αβγ 한국어 カタカナ カタカナ 中文")
        #expect(normalizer.normalize("a\u{0}b\u{200B}c").text == "abc")
    }
}
