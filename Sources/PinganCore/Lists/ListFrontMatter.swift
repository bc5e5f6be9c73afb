import Foundation

/// The front matter of a list document — the notice (通知), addressees, signature, date, the document title and the
/// table of contents (目录) — recognised so that it is skipped rather than read as the list, and mined for the
/// title, issuing body and date.
struct ListFrontMatter: Sendable, Equatable {
    /// The document title ("青山区平安建设工作责任清单(2025年版)"), if found.
    var title: String?
    /// The issuing body (the line above the signature date), if found.
    var issuingBody: String?
    /// The signature date, or the first month written alone.
    var date: ListDate?
    /// The index of the first line of the lists themselves.
    var contentStart: Int
    /// Indexes of lines recognised as a table of contents; they repeat later headings and are not counted.
    var tableOfContents: Range<Int>?

    /// Finds the front matter of `lines`: everything before the first heading with points, a negative-list heading
    /// or a table header, after skipping a table of contents whose headings repeat further down.
    static func read(_ lines: [ListSourceLine], isContent: (Int) -> Bool) -> ListFrontMatter {
        var searchStart = 0
        var contents: Range<Int>?
        if let marker = lines.firstIndex(where: { isContentsMarker($0.compact) }), marker + 1 < lines.count {
            let first = marker + 1
            let key = tocKey(lines[first])
            if let repeated = lines[(first + 1)...].firstIndex(where: { tocKey($0) == key }),
                lines[first..<repeated].allSatisfy(looksLikeContentsLine)
            {
                contents = first..<repeated
                searchStart = repeated
            } else {
                searchStart = first
            }
        }
        let start = (searchStart..<lines.count).first(where: isContent) ?? lines.count
        var matter = ListFrontMatter(contentStart: start, tableOfContents: contents)
        let front = Array(lines[0..<min(start, contents?.lowerBound ?? start)])
        matter.mine(front)
        return matter
    }

    /// Words that name a document of this kind when it is not called a 清单.
    private static let titleWords = ["细则", "指引", "办法", "方案", "标准", "指标", "任务", "考核"]

    /// Whether a compact line is the 目录 marker.
    static func isContentsMarker(_ compact: String) -> Bool {
        compact == "目录" || compact == "目次"
    }

    /// A heading as a table of contents shows it: without dot leaders, page numbers and blanks.
    private static func tocKey(_ line: ListSourceLine) -> String {
        var chars = line.folded.filter { !ListText.isSpace($0) }
        while let last = chars.last, last.isASCII, last.isNumber { chars.removeLast() }
        while let last = chars.last, ".…·-_".contains(last) { chars.removeLast() }
        return String(chars)
    }

    /// A contents line is short and names no units; a long paragraph means the 目录 marker had no contents below.
    private static func looksLikeContentsLine(_ line: ListSourceLine) -> Bool {
        line.folded.count <= 80 && ListUnitNames.labelled(line.text) == nil
    }

    private mutating func mine(_ lines: [ListSourceLine]) {
        var bodyIndex: Int?
        var fallback: String?
        for (index, line) in lines.enumerated() {
            let compact = line.compact
            if let found = Self.date(compact) {
                if found.day != nil, date?.day == nil {
                    date = found
                    if index > 0, Self.looksLikeBody(lines[index - 1].compact) {
                        issuingBody = lines[index - 1].written(from: 0)
                        bodyIndex = index - 1
                    }
                } else if date == nil {
                    date = found
                }
                continue
            }
            guard !compact.contains("通知"), !compact.contains("印发"), compact.count <= 60, !compact.contains("。"),
                !Self.isContentsMarker(compact), !compact.hasSuffix(":")
            else { continue }
            if compact.contains("清单") {
                title = line.written(from: 0)
            } else if Self.titleWords.contains(where: compact.contains), compact.count <= 40 {
                fallback = line.written(from: 0)
            }
        }
        if title == nil, let fallback, fallback != bodyIndex.map({ lines[$0].written(from: 0) }) { title = fallback }
        if title == nil {
            for line in lines {
                let text = line.written(from: 0)
                if let open = text.firstIndex(of: "《"), let close = text[open...].firstIndex(of: "》") {
                    let inner = text[text.index(after: open)..<close]
                    if inner.contains("清单") {
                        title = String(inner)
                        break
                    }
                }
            }
        }
    }

    private static func looksLikeBody(_ compact: String) -> Bool {
        !compact.isEmpty && compact.count <= 40 && !compact.contains(where: { "。,:;、".contains($0) })
            && !compact.contains("清单") && !compact.contains("通知") && date(compact) == nil
    }

    /// A line that is only a date: "2025年3月10日" or "2025年3月".
    static func date(_ compact: String) -> ListDate? {
        let chars = Array(compact)
        var cursor = 0
        func number(maxDigits: Int) -> Int? {
            let start = cursor
            while cursor < chars.count, cursor - start < maxDigits, chars[cursor].isASCII, chars[cursor].isNumber {
                cursor += 1
            }
            return cursor > start ? Int(String(chars[start..<cursor])) : nil
        }
        func expect(_ character: Character) -> Bool {
            guard cursor < chars.count, chars[cursor] == character else { return false }
            cursor += 1
            return true
        }
        guard let year = number(maxDigits: 4), year >= 1949, expect("年"), let month = number(maxDigits: 2),
            (1...12).contains(month), expect("月")
        else { return nil }
        if cursor == chars.count { return ListDate(year: year, month: month) }
        guard let day = number(maxDigits: 2), (1...31).contains(day), expect("日"), cursor == chars.count else {
            return nil
        }
        return ListDate(year: year, month: month, day: day)
    }
}
