import Foundation

/// What a case is (BRIEF §1): everything that needs disposal is one kind of case in one ledger (台账).
public enum CaseKind: String, Sendable, Codable, CaseIterable {
    /// A dispute (矛盾纠纷), graded with the three dispute warning levels.
    case dispute
    /// A safety hazard (安全隐患).
    case hazard
    /// A citizen request or complaint (群众诉求), e.g. from the 12345 hotline or Open311.
    case request
    /// A public-concern warning (舆情预警), graded with the four colours.
    case opinionWarning = "opinion_warning"
    /// An incident (突发事件).
    case incident
}
