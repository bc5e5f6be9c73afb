/// The one error type of the signals engine (issue 5): every case carries the facts — the line, the field, the
/// position — so a caller can report it in one line without a stack trace.
public enum SignalsError: Error, Sendable, Equatable {
    /// A JSON Lines input line could not be used; `line` is 1-based and `reason` names the field or rule.
    case badLine(line: Int, reason: String)
    /// A CSV count series row could not be used; `line` is 1-based.
    case badCountRow(line: Int, reason: String)
    /// A monitoring-subject expression has a syntax error at the 0-based scalar `position`.
    case subjectSyntax(subject: String, position: Int, reason: String)
    /// A parameter is outside its allowed range, e.g. `baseline` < 2 or `alpha` outside (0, 1).
    case invalidParameter(name: String, reason: String)
    /// A grading rule set could not be decoded or is inconsistent.
    case invalidRules(reason: String)
}
