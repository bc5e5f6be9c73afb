import Foundation

/// A responsibility list (责任清单): a scored checklist of chapters and items with the units responsible for each,
/// and a negative list (负面清单) of deductions (BRIEF §4, issue 7).
///
/// Points are exact decimals (lists sometimes award half points). A document often holds several lists — a
/// general list and a provincial or district one — and each becomes one `ResponsibilityList`; the document's own
/// title, issuing body and date are kept on every list it holds.
public struct ResponsibilityList: Sendable, Equatable, Codable {
    /// How the list was laid out in its source document.
    public enum Layout: String, Sendable, Equatable, Codable {
        /// Numbered headings with points in parentheses ("一、……(60分)", "1.……(20分)") and unit lines.
        case outline
        /// A table flattened to text: 重点任务 / 分解任务 / 基本要求 / 责任部门 with codes such as I-1, II-3, (2).
        case table
    }

    /// The list's heading as written, without its points ("基础工作指引", "青山区特色工作责任清单").
    public var title: String
    /// The title of the document that holds the list ("青山区平安建设工作责任清单(2025年版)"), if found.
    public var documentTitle: String?
    /// The body that issued the document (发文机关, "青山区平安建设领导小组"), if found.
    public var issuingBody: String?
    /// The date the document was issued, if found.
    public var issuedOn: ListDate?
    /// The total points the list states in its heading, if any.
    public var statedPoints: Decimal?
    /// The layout of the source.
    public var layout: Layout
    /// Text between the list heading and its first chapter (an introduction), joined.
    public var introduction: String
    /// The chapters in document order.
    public var chapters: [ListChapter]
    /// The negative list (负面清单): deductions for incidents and thresholds.
    public var negativeList: [NegativeListEntry]
    /// Text between the negative list's heading and its first entry, joined.
    public var negativeListIntroduction: String
    /// The 1-based source line of the list's heading (0 when the list had no heading of its own).
    public var line: Int

    /// Creates a list.
    public init(
        title: String, documentTitle: String? = nil, issuingBody: String? = nil, issuedOn: ListDate? = nil,
        statedPoints: Decimal? = nil, layout: Layout = .outline, introduction: String = "",
        chapters: [ListChapter] = [], negativeList: [NegativeListEntry] = [], negativeListIntroduction: String = "",
        line: Int = 0
    ) {
        self.title = title
        self.documentTitle = documentTitle
        self.issuingBody = issuingBody
        self.issuedOn = issuedOn
        self.statedPoints = statedPoints
        self.layout = layout
        self.introduction = introduction
        self.chapters = chapters
        self.negativeList = negativeList
        self.negativeListIntroduction = negativeListIntroduction
        self.line = line
    }

    /// The list's points: the stated total, or else the sum of its chapters' points when any chapter has points.
    public var points: Decimal? {
        if let statedPoints { return statedPoints }
        let known = chapters.compactMap(\.points)
        return known.isEmpty ? nil : known.reduce(0, +)
    }

    /// Every item of the list, depth first, with sub-items after their parent.
    public var allItems: [ListItem] {
        chapters.flatMap { chapter in chapter.items.flatMap(\.selfAndDescendants) }
    }

    /// Every unit name the list mentions, in order of first mention, with the line of the chapter or item that
    /// names it first — for matching against Pingan's units (issue 7: unmatched names are reported, never dropped).
    public var unitMentions: [ListUnitMention] {
        var seen: Set<String> = []
        var mentions: [ListUnitMention] = []
        func add(_ names: [String], line: Int, code: String) {
            for name in names where seen.insert(name).inserted {
                mentions.append(ListUnitMention(name: name, line: line, code: code))
            }
        }
        func visit(_ item: ListItem) {
            add(item.leadUnits, line: item.line, code: item.code)
            add(item.participatingUnits, line: item.line, code: item.code)
            item.subitems.forEach(visit)
        }
        for chapter in chapters {
            add(chapter.leadUnits, line: chapter.line, code: chapter.code)
            add(chapter.participatingUnits, line: chapter.line, code: chapter.code)
            chapter.items.forEach(visit)
        }
        return mentions
    }
}
