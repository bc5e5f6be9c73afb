/// The text normaliser (issue 5, §1). One pass of table lookups over Unicode scalars (`ScalarFoldTable`: NFKC,
/// full-width → half-width, lower case, traditional → simplified), then one pass that extracts URLs, @mentions and
/// hashtags, drops emoji and zero-width characters, collapses whitespace and folds runs of the same punctuation mark
/// to one. Never works on `Character`. Combining sequences are folded scalar by scalar (no recomposition).
public struct Normalizer: Sendable {
    private let pseudonymizer: Pseudonymizer?
    private let single: [UInt32]
    private let multi: [UInt32: [UInt32]]

    /// Creates a normaliser; with a `pseudonymizer`, @mentions are kept as pseudonyms, otherwise only counted.
    public init(pseudonymizer: Pseudonymizer? = nil) {
        self.pseudonymizer = pseudonymizer
        let tables = ScalarFoldTable.tables
        self.single = tables.single
        self.multi = tables.multi
    }

    /// Normalises `text`.
    public func normalize(_ text: String) -> NormalizedText {
        let folded = fold(text)
        return extract(folded)
    }

    /// Stage 1: per-scalar folding, zero-width and control characters dropped.
    func fold(_ text: String) -> [UInt32] {
        // Native strings are valid UTF-8 in contiguous storage: decode the bytes directly into the output.
        if let folded = text.utf8.withContiguousStorageIfAvailable({ foldUTF8($0) }), let folded { return folded }
        return foldScalars(text)
    }

    /// `fold` over valid UTF-8 bytes, into a temporary buffer of at most one scalar per byte, then one array of the
    /// scalars written (`Array(unsafeUninitializedCapacity:)` looked up its storage type at run time per call); nil
    /// when an expansion would not fit (then `foldScalars` does it).
    private func foldUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt32]? {
        let capacity = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: capacity) { out -> [UInt32]? in
            var fits = true
            var written = 0
            var index = 0
            single.withUnsafeBufferPointer { table in
                while index < capacity {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 {
                        index += 1
                        if lead < 0x20 && lead != 0x09 && lead != 0x0A && lead != 0x0D { continue }
                        out[written] = lead
                        written += 1
                        continue
                    }
                    let value: UInt32
                    if lead < 0xE0 {
                        value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                        index += 2
                    } else if lead < 0xF0 {
                        value =
                            (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                        index += 3
                    } else {
                        value =
                            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                            | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                        index += 4
                    }
                    guard value < 0x10000 else {
                        out[written] = value
                        written += 1
                        continue
                    }
                    let mapped = table[Int(value)]
                    if mapped == ScalarFoldTable.unchanged {
                        out[written] = value
                        written += 1
                    } else if mapped == ScalarFoldTable.dropped {
                        continue
                    } else if mapped == ScalarFoldTable.expands {
                        let expansion = multi[value] ?? [value]
                        guard written + expansion.count <= capacity else {
                            fits = false
                            break
                        }
                        for scalar in expansion {
                            out[written] = scalar
                            written += 1
                        }
                    } else {
                        out[written] = mapped
                        written += 1
                    }
                }
            }
            return fits ? Array(UnsafeBufferPointer(rebasing: out[..<written])) : nil
        }
    }

    /// `fold` scalar by scalar (any string).
    private func foldScalars(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(text.utf8.count)
        single.withUnsafeBufferPointer { table in
            for scalar in text.unicodeScalars {
                let value = scalar.value
                if value < 0x80 {
                    if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D { continue }
                    out.append(value)
                    continue
                }
                if value < 0x10000 {
                    let mapped = table[Int(value)]
                    if mapped == ScalarFoldTable.unchanged {
                        out.append(value)
                    } else if mapped == ScalarFoldTable.dropped {
                        continue
                    } else if mapped == ScalarFoldTable.expands {
                        out.append(contentsOf: multi[value] ?? [value])
                    } else {
                        out.append(mapped)
                    }
                } else {
                    out.append(value)
                }
            }
        }
        return out
    }

    /// Stage 2: field extraction and folding of whitespace, emoji and punctuation.
    func extract(_ scalars: [UInt32]) -> NormalizedText {
        scalars.withUnsafeBufferPointer { extract($0) }
    }

    /// The output of `extract` as it is written: the text as UTF-8, the content scalars and the clause breaks.
    /// Each scalar is emitted at most once, with at most one space before it, so 5 text bytes and one content value
    /// per input scalar suffice.
    private struct Output {
        let text: UnsafeMutablePointer<UInt8>
        var textCount = 0
        let content: UnsafeMutablePointer<UInt32>
        var contentCount = 0
        var clauseBreaks: [Int32] = []
        var lastEmitted: UInt32?
        var pendingSpace = false

        init(scalars: Int) {
            // One allocation for the breaks of a typical post instead of growing one by one.
            clauseBreaks.reserveCapacity(scalars / 8 + 4)
            text = UnsafeMutablePointer<UInt8>.allocate(capacity: scalars * 5 + 8)
            content = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, scalars))
        }

        func deallocate() {
            text.deallocate()
            content.deallocate()
        }

        @inline(__always) mutating func clauseBreak() {
            let position = Int32(contentCount)
            if position > 0, clauseBreaks.last != position { clauseBreaks.append(position) }
        }

        /// Writes `value` to the text (the same bytes `string(_:)` would make of it), after a pending space.
        @inline(__always) mutating func emit(_ value: UInt32) {
            if pendingSpace, lastEmitted != nil {
                text[textCount] = 0x20
                textCount += 1
            }
            pendingSpace = false
            lastEmitted = value
            textCount += Normalizer.writeUTF8(value, to: text + textCount)
        }

        /// Writes `value` to the text and the content.
        @inline(__always) mutating func emitContent(_ value: UInt32) {
            emit(value)
            content[contentCount] = value
            contentCount += 1
        }
    }

    private func extract(_ scalars: UnsafeBufferPointer<UInt32>) -> NormalizedText {
        let count = scalars.count
        var out = Output(scalars: count)
        defer { out.deallocate() }
        var urls: [String] = []
        var mentions: [String] = []
        var mentionCount = 0
        var hashtags: [String] = []
        var emojiCount = 0
        var index = 0
        while index < count {
            let value = scalars[index]
            // Common CJK ideographs are none of URL, mention, hashtag, space, emoji or punctuation.
            if value >= 0x4E00 && value <= 0x9FFF {
                out.emitContent(value)
                index += 1
                continue
            }
            if value | 0x20 == 0x68 || value | 0x20 == 0x77, let end = Self.urlEnd(scalars, at: index) {
                urls.append(Self.string(scalars[index..<end]))
                out.clauseBreak()
                out.pendingSpace = true
                index = end
                continue
            }
            if value == 0x40 {  // '@'
                var end = index + 1
                while end < count, end - index <= 30, Self.isNameScalar(scalars[end]) { end += 1 }
                if end > index + 1 {
                    mentionCount += 1
                    out.clauseBreak()
                    if let pseudonymizer {
                        mentions.append(pseudonymizer.pseudonym(of: Self.string(scalars[(index + 1)..<end])))
                    }
                    out.pendingSpace = true
                    index = end
                    continue
                }
            }
            if value == 0x23 {  // '#'
                var end = index + 1
                while end < count, end - index <= 64, scalars[end] != 0x23, !Self.isSpace(scalars[end]) { end += 1 }
                if end < count, scalars[end] == 0x23, end > index + 1 {
                    let inner = scalars[(index + 1)..<end]
                    hashtags.append(Self.string(inner.map(Self.lowerASCII).filter { !Self.isEmoji($0) }))
                    out.pendingSpace = true
                    out.clauseBreak()
                    for scalar in inner where Self.isNameScalar(scalar) { out.emitContent(Self.lowerASCII(scalar)) }
                    out.clauseBreak()
                    out.pendingSpace = true
                    index = end + 1
                    continue
                }
                end = index + 1
                while end < count, end - index <= 64, Self.isNameScalar(scalars[end]) { end += 1 }
                if end > index + 1 {
                    hashtags.append(Self.string(scalars[(index + 1)..<end].map(Self.lowerASCII)))
                    out.pendingSpace = true
                    for scalar in scalars[(index + 1)..<end] { out.emitContent(Self.lowerASCII(scalar)) }
                    out.pendingSpace = true
                    index = end
                    continue
                }
            }
            if Self.isSpace(value) {
                out.pendingSpace = true
            } else if Self.isEmoji(value) {
                if value != 0x200D && !(0xFE00...0xFE0F).contains(value) && !(0x1F3FB...0x1F3FF).contains(value) {
                    emojiCount += 1
                }
            } else if Self.isPunctuation(value) {
                out.clauseBreak()
                if !(out.lastEmitted == value && !out.pendingSpace) { out.emit(value) }
            } else {
                out.emitContent(Self.lowerASCII(value))
            }
            index += 1
        }
        return NormalizedText(
            text: String(decoding: UnsafeBufferPointer(start: out.text, count: out.textCount), as: UTF8.self),
            content: Array(UnsafeBufferPointer(start: out.content, count: out.contentCount)),
            clauseBreaks: out.clauseBreaks, urls: urls, mentions: mentions, mentionCount: mentionCount,
            hashtags: hashtags, emojiCount: emojiCount)
    }

    @inline(__always) static func lowerASCII(_ value: UInt32) -> UInt32 {
        value >= 0x41 && value <= 0x5A ? value | 0x20 : value
    }

    @inline(__always) static func isSpace(_ value: UInt32) -> Bool {
        value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0x3000 || value == 0xA0
            || (0x2000...0x200A).contains(value) || value == 0x2028 || value == 0x2029 || value == 0x202F
    }

    /// Ideographs (CJK unified, extension A, compatibility), ASCII letters and digits, other letters of the BMP.
    @inline(__always) static func isNameScalar(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                || (value >= 0x61 && value <= 0x7A) || value == 0x5F || value == 0x2D
        }
        return isIdeograph(value)
    }

    /// CJK unified ideographs, extension A and B–F, compatibility ideographs.
    @inline(__always) public static func isIdeograph(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
            || (0x20000...0x323AF).contains(value) || (0xF900...0xFAFF).contains(value)
    }

    /// Emoji and their modifiers, variation selectors, ZWJ, regional indicators, dingbats and pictographs.
    @inline(__always) static func isEmoji(_ value: UInt32) -> Bool {
        if value < 0x2190 { return value == 0x200D }
        return (0x1F000...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value)
            || (0xFE00...0xFE0F).contains(value) || (0x2B00...0x2BFF).contains(value)
            || (0xE0020...0xE007F).contains(value) || (0x2300...0x23FF).contains(value)
            || (0x25A0...0x25FF).contains(value) || (0x2190...0x21FF).contains(value)
    }

    /// ASCII punctuation and symbols, general punctuation, CJK symbols and punctuation, CJK compatibility forms.
    @inline(__always) static func isPunctuation(_ value: UInt32) -> Bool {
        if value < 0x80 {
            return (value >= 0x21 && value <= 0x2F) || (value >= 0x3A && value <= 0x40)
                || (value >= 0x5B && value <= 0x60) || (value >= 0x7B && value <= 0x7E)
        }
        return (0x2010...0x206F).contains(value) || (0x3001...0x303F).contains(value)
            || (0xFE30...0xFE6F).contains(value) || (0xFF01...0xFF65).contains(value)
            || (0xA1...0xBF).contains(value) || value == 0xD7 || value == 0xF7
    }

    private static let urlPrefixes: [[UInt32]] = ["https://", "http://", "www."].map { $0.unicodeScalars.map(\.value) }

    private static func urlEnd(_ scalars: UnsafeBufferPointer<UInt32>, at index: Int) -> Int? {
        let first = scalars[index] | 0x20
        guard first == 0x68 || first == 0x77 else { return nil }  // h, w
        for prefix in urlPrefixes where index + prefix.count < scalars.count {
            var matches = true
            for (offset, expected) in prefix.enumerated() where lowerASCII(scalars[index + offset]) != expected {
                matches = false
                break
            }
            guard matches else { continue }
            if index > 0, isNameScalar(scalars[index - 1]), scalars[index - 1] < 0x80 { return nil }
            var end = index + prefix.count
            while end < scalars.count {
                let value = scalars[end]
                guard value > 0x20, value < 0x7F, value != 0x22, value != 0x3C, value != 0x3E else { break }
                end += 1
            }
            // Trailing sentence punctuation is not part of the URL.
            while end > index + prefix.count, [0x2E, 0x2C, 0x29, 0x21, 0x3F, 0x3B, 0x3A].contains(scalars[end - 1]) {
                end -= 1
            }
            return end > index + prefix.count ? end : nil
        }
        return nil
    }

    /// A string of the scalar values (invalid values are skipped).
    public static func string(_ values: some Sequence<UInt32>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(values.underestimatedCount * 3)
        for value in values { appendUTF8(value, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the UTF-8 encoding of the scalar value `value` at `bytes` (nothing for an invalid value) and returns
    /// the number of bytes written (at most 4).
    @inline(__always) static func writeUTF8(_ value: UInt32, to bytes: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case 0..<0x80:
            bytes[0] = UInt8(value)
            return 1
        case 0x80..<0x800:
            bytes[0] = UInt8(0xC0 | value >> 6)
            bytes[1] = UInt8(0x80 | value & 0x3F)
            return 2
        case 0xD800...0xDFFF:
            return 0
        case 0x800..<0x10000:
            bytes[0] = UInt8(0xE0 | value >> 12)
            bytes[1] = UInt8(0x80 | (value >> 6) & 0x3F)
            bytes[2] = UInt8(0x80 | value & 0x3F)
            return 3
        case 0x10000...0x10FFFF:
            bytes[0] = UInt8(0xF0 | value >> 18)
            bytes[1] = UInt8(0x80 | (value >> 12) & 0x3F)
            bytes[2] = UInt8(0x80 | (value >> 6) & 0x3F)
            bytes[3] = UInt8(0x80 | value & 0x3F)
            return 4
        default:
            return 0
        }
    }

    /// Appends the UTF-8 encoding of the scalar value `value` to `bytes` (nothing for an invalid value).
    @inline(__always) static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0xD800...0xDFFF:
            return
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x10000...0x10FFFF:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | (value >> 12) & 0x3F))
            bytes.append(UInt8(0x80 | (value >> 6) & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            return
        }
    }
}
