import Foundation

/// A pending deadline extension request (延期申请, BRIEF issue 3 "A unit may request a deadline extension with a
/// reason; the centre approves or refuses it"). At most one is pending per case.
public struct CaseExtensionRequest: Sendable, Equatable, Codable {
    /// The deadline the unit asks for; later than the case's deadline when requested.
    public var requestedDeadline: Date
    /// Why the unit needs more time.
    public var reason: String
    /// When it was requested.
    public var requestedAt: Date
    /// Who requested it.
    public var requestedBy: ActorRef

    /// Creates a request record.
    public init(requestedDeadline: Date, reason: String, requestedAt: Date, requestedBy: ActorRef) {
        self.requestedDeadline = requestedDeadline
        self.reason = reason
        self.requestedAt = requestedAt
        self.requestedBy = requestedBy
    }
}
