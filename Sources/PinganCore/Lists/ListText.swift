import Foundation

/// Character-level helpers for text pasted from Word or PDF: width folding, joining lines broken by page breaks.
enum ListText {
    /// Folds one character to its plain form, one character for one so that offsets stay aligned: full-width ASCII
    /// to half-width, ideographic and no-break spaces to a space, minus signs and dashes to "-", the replacement
    /// character to "?".
    static func fold(_ character: Character) -> Character {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return character }
        switch scalar.value {
        case 0xFF01...0xFF5E:
            return Character(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x09:
            return " "
        case 0x2212, 0x2013, 0x2014, 0xFE63, 0x2010, 0x2011:
            return "-"
        case 0xFFFD:
            return "?"
        case 0xFE59: return "("
        case 0xFE5A: return ")"
        case 0x2265: return "≥"
        default:
            return character
        }
    }

    /// The folded form of a whole string.
    static func fold(_ text: String) -> String {
        String(text.map(fold))
    }

    /// Whether the character is white space (including the ideographic space).
    static func isSpace(_ character: Character) -> Bool {
        character.isWhitespace || character == "\u{3000}" || character == "\u{FEFF}"
    }

    /// The string without leading and trailing white space.
    static func trim(_ text: some StringProtocol) -> String {
        var chars = Substring(text)
        while let first = chars.first, isSpace(first) { chars.removeFirst() }
        while let last = chars.last, isSpace(last) { chars.removeLast() }
        return String(chars)
    }

    /// The string with all white space removed.
    static func compact(_ text: String) -> String {
        String(text.filter { !isSpace($0) })
    }

    /// Whether a line ending in this character ends a sentence, so the next line starts a new paragraph.
    static func endsSentence(_ character: Character) -> Bool {
        "。！？；!?;：:".contains(character)
    }

    /// Appends `next` to `text` in place: on a new line when `text` ends a sentence or `next` starts with a number,
    /// directly when a page break cut a sentence in two (with a space only between two Latin letters or digits).
    static func append(_ next: String, to text: inout String, startsNumbered: Bool = false) {
        guard let first = next.first else { return }
        guard let last = text.last else {
            text = next
            return
        }
        if endsSentence(last) || startsNumbered {
            text.append("\n")
        } else if last.isASCII, first.isASCII, last.isLetter || last.isNumber, first.isLetter || first.isNumber {
            text.append(" ")
        }
        text.append(next)
    }

    /// Parses a decimal written with ASCII digits and an optional point ("20", "0.5").
    static func decimal(_ text: some StringProtocol) -> Decimal? {
        let plain = String(text)
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
            plain.first != ".", plain.last != ".", plain.filter({ $0 == "." }).count <= 1
        else { return nil }
        return Decimal(string: plain, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The value of a Chinese numeral from 1 to 99 (一, 十二, 二十一), or of ASCII digits.
    static func chineseNumber(_ text: some StringProtocol) -> Int? {
        let digits: [Character: Int] = [
            "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "〇": 0, "零": 0,
        ]
        let chars = Array(text)
        guard !chars.isEmpty, chars.count <= 3 else { return nil }
        if chars.allSatisfy({ $0.isASCII && $0.isNumber }) { return Int(String(chars)) }
        if let index = chars.firstIndex(of: "十") {
            let tens = index == 0 ? 1 : (index == 1 ? digits[chars[0]] : nil)
            let rest = chars[(index + 1)...]
            guard let tens, rest.count <= 1 else { return nil }
            let ones = rest.first.map { digits[$0] } ?? 0
            guard let ones else { return nil }
            return tens * 10 + ones
        }
        guard chars.count == 1, let value = digits[chars[0]], value > 0 else { return nil }
        return value
    }
}
