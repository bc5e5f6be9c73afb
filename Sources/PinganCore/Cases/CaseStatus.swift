import Foundation

/// Where a case stands in its lifecycle (BRIEF §1: 发现受理 → 分流处置 → 跟踪督办 → 反馈评价).
public enum CaseStatus: String, Sendable, Codable, CaseIterable {
    /// Received (受理) and waiting to be assigned; also where a returned case goes back to.
    case received
    /// Assigned (分流) to a responsible unit, not yet accepted by it.
    case assigned
    /// Accepted by the unit and being worked (处置).
    case inProgress = "in_progress"
    /// Resolved by the unit, waiting for the citizen's or centre's feedback (反馈).
    case resolved
    /// Closed after feedback or after the feedback period (办结).
    case closed
    /// Merged into another case (并单): worked there, its own timeline kept.
    case merged

    /// Whether the case still needs work (everything but closed and merged).
    public var isOpen: Bool { self != .closed && self != .merged }
}
