import Foundation

/// An item of a responsibility list (1.…… under a chapter; 分解任务 II-1 or 基本要求 (1) in a table list): what must be
/// done, its maximum points, and the units that answer for it (BRIEF §4).
public struct ListItem: Sendable, Equatable, Codable {
    /// The item's number as written, without its separator ("1", "(1)", "II-3").
    public var code: String
    /// The title, without number and points; empty for a table row that only states a requirement.
    public var title: String
    /// The maximum points the item states, if any.
    public var statedPoints: Decimal?
    /// The requirement (工作要求 / 基本要求), with lines broken by page breaks joined and paragraphs kept.
    public var requirement: String
    /// Lead units (牵头单位; 责任部门 in a table list), as written.
    public var leadUnits: [String]
    /// Participating units (参与单位), as written.
    public var participatingUnits: [String]
    /// Nested items, when the text has a deeper level (a 分解任务's 基本要求 rows, an item's scored sub-items).
    public var subitems: [ListItem]
    /// The 1-based source line of the item's heading.
    public var line: Int

    /// Creates an item.
    public init(
        code: String, title: String, statedPoints: Decimal? = nil, requirement: String = "",
        leadUnits: [String] = [], participatingUnits: [String] = [], subitems: [ListItem] = [], line: Int = 0
    ) {
        self.code = code
        self.title = title
        self.statedPoints = statedPoints
        self.requirement = requirement
        self.leadUnits = leadUnits
        self.participatingUnits = participatingUnits
        self.subitems = subitems
        self.line = line
    }

    /// The item's points: as stated, or else the sum of its sub-items' points when any sub-item has points.
    public var points: Decimal? {
        if let statedPoints { return statedPoints }
        let known = subitems.compactMap(\.points)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// This item followed by all its sub-items, depth first.
    public var selfAndDescendants: [ListItem] {
        [self] + subitems.flatMap(\.selfAndDescendants)
    }
}
