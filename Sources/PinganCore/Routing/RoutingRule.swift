import Foundation

/// One line of the routing table (BRIEF §1 "category + region → the responsible unit"): cases of the matching
/// categories inside the region subtree go to the responsible unit, with optional participating units (参与单位).
public struct RoutingRule: Sendable, Equatable, Codable {
    /// The categories the rule covers.
    public var category: CategoryPattern
    /// The root of the region subtree the rule covers (a region code).
    public var regionCode: String
    /// The responsible (lead) unit (牵头单位/责任单位).
    public var responsible: UnitReference
    /// Units that take part in the handling (参与单位).
    public var participants: [UnitReference]
    /// Breaks ties between rules that are equally specific; higher wins. Defaults to 0.
    public var priority: Int
    /// An optional note for administrators, shown in the routing reason.
    public var note: String?

    /// Creates a rule.
    public init(
        category: CategoryPattern, regionCode: String, responsible: UnitReference, participants: [UnitReference] = [],
        priority: Int = 0, note: String? = nil
    ) {
        self.category = category
        self.regionCode = regionCode
        self.responsible = responsible
        self.participants = participants
        self.priority = priority
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case category
        case regionCode = "region"
        case responsible
        case participants
        case priority
        case note
    }

    /// Decodes a rule; `participants` and `priority` may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        category = try container.decode(CategoryPattern.self, forKey: .category)
        regionCode = try container.decode(String.self, forKey: .regionCode)
        responsible = try container.decode(UnitReference.self, forKey: .responsible)
        participants = try container.decodeIfPresent([UnitReference].self, forKey: .participants) ?? []
        priority = try container.decodeIfPresent(Int.self, forKey: .priority) ?? 0
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
