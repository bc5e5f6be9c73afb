import Foundation

/// One non-blank line (or table cell) of a list document, as written and folded, with aligned characters so that
/// what the parser finds in the folded text can be cut from the text as written.
struct ListSourceLine: Sendable, Equatable {
    /// The 1-based line number in the document.
    let number: Int
    /// The characters as written, trimmed.
    let written: [Character]
    /// The folded characters (`ListText.fold`), one for each written character.
    let folded: [Character]

    /// Creates a line from its text as written.
    init(number: Int, text: String) {
        self.number = number
        let trimmed = ListText.trim(text)
        written = Array(trimmed)
        folded = written.map(ListText.fold)
    }

    /// The folded text.
    var text: String { String(folded) }

    /// The folded text without white space.
    var compact: String { String(folded.filter { !ListText.isSpace($0) }) }

    /// The written text between two folded offsets, trimmed.
    func written(from start: Int, to end: Int? = nil) -> String {
        let upper = min(end ?? written.count, written.count)
        guard start < upper else { return "" }
        return ListText.trim(String(written[start..<upper]))
    }

    /// The cells of a line with tab-separated columns (a table pasted from Word), or nil without tabs.
    func tabCells() -> [ListSourceLine]? {
        guard written.contains("\t") else { return nil }
        let cells = String(written).split(separator: "\t").map { ListSourceLine(number: number, text: String($0)) }
        let nonEmpty = cells.filter { !$0.written.isEmpty }
        return nonEmpty.count > 1 ? nonEmpty : nil
    }
}
