import Foundation

/// Reads responsibility lists from text pasted from Word or PDF (issue 7, "Importers — text"; the accepted format is
/// described in `docs/LISTS.md`).
///
/// The parser skips front matter (the notice, addressees, signature, and a 目录 whose headings repeat further down),
/// reads outline lists ("基础工作指引(300分)" → "一、……(60分)" → "1.……(20分)" with requirement paragraphs and
/// 牵头单位/参与单位 lines), table lists flattened to text (重点任务 I-1 → 分解任务 II-1 → 基本要求 (1) → 责任部门), and
/// negative lists (负面清单) whose prose deductions become `DeductionRule`s. It never throws: what it cannot place
/// or reconcile is reported as a `ListImportProblem` with its line number.
public enum ResponsibilityListTextParser {
    /// The largest document accepted, in bytes (issue 7, "Bad input": 50 MB).
    public static let maximumBytes = 50 * 1024 * 1024

    /// The text of a document as read from a file or upload: UTF-8 (a byte-order mark is allowed), at most
    /// `maximumBytes`, not blank.
    public static func text(from data: Data) throws(ListImportError) -> String {
        guard data.count <= maximumBytes else { throw .tooLarge(bytes: data.count, limit: maximumBytes) }
        guard let text = String(validating: data, as: UTF8.self) else { throw .notUTF8 }
        guard text.contains(where: { !ListText.isSpace($0) }) else { throw .empty }
        return text
    }

    /// Parses a document read by `text(from:)` and checks that it may be stored: it holds a list, every list names
    /// units, and — when `strict` — nothing of warning or error severity was found.
    public static func importDocument(_ data: Data, strict: Bool) throws(ListImportError) -> ListImportResult {
        let result = parse(try text(from: data))
        guard !result.lists.isEmpty else { throw .noList }
        if let reason = result.rejection(strict: strict) { throw .refused(reason) }
        return result
    }

    /// Parses a whole document; lines are counted from 1, with LF, CRLF or CR line ends.
    public static func parse(_ text: String) -> ListImportResult {
        var lines: [ListSourceLine] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            number += 1
            var content = Substring(raw)
            if number == 1, content.first == "\u{FEFF}" { content.removeFirst() }
            let line = ListSourceLine(number: number, text: String(content))
            if !line.written.isEmpty { lines.append(line) }
        }
        let front = ListFrontMatter.read(lines) { ListDocumentBuilder.isContent($0, in: lines) }
        var builder = ListDocumentBuilder(lines: lines, front: front)
        builder.run()
        return builder.finish()
    }
}
