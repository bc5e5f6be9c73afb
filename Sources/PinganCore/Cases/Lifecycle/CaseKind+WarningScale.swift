import Foundation

extension CaseKind {
    /// The warning levels a case of this kind may carry (BRIEF §2): a dispute uses the three dispute levels
    /// (矛盾纠纷三级预警), an opinion warning the four colours (舆情风险四色预警); every kind may carry `none`, and the
    /// other kinds (hazard, request, incident) carry `none` only.
    ///
    /// Strict on purpose: the escalation chains of BRIEF §2 are defined per scale, so a hazard with a dispute level
    /// would have no chain that fits it.
    public var warningScale: [WarningLevel] {
        switch self {
        case .dispute: [.none, .level3, .level2, .level1]
        case .opinionWarning: [.none, .blue, .yellow, .orange, .red]
        case .hazard, .request, .incident: [.none]
        }
    }

    /// Whether a case of this kind may carry `level`.
    public func permits(_ level: WarningLevel) -> Bool {
        warningScale.contains(level)
    }
}
