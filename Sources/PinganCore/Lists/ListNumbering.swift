import Foundation

/// The numbering at the start of a heading or paragraph ("一、", "(一)", "1.", "(1)", "①", "1.1", "I-1",
/// "第一章"), with stray characters left by copying ("1.?落实", "1. 完善") skipped.
struct ListNumbering: Sendable, Equatable {
    /// A numbering style; headings of one style are siblings, a new style opens a deeper level.
    enum Style: Sendable, Hashable {
        /// 第一章, 第二部分.
        case chapterWord
        /// 一、 二、.
        case chinese
        /// (一) （二）.
        case chineseParenthesized
        /// 1. 1、 1．.
        case arabic
        /// (1) （2）.
        case arabicParenthesized
        /// 1) 2).
        case arabicHalfParenthesized
        /// ① ②.
        case circled
        /// 1.1, 1.1.2: the depth is the number of parts.
        case dotted(Int)
        /// I-1, II-3: the level is the Roman numeral.
        case roman(Int)
    }

    /// The style.
    let style: Style
    /// The ordinal (3 for "三、", 2 for "II-2").
    let ordinal: Int
    /// The number as shown in codes ("一", "(一)", "1", "(1)", "II-3").
    let code: String
    /// How many folded characters the number and the stray characters after it take.
    let length: Int

    /// Reads the numbering at the start of folded characters, or nil when the text is not numbered.
    static func parse(_ chars: [Character]) -> ListNumbering? {
        guard let first = chars.first else { return nil }
        let found: (Style, Int, String, Int)?
        if first == "第" {
            found = chapterWord(chars)
        } else if first == "(" {
            found = parenthesized(chars)
        } else if first.isASCII, first.isNumber {
            found = arabic(chars)
        } else if let value = circledValue(first) {
            found = (.circled, value, String(first), 1)
        } else if let roman = roman(chars) {
            found = roman
        } else {
            found = chinese(chars)
        }
        guard let (style, ordinal, code, used) = found else { return nil }
        var end = used
        while end < chars.count, isStray(chars[end]) { end += 1 }
        return ListNumbering(style: style, ordinal: ordinal, code: code, length: end)
    }

    /// Characters copying leaves between a number and its title: blanks, "?", a middle dot, a doubled separator.
    private static func isStray(_ character: Character) -> Bool {
        ListText.isSpace(character) || "?·、.,:".contains(character)
    }

    private static func chapterWord(_ chars: [Character]) -> (Style, Int, String, Int)? {
        var end = 1
        while end < chars.count, end <= 4, ListText.chineseNumber(String(chars[1...end])) != nil { end += 1 }
        guard end > 1, let value = ListText.chineseNumber(String(chars[1..<end])) else { return nil }
        for word in ["部分", "章", "篇", "节"] {
            let wordChars = Array(word)
            if chars.count >= end + wordChars.count, Array(chars[end..<(end + wordChars.count)]) == wordChars {
                let used = end + wordChars.count
                return (.chapterWord, value, String(chars[0..<used]), used)
            }
        }
        return nil
    }

    private static func parenthesized(_ chars: [Character]) -> (Style, Int, String, Int)? {
        guard let close = chars.prefix(6).firstIndex(of: ")"), close > 1 else { return nil }
        let inner = String(chars[1..<close])
        guard let value = ListText.chineseNumber(inner) else { return nil }
        let isArabic = inner.allSatisfy { $0.isASCII && $0.isNumber }
        return (isArabic ? .arabicParenthesized : .chineseParenthesized, value, "(\(inner))", close + 1)
    }

    private static func arabic(_ chars: [Character]) -> (Style, Int, String, Int)? {
        var end = 0
        var parts: [Int] = []
        while true {
            let start = end
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
            guard end > start, end - start <= 3, let value = Int(String(chars[start..<end])) else { return nil }
            parts.append(value)
            // "1.1 标题" continues with another number; "1.?标题" and "1.标题" end the numbering.
            if end + 1 < chars.count, chars[end] == ".", chars[end + 1].isASCII, chars[end + 1].isNumber {
                end += 1
                continue
            }
            break
        }
        guard let last = parts.last else { return nil }
        if parts.count > 1 {
            let code = parts.map(String.init).joined(separator: ".")
            return (.dotted(parts.count), last, code, end)
        }
        guard end < chars.count else { return nil }
        switch chars[end] {
        case ".", "、", ",": return (.arabic, last, String(last), end + 1)
        case ")": return (.arabicHalfParenthesized, last, "\(last))", end + 1)
        default: return nil
        }
    }

    private static func chinese(_ chars: [Character]) -> (Style, Int, String, Int)? {
        var end = 0
        while end < chars.count, end < 3, "一二三四五六七八九十".contains(chars[end]) { end += 1 }
        guard end > 0, end < chars.count, "、.,".contains(chars[end]),
            let value = ListText.chineseNumber(String(chars[0..<end]))
        else { return nil }
        return (.chinese, value, String(chars[0..<end]), end + 1)
    }

    private static func roman(_ chars: [Character]) -> (Style, Int, String, Int)? {
        let letters: [Character: Int] = ["Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "Ⅵ": 6]
        var level: Int?
        var end = 0
        if let value = letters[chars[0]] {
            level = value
            end = 1
        } else {
            while end < chars.count, end < 4, "IV".contains(chars[end]) { end += 1 }
            let numerals = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6]
            level = numerals[String(chars[0..<end])]
        }
        guard let level else { return nil }
        var cursor = end
        while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
        guard cursor < chars.count, chars[cursor] == "-" else { return nil }
        cursor += 1
        while cursor < chars.count, chars[cursor] == " " { cursor += 1 }
        let start = cursor
        while cursor < chars.count, chars[cursor].isASCII, chars[cursor].isNumber { cursor += 1 }
        guard cursor > start, let ordinal = Int(String(chars[start..<cursor])) else { return nil }
        let numeral = ["I", "II", "III", "IV", "V", "VI"][level - 1]
        return (.roman(level), ordinal, "\(numeral)-\(ordinal)", cursor)
    }

    private static func circledValue(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
            (0x2460...0x2473).contains(scalar.value)
        else { return nil }
        return Int(scalar.value - 0x2460) + 1
    }
}
