import Foundation

/// A citizen's rating of a resolved case (好差评, BRIEF §1 "close it with the citizen's feedback"): 1–5 stars, whether
/// the problem was solved, and an optional comment.
///
/// The rule: a rating of 1 or 2, or "not solved", rejects the result — the case is reopened and put under supervision
/// (督办); otherwise the case is closed with feedback `satisfied` (4–5) or `unsatisfied` (3), which the satisfaction
/// indicator counts (BRIEF §4).
public struct CitizenRating: Sendable, Equatable, Codable {
    /// 1 (very poor) to 5 (very good).
    public var score: Int
    /// Whether the citizen says the problem was solved.
    public var solved: Bool
    /// A comment, at most 500 characters.
    public var comment: String?

    /// Creates a rating.
    public init(score: Int, solved: Bool, comment: String? = nil) {
        self.score = score
        self.solved = solved
        self.comment = comment
    }

    /// What the rating does to the case.
    public enum Outcome: Sendable, Equatable {
        /// Close the case with this feedback.
        case close(CaseFeedback)
        /// Reopen the case and supervise it.
        case reopenUnderSupervision
    }

    /// Every rule the rating breaks: `score` 1–5 (`range`), `comment` at most 500 characters (`length`).
    public var violations: [FieldViolation] {
        var violations: [FieldViolation] = []
        if !(1...5).contains(score) {
            violations.append(.init(field: "score", rule: "range", detail: "a score from 1 to 5"))
        }
        if let comment, comment.count > 500 {
            violations.append(.init(field: "comment", rule: "length", detail: "at most 500 characters"))
        }
        return violations
    }

    /// The outcome: reopen under supervision for 1–2 or not solved; close `satisfied` for 4–5, `unsatisfied` for 3.
    public var outcome: Outcome {
        if !solved || score <= 2 { return .reopenUnderSupervision }
        return .close(score >= 4 ? .satisfied : .unsatisfied)
    }

    /// The reason written on the timeline when the rating reopens the case (no personal data, no comment).
    public var reopenReason: String {
        solved ? "群众评价\(score)星(不满意),重新办理并督办" : "群众反映问题未解决(评价\(score)星),重新办理并督办"
    }
}
