import Foundation

/// A chapter of a responsibility list (一、…… in an outline list, 重点任务 I-1 in a table list) with its points and
/// items (BRIEF §4).
public struct ListChapter: Sendable, Equatable, Codable {
    /// The chapter's number as written, without its separator ("一", "(一)", "I-1"); empty for an implicit chapter.
    public var code: String
    /// The title, without number and points.
    public var title: String
    /// The points the heading states, if any.
    public var statedPoints: Decimal?
    /// Text directly under the heading, before the first item.
    public var description: String
    /// Lead units (牵头单位) named for the chapter as a whole.
    public var leadUnits: [String]
    /// Participating units (参与单位) named for the chapter as a whole.
    public var participatingUnits: [String]
    /// The items, in document order.
    public var items: [ListItem]
    /// The 1-based source line of the heading (0 for an implicit chapter).
    public var line: Int

    /// Creates a chapter.
    public init(
        code: String, title: String, statedPoints: Decimal? = nil, description: String = "",
        leadUnits: [String] = [], participatingUnits: [String] = [], items: [ListItem] = [], line: Int = 0
    ) {
        self.code = code
        self.title = title
        self.statedPoints = statedPoints
        self.description = description
        self.leadUnits = leadUnits
        self.participatingUnits = participatingUnits
        self.items = items
        self.line = line
    }

    /// The chapter's points: as stated, or else the sum of its items' points when any item has points.
    public var points: Decimal? {
        if let statedPoints { return statedPoints }
        let known = items.compactMap(\.points)
        return known.isEmpty ? nil : known.reduce(0, +)
    }
}
