import Foundation

/// What the router proposes for a case (BRIEF §1 routing; DESIGN principle 5 "Explain every number"): the responsible
/// (lead) unit, the participating units, the centre that designates the lead if the units contest it, and the reason
/// in Chinese and in machine-readable form. An operator may override it with a reason (the lifecycle records that).
public struct RoutingProposal: Sendable, Equatable, Codable {
    /// Why the router chose the unit, in machine-readable form.
    public enum Basis: String, Sendable, Codable, CaseIterable {
        /// A rule of the table matched the case's category and region.
        case ruleMatched = "rule_matched"
        /// The case spans several streets (跨街道): routed one level up, at the district.
        case crossStreet = "cross_street"
        /// The case spans several districts (跨区域): the next higher centre takes it.
        case crossRegion = "cross_region"
        /// No rule matched: the centre of the region takes the case for triage.
        case noRuleMatched = "no_rule_matched"
        /// The units contested the lead and the centre designated it (中心指定牵头单位).
        case designated
    }

    /// The responsible (lead) unit.
    public var responsibleUnitID: UUID
    /// The participating units (参与单位), without the lead.
    public var participantUnitIDs: [UUID]
    /// The centre that designates the lead when the units do not agree (BRIEF §1), if one was found.
    public var designatingCentreID: UUID?
    /// Why, in machine-readable form.
    public var basis: Basis
    /// The index of the rule that matched in the table's `rules`, if any.
    public var ruleIndex: Int?
    /// The matched rule, if any.
    public var rule: RoutingRule?
    /// The routing table version used.
    public var tableVersion: Int
    /// The region the rules were matched against: the case's region, or the lowest region containing all the
    /// regions of a cross-area case.
    public var effectiveRegionCode: String
    /// The reason, in Chinese, for operators.
    public var reason: String

    /// Creates a proposal.
    public init(
        responsibleUnitID: UUID, participantUnitIDs: [UUID], designatingCentreID: UUID?, basis: Basis, ruleIndex: Int?,
        rule: RoutingRule?, tableVersion: Int, effectiveRegionCode: String, reason: String
    ) {
        self.responsibleUnitID = responsibleUnitID
        self.participantUnitIDs = participantUnitIDs
        self.designatingCentreID = designatingCentreID
        self.basis = basis
        self.ruleIndex = ruleIndex
        self.rule = rule
        self.tableVersion = tableVersion
        self.effectiveRegionCode = effectiveRegionCode
        self.reason = reason
    }

    /// All units involved: the lead first, then the participants.
    public var involvedUnitIDs: [UUID] { [responsibleUnitID] + participantUnitIDs }

    /// The centre designates the lead of a contested case (BRIEF §1 "if they do not agree, the centre designates the
    /// lead unit; across regions, the next higher centre does").
    ///
    /// `lead` becomes the responsible unit; the former lead and the other involved units stay as participants. Only
    /// the proposal's designating centre may designate; `lead` must be a known unit.
    public func designatingLead(_ lead: UUID, by centre: UUID, units: [OrgUnit]) throws(PinganError) -> RoutingProposal
    {
        guard let designatingCentreID, designatingCentreID == centre else {
            throw .forbidden("only the designating centre of this case may designate its lead unit")
        }
        guard let leadUnit = units.first(where: { $0.id == lead }) else {
            throw .invalid(field: "lead_unit_id", rule: "not_found", detail: "no unit has the id \(lead)")
        }
        let centreName = units.first { $0.id == centre }?.name ?? centre.uuidString
        var participants: [UUID] = []
        for id in involvedUnitIDs where id != lead && !participants.contains(id) {
            participants.append(id)
        }
        var designated = self
        designated.responsibleUnitID = lead
        designated.participantUnitIDs = participants
        designated.basis = .designated
        designated.reason = "多部门协商未达成一致,由\(centreName)指定\(leadUnit.name)为牵头单位;其余单位参与办理。"
        return designated
    }
}
