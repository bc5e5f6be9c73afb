import Foundation

/// The leader posts of a unit that graded warnings escalate to (BRIEF §2).
public enum LeaderRole: String, Sendable, Codable, CaseIterable {
    /// Deputy leader in charge (分管领导).
    case deputy = "deputy"
    /// Principal of the government or office (政府主要领导).
    case governmentPrincipal = "government_principal"
    /// Principal of the party committee (党委主要领导).
    case partyPrincipal = "party_principal"
}
