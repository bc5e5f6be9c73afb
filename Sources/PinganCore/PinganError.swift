import Foundation

/// One broken rule on one input field: what a client must fix.
///
/// Every API error names the field and the rule (BRIEF, "bad input gets a clear error"); the web layer turns a list
/// of these into the `errors` member of an RFC 9457 problem document.
public struct FieldViolation: Sendable, Equatable, Codable {
    /// The field, as the client named it (`parent_code`, `roles[1]`).
    public var field: String
    /// A stable, machine-readable rule name (`required`, `format`, `unknown_value`, `duplicate`, `not_found`).
    public var rule: String
    /// A sentence for people.
    public var detail: String

    /// Creates a violation of `rule` on `field`.
    public init(field: String, rule: String, detail: String) {
        self.field = field
        self.rule = rule
        self.detail = detail
    }
}

/// The errors that Pingan's rules and use cases report, with the facts a caller needs to act on them.
public enum PinganError: Error, Sendable, Equatable {
    /// The input broke one or more rules; nothing was written.
    case invalid([FieldViolation])
    /// The named object does not exist (or the caller may not know that it exists).
    case notFound(entity: String, id: String)
    /// The request conflicts with the current state (a duplicate, a stale version).
    case conflict(field: String?, detail: String)
    /// No valid credentials were presented.
    case unauthenticated(String)
    /// The caller is known but may not do this.
    case forbidden(String)
    /// Too many failed logins: retry after the given number of seconds.
    case throttled(retryAfterSeconds: Int)
    /// The account is locked until the given time after repeated failed logins.
    case locked(until: Date)

    /// A single-violation `invalid` error.
    public static func invalid(field: String, rule: String, detail: String) -> PinganError {
        .invalid([FieldViolation(field: field, rule: rule, detail: detail)])
    }
}

extension PinganError: CustomStringConvertible {
    /// One line for logs and the command line.
    public var description: String {
        switch self {
        case .invalid(let violations):
            return violations.map { "\($0.field): \($0.detail)" }.joined(separator: "; ")
        case .notFound(let entity, let id):
            return "\(entity) '\(id)' was not found"
        case .conflict(_, let detail):
            return detail
        case .unauthenticated(let detail), .forbidden(let detail):
            return detail
        case .throttled(let seconds):
            return "too many failed logins; try again in \(seconds) s"
        case .locked(let until):
            return "the account is locked until \(Timestamp.format(until))"
        }
    }
}
