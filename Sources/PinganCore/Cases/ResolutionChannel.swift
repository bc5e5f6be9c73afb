import Foundation

/// The channel through which a case was resolved (BRIEF §1 "Resolution channels"). Non-litigation channels are
/// preferred and recorded.
public enum ResolutionChannel: String, Sendable, Codable, CaseIterable {
    /// Handled directly by the responsible unit (直接办理): repairs, answers, services.
    case directHandling = "direct_handling"
    /// Settlement between the parties (和解).
    case settlement
    /// People's mediation (人民调解).
    case peopleMediation = "people_mediation"
    /// Administrative mediation (行政调解).
    case administrativeMediation = "administrative_mediation"
    /// Judicial mediation (司法调解).
    case judicialMediation = "judicial_mediation"
    /// Arbitration (仲裁).
    case arbitration
    /// Administrative ruling (行政裁决).
    case administrativeRuling = "administrative_ruling"
    /// Administrative reconsideration (行政复议).
    case administrativeReconsideration = "administrative_reconsideration"
    /// Litigation (诉讼).
    case litigation

    /// Whether this channel is outside the courts (the preferred kind).
    public var isNonLitigation: Bool { self != .litigation }
}
