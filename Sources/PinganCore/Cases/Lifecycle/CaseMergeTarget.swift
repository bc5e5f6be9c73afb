import Foundation

/// The case another case is merged into (并单), as the merge rule needs to see it: its id, number and status.
///
/// Built from the target ``Case`` with ``init(_:)``; ``CaseLifecycle/merge(_:into:reason:by:at:)`` does so and also
/// records the merge on the target's timeline.
public struct CaseMergeTarget: Sendable, Equatable {
    /// The target's id.
    public var id: UUID
    /// The target's number.
    public var number: String
    /// The target's status; it must be open.
    public var status: CaseStatus

    /// Creates a target description.
    public init(id: UUID, number: String, status: CaseStatus) {
        self.id = id
        self.number = number
        self.status = status
    }

    /// Describes `target`.
    public init(_ target: Case) {
        self.init(id: target.id, number: target.number, status: target.status)
    }
}
