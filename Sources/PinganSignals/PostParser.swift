import Foundation

/// Parses posts from JSON Lines (issue 5, "Input"): one object per line with `id`, `text`, `time` (ISO 8601 with
/// offset), `source`, and optional `region`, `author`, `reposts`, `comments`, `likes`, `url`. The author is replaced
/// by its pseudonym here, before anything else touches it (BRIEF §6). A bad line — invalid UTF-8, not JSON, a
/// missing or mistyped field — is reported with its 1-based line number and reason, and skipped; parsing never
/// stops on one bad line. Blank lines are ignored.
public struct PostParser: Sendable {
    /// The outcome of parsing a whole input: the valid posts in input order, and one error per bad line.
    public struct Report: Sendable {
        /// The valid posts, in input order.
        public var posts: [Post] = []
        /// One `SignalsError.badLine` per skipped line.
        public var errors: [SignalsError] = []
        /// Number of non-blank lines seen.
        public var linesRead = 0
    }

    private let pseudonymizer: Pseudonymizer

    /// Creates a parser that pseudonymises authors with `pseudonymizer`.
    public init(pseudonymizer: Pseudonymizer) {
        self.pseudonymizer = pseudonymizer
    }

    /// Parses a whole JSON Lines buffer (LF or CRLF line ends).
    public func parse(_ data: Data) -> Report {
        var report = Report()
        var lineNumber = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                if start < bytes.count || end > start {
                    var lineEnd = end
                    if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                    let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                    if !Self.isBlank(line) {
                        report.linesRead += 1
                        switch parseLine(line, lineNumber: lineNumber) {
                        case .success(let post): report.posts.append(post)
                        case .failure(let error): report.errors.append(error)
                        }
                    }
                }
                if end >= bytes.count { break }
                start = end + 1
            }
        }
        return report
    }

    /// Parses one line; `lineNumber` is 1-based and only used in the error.
    public func parseLine(_ line: some Collection<UInt8>, lineNumber: Int) -> Result<Post, SignalsError> {
        func fail(_ reason: String) -> Result<Post, SignalsError> {
            .failure(.badLine(line: lineNumber, reason: reason))
        }
        guard String(validating: line, as: UTF8.self) != nil else { return fail("invalid UTF-8") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line), options: [])
        } catch {
            return fail("not valid JSON")
        }
        guard let fields = object as? [String: Any] else { return fail("not a JSON object") }
        guard let id = Self.string(fields["id"]), !id.isEmpty else { return fail("missing or non-string field 'id'") }
        guard let text = fields["text"] as? String else { return fail("missing or non-string field 'text'") }
        guard let timeText = fields["time"] as? String else { return fail("missing or non-string field 'time'") }
        guard let time = ISO8601Time.epochSeconds(timeText) else {
            return fail("field 'time' is not ISO 8601 with offset: \(timeText.prefix(40))")
        }
        guard let source = fields["source"] as? String, !source.isEmpty else {
            return fail("missing or non-string field 'source'")
        }
        var counts: [Int] = []
        for name in ["reposts", "comments", "likes"] {
            switch Self.count(fields[name]) {
            case .some(.some(let value)): counts.append(value)
            case .some(.none): counts.append(0)
            case .none: return fail("field '\(name)' is not a non-negative integer")
            }
        }
        let optionalStrings = ["region", "author", "url"].map { fields[$0] }
        for (name, value) in zip(["region", "author", "url"], optionalStrings)
        where value != nil && !(value is NSNull) && Self.string(value) == nil {
            return fail("field '\(name)' is not a string")
        }
        let author = Self.string(optionalStrings[1]).flatMap { $0.isEmpty ? nil : $0 }
        return .success(
            Post(
                id: id, text: text, time: time, source: source,
                region: Self.string(optionalStrings[0]).flatMap { $0.isEmpty ? nil : $0 },
                authorPseudonym: author.map { pseudonymizer.pseudonym(of: $0) },
                reposts: counts[0], comments: counts[1], likes: counts[2],
                url: Self.string(optionalStrings[2]).flatMap { $0.isEmpty ? nil : $0 }
            )
        )
    }

    private static func isBlank(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    private static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        return nil
    }

    /// `.some(nil)` when absent or null, `.some(n)` for a non-negative integer, `nil` when invalid.
    private static func count(_ value: Any?) -> Int?? {
        guard let value, !(value is NSNull) else { return .some(nil) }
        if value is String { return nil }
        if let number = value as? NSNumber {
            let double = number.doubleValue
            guard double >= 0, double.rounded() == double, double < 9.0e15 else { return nil }
            return .some(Int(double))
        }
        return nil
    }
}
