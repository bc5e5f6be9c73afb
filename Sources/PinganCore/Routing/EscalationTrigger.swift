import Foundation

/// When an escalation step fires (BRIEF §2 "first notified" / "if unresolved by the deadline"). Every step fires only
/// while the case is unresolved, and at most once.
public enum EscalationTrigger: Sendable, Hashable {
    /// As soon as the case has the level (立即).
    case atOnce
    /// A delay after the case started (or, after a level change, after the case's start as before).
    case afterStart(EscalationDelay)
    /// When the resolution deadline passes unresolved (逾期未化解).
    case atDeadline
    /// A delay after the resolution deadline, still unresolved.
    case afterDeadline(EscalationDelay)
    /// Only when someone asks for it — "if a deputy cannot resolve it, the principal takes it personally" (分管领导
    /// 无法化解的,一把手亲自化解): the lifecycle fires it on a handler's request; the scheduler never does.
    case onDemand

    /// The JSON `when` value.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// ``EscalationTrigger/atOnce``.
        case atOnce = "at_once"
        /// ``EscalationTrigger/afterStart(_:)``.
        case afterStart = "after_start"
        /// ``EscalationTrigger/atDeadline``.
        case deadline
        /// ``EscalationTrigger/afterDeadline(_:)``.
        case afterDeadline = "after_deadline"
        /// ``EscalationTrigger/onDemand``.
        case onDemand = "on_demand"

        /// Whether a trigger of this kind needs a delay.
        public var takesDelay: Bool { self == .afterStart || self == .afterDeadline }
    }

    /// The trigger's kind.
    public var kind: Kind {
        switch self {
        case .atOnce: .atOnce
        case .afterStart: .afterStart
        case .atDeadline: .deadline
        case .afterDeadline: .afterDeadline
        case .onDemand: .onDemand
        }
    }

    /// The trigger in Chinese, without a concrete case.
    public var chineseText: String {
        switch self {
        case .atOnce: "立即"
        case .afterStart(let delay): "案件开始\(delay.chineseText)后仍未化解时"
        case .atDeadline: "处置期限届满仍未化解时"
        case .afterDeadline(let delay): "处置期限届满\(delay.chineseText)后仍未化解时"
        case .onDemand: "分管领导无法化解、经办人提请时"
        }
    }
}
