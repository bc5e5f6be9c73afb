import Foundation

extension ListDocumentBuilder {
    /// Reads a line of a negative list (负面清单): numbered entries with their deduction, and the definition
    /// paragraphs after them — which may be numbered afresh ("1.……的人口基数为……") without being entries.
    mutating func negative(_ line: ListSourceLine, numbering: ListNumbering?) {
        let current = drafts.count - 1
        let hasAmount = Self.hasDeductionAmount(line.text)
        let last = drafts[current].entries.indices.last
        if let numbering {
            let body = line.written(from: numbering.length)
            if let last, !hasAmount, let ordinal = drafts[current].entries[last].ordinal,
                numbering.ordinal != ordinal + 1
            {
                drafts[current].entries[last].notes.append(body)
            } else {
                drafts[current].entries.append(
                    ListDraft.Entry(code: numbering.code, ordinal: numbering.ordinal, text: body, line: line.number))
            }
            return
        }
        let written = line.written(from: 0)
        guard let last else {
            ListText.append(written, to: &drafts[current].negativeIntroduction)
            return
        }
        // Only scalars are read here, so that the appends below grow the texts in place.
        let openBrackets = drafts[current].entries[last].openBrackets
        let noteCount = drafts[current].entries[last].notes.count
        let entryCut = !(drafts[current].entries[last].text.last.map(ListText.endsSentence) ?? true)
        let entryHasAmount = drafts[current].entries[last].hasAmount
        let noteEnd = drafts[current].entries[last].notes.last?.last
        if openBrackets > 0 || (noteCount == 0 && !entryHasAmount && entryCut) {
            // The entry itself was cut by a page break.
            drafts[current].entries[last].append(written)
        } else if let noteEnd, !hasAmount, !ListText.endsSentence(noteEnd) {
            ListText.append(written, to: &drafts[current].entries[last].notes[noteCount - 1])
        } else if hasAmount, line.text.contains("(") {
            drafts[current].entries.append(ListDraft.Entry(code: "", ordinal: nil, text: written, line: line.number))
        } else {
            drafts[current].entries[last].notes.append(written)
        }
    }

    /// Whether folded text writes a deduction amount: "-30分", "扣 5 分", "减2分".
    static func hasDeductionAmount(_ text: String) -> Bool {
        let chars = Array(ListText.compact(text))
        for (index, character) in chars.enumerated() where "-扣减".contains(character) {
            var cursor = index + 1
            let start = cursor
            while cursor < chars.count, chars[cursor].isASCII, chars[cursor].isNumber || chars[cursor] == "." {
                cursor += 1
            }
            if cursor > start, cursor < chars.count, chars[cursor] == "分" { return true }
        }
        return false
    }
}
