import Foundation

/// A case's warning level (BRIEF §2): the three dispute levels (矛盾纠纷三级预警) or the four public-concern colours
/// (舆情风险四色预警), or none.
///
/// Encoded as `none`, `level3`, `level2`, `level1`, `blue`, `yellow`, `orange`, `red`.
public enum WarningLevel: String, Sendable, Codable, CaseIterable {
    /// No warning.
    case none
    /// 三级: may lead to a collective complaint beyond the local level.
    case level3
    /// 二级: may lead to collective confrontation.
    case level2
    /// 一级: may seriously affect public safety and stability.
    case level1
    /// 蓝: sensitive — volume and negativity within the sensitive range.
    case blue
    /// 黄: minor — negative discussion within a small range.
    case yellow
    /// 橙: moderate — wide influence, fast spread.
    case orange
    /// 红: severe — widespread negative discussion, possibly online/offline linkage.
    case red

    /// Whether this is one of the three dispute levels.
    public var isDisputeLevel: Bool { self == .level3 || self == .level2 || self == .level1 }

    /// Whether this is one of the four colours.
    public var isColour: Bool { self == .blue || self == .yellow || self == .orange || self == .red }

    /// Severity from 0 (none) up; comparable within one scale (level3 < level2 < level1; blue < … < red).
    public var severity: Int {
        switch self {
        case .none: 0
        case .level3, .blue: 1
        case .level2, .yellow: 2
        case .level1, .orange: 3
        case .red: 4
        }
    }

    /// The Chinese label shown to users (三级, 红色 …).
    public var label: String {
        switch self {
        case .none: "无"
        case .level3: "三级"
        case .level2: "二级"
        case .level1: "一级"
        case .blue: "蓝色"
        case .yellow: "黄色"
        case .orange: "橙色"
        case .red: "红色"
        }
    }
}
