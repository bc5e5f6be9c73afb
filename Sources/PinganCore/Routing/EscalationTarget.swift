import Foundation

/// Who an escalation step reaches (BRIEF §2 escalation chains).
///
/// JSON: `{"type": "leader", "role": "deputy", "of": "responsible_unit"}`, `{"type": "responsible_unit"}`,
/// `{"type": "next_higher_centre"}` or `{"type": "lead_and_participants"}`.
public enum EscalationTarget: Sendable, Hashable, Codable {
    /// Whose leader a ``leader(_:of:)`` target means.
    public enum Holder: String, Sendable, Hashable, Codable, CaseIterable {
        /// The case's responsible unit (the street office for a street case).
        case responsibleUnit = "responsible_unit"
        /// The unit above the responsible unit.
        case parentUnit = "parent_unit"
    }

    /// A leader post (分管领导, 政府主要领导, 党委主要领导) of the responsible unit or its parent. When the post is
    /// not filled, the next higher centre is reached instead, and the step says so.
    case leader(LeaderRole, of: Holder)
    /// The responsible unit's own handlers (its inbox).
    case responsibleUnit
    /// The next higher level's centre (上一级综治中心): the first centre above the responsible unit whose region is
    /// not the unit's own.
    case nextHigherCentre
    /// The lead and every participating unit, with the centre that convenes them (联席会议) — the red joint response.
    case leadAndParticipants

    enum CodingKeys: String, CodingKey {
        case type, role, of
    }

    /// Decodes the JSON form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "leader":
            let role = try container.decode(LeaderRole.self, forKey: .role)
            let holder = try container.decodeIfPresent(Holder.self, forKey: .of) ?? .responsibleUnit
            self = .leader(role, of: holder)
        case "responsible_unit": self = .responsibleUnit
        case "next_higher_centre": self = .nextHigherCentre
        case "lead_and_participants": self = .leadAndParticipants
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container,
                debugDescription: "'\(type)' is not a target type "
                    + "(leader, responsible_unit, next_higher_centre, lead_and_participants)")
        }
    }

    /// Encodes the JSON form.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .leader(let role, let holder):
            try container.encode("leader", forKey: .type)
            try container.encode(role, forKey: .role)
            try container.encode(holder, forKey: .of)
        case .responsibleUnit: try container.encode("responsible_unit", forKey: .type)
        case .nextHigherCentre: try container.encode("next_higher_centre", forKey: .type)
        case .leadAndParticipants: try container.encode("lead_and_participants", forKey: .type)
        }
    }

    /// The target in Chinese, without a concrete case (`责任单位的分管领导`).
    public var chineseText: String {
        switch self {
        case .leader(let role, let holder):
            (holder == .responsibleUnit ? "责任单位的" : "责任单位上级单位的") + role.chineseText
        case .responsibleUnit: "责任单位经办人"
        case .nextHigherCentre: "上一级综治中心"
        case .leadAndParticipants: "牵头单位和参与单位(由综治中心召集)"
        }
    }
}

extension LeaderRole {
    /// The post in Chinese.
    var chineseText: String {
        switch self {
        case .deputy: "分管领导"
        case .governmentPrincipal: "政府主要领导"
        case .partyPrincipal: "党委主要领导"
        }
    }
}
