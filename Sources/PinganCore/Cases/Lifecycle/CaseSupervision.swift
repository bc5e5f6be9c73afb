import Foundation

/// Supervision (督办) on an open case (BRIEF §1 "the centre may put any case under supervision with its own
/// deadline"): the centre follows the case closely until this deadline.
public struct CaseSupervision: Sendable, Equatable, Codable {
    /// The supervision's own deadline, independent of the case's deadline.
    public var deadline: Date
    /// Why the case is supervised.
    public var reason: String
    /// When supervision was put on.
    public var since: Date
    /// Who put it on.
    public var by: ActorRef

    /// Creates a supervision record.
    public init(deadline: Date, reason: String, since: Date, by: ActorRef) {
        self.deadline = deadline
        self.reason = reason
        self.since = since
        self.by = by
    }
}
