import Foundation

/// The points a heading states at its end: "(20分)", "（20 分）", "(共300分)", "【5分】", "(本项20分)", "(0.5分)".
struct ListPointsSuffix: Sendable, Equatable {
    /// The points.
    let points: Decimal
    /// The folded offset where the bracket opens; the title ends here.
    let start: Int

    private static let prefixes = ["共计", "合计", "总计", "总分", "满分", "本项", "本章", "分值", "计", "共"]

    /// Reads the points at the end of folded characters, ignoring trailing punctuation, or nil.
    static func parse(_ chars: [Character]) -> ListPointsSuffix? {
        var end = chars.count
        while end > 0, ListText.isSpace(chars[end - 1]) || "。;:,".contains(chars[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        let pairs: [Character: Character] = [")": "(", "]": "[", "】": "【"]
        guard let opener = pairs[chars[end - 1]] else { return nil }
        guard let open = chars[0..<(end - 1)].lastIndex(of: opener) else { return nil }
        return points(chars, open: open, close: end - 1)
    }

    /// Reads points written after a heading's title and before its requirement on the same line — "1.落实领导责任制
    /// (20分):区委、区政府……" — searching from `start`; returns the points and the offset where the requirement
    /// begins, or nil. The title before the points has at most 40 characters.
    static func inline(_ chars: [Character], from start: Int) -> (ListPointsSuffix, Int)? {
        let closers: [Character: Character] = ["(": ")", "[": "]", "【": "】"]
        var index = start
        while index < chars.count, index - start <= 40 {
            defer { index += 1 }
            guard let closer = closers[chars[index]],
                let close = chars[(index + 1)...].prefix(16).firstIndex(of: closer),
                let found = points(chars, open: index, close: close)
            else { continue }
            var rest = close + 1
            guard rest < chars.count, ListText.isSpace(chars[rest]) || "。.:;,".contains(chars[rest]) else {
                return nil
            }
            while rest < chars.count, ListText.isSpace(chars[rest]) || "。.:;,".contains(chars[rest]) { rest += 1 }
            return (found, rest)
        }
        return nil
    }

    /// The points between brackets at `open` and `close`, or nil when they hold something else.
    private static func points(_ chars: [Character], open: Int, close: Int) -> ListPointsSuffix? {
        var inner = String(chars[(open + 1)..<close].filter { !ListText.isSpace($0) })
        guard inner.hasSuffix("分") else { return nil }
        inner.removeLast()
        for prefix in prefixes where inner.hasPrefix(prefix) {
            inner.removeFirst(prefix.count)
            break
        }
        if inner.hasPrefix(":") { inner.removeFirst() }
        guard let points = ListText.decimal(inner) else { return nil }
        return ListPointsSuffix(points: points, start: open)
    }
}
