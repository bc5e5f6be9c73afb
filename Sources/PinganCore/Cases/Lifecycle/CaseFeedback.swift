import Foundation

/// The feedback (反馈评价, 好差评) a case was closed with (BRIEF §1 "closed after feedback"); it feeds the satisfaction
/// indicator of BRIEF §4.
public enum CaseFeedback: String, Sendable, Equatable, Codable, CaseIterable {
    /// The citizen (or the centre) is satisfied with the result (满意).
    case satisfied
    /// The citizen is not satisfied, and the centre closes the case anyway (不满意).
    case unsatisfied
    /// No feedback was given within the feedback period (未评价); only allowed when closing after that period.
    case none
}

extension CaseFeedback {
    /// How long the citizen has to give feedback after a case is resolved; after it, the centre's background work
    /// closes the case with feedback ``none`` (BRIEF §1 "closed after feedback or after a feedback period").
    public static let defaultPeriod: TimeInterval = 7 * 86_400
}
