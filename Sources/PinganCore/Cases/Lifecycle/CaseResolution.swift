import Foundation

/// How a case was resolved (办理结果, BRIEF §1 "Resolution channels"): the channel and the result, as the unit
/// reported them. Non-litigation channels are preferred; the channel is recorded so that the preference can be
/// measured.
public struct CaseResolution: Sendable, Equatable, Codable {
    /// The channel through which the case was resolved.
    public var channel: ResolutionChannel
    /// What was done and what came of it, for the citizen and the centre.
    public var result: String
    /// When the case was resolved.
    public var resolvedAt: Date
    /// Who reported the resolution.
    public var resolvedBy: ActorRef

    /// Creates a resolution record.
    public init(channel: ResolutionChannel, result: String, resolvedAt: Date, resolvedBy: ActorRef) {
        self.channel = channel
        self.result = result
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
    }
}
