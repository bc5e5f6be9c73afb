/// The public-concern warning colours of BRIEF §2 (舆情风险四色预警), plus `none`, ordered by severity.
public enum WarningColour: String, Sendable, Codable, CaseIterable, Comparable {
    /// No warning.
    case none
    /// 蓝 sensitive: volume and negativity within the sensitive range.
    case blue
    /// 黄 minor: negative discussion within a small range.
    case yellow
    /// 橙 moderate: wide influence, fast spread.
    case orange
    /// 红 severe: widespread negative discussion, possible online/offline linkage.
    case red

    /// 0 (none) … 4 (red).
    public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Orders by `rank`.
    public static func < (lhs: WarningColour, rhs: WarningColour) -> Bool { lhs.rank < rhs.rank }
}
