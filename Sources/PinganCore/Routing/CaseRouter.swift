import Foundation

/// The router (BRIEF §1 谁主管谁负责, 属地管理): proposes the responsible unit of a case from the routing table.
///
/// Rules, in order:
/// 1. A case whose regions lie in two or more districts is cross-region (跨区域): the next higher centre — the centre
///    of the lowest region containing them all — leads, and each district's own routing result participates.
/// 2. Otherwise the rules are matched against the *effective region*: the case's region, or for a cross-area case the
///    lowest region containing all its regions — so a case across streets goes one level up, to the district.
/// 3. Among the rules whose region subtree contains the effective region and whose category pattern matches, the
///    deepest region wins, then the most specific category pattern, then the higher priority, then the earlier rule.
/// 4. `@territorial` resolves to the street office of the case's street, or the centre of the effective region when
///    the case lies above street level.
/// 5. When no rule matches, the centre of the region takes the case for triage, with the reason "no rule matched".
///
/// Named `CaseRouter` because Hummingbird, which the web module imports beside PinganCore, already has a `Router`.
public enum CaseRouter {
    /// Proposes the responsible unit, participants and reason for a case.
    ///
    /// - Parameters:
    ///   - category: the case's category code.
    ///   - regions: the case's region first, then for cross-area cases the other regions involved.
    ///   - table: the routing table (validated).
    ///   - units: all units.
    ///   - regionTree: all regions (at least the ancestors of `regions`).
    public static func propose(
        category: String, regions: [Region], table: RoutingTable, units: [OrgUnit], regionTree: [Region]
    ) throws(PinganError) -> RoutingProposal {
        guard !regions.isEmpty else {
            throw .invalid(field: "regions", rule: "required", detail: "a case has at least one region")
        }
        var tree: [String: Region] = [:]
        for region in regionTree + regions { tree[region.code] = region }
        let context = Context(table: table, units: units, tree: tree)
        return try context.propose(category: category, regions: regions)
    }

    /// The centre that designates the lead unit for a case in `regions` when its units contest it (BRIEF §1): the
    /// centre of the lowest region containing them all, or of the nearest region above it that has a centre.
    public static func designatingCentre(for regions: [Region], units: [OrgUnit], regionTree: [Region]) -> OrgUnit? {
        var tree: [String: Region] = [:]
        for region in regionTree + regions { tree[region.code] = region }
        let context = Context(table: RoutingTable(version: 1, rules: []), units: units, tree: tree)
        return context.centre(atOrAbove: context.commonPath(regions))
    }

    private struct Context {
        let table: RoutingTable
        let units: [OrgUnit]
        let tree: [String: Region]

        func propose(category: String, regions: [Region]) throws(PinganError) -> RoutingProposal {
            let common = commonPath(regions)
            let districts = distinctAncestors(of: regions, at: .district)
            if districts.count > 1 {
                return try crossRegion(category: category, regions: regions, common: common, districts: districts)
            }
            guard let effectiveCode = common.last else {
                throw .invalid(field: "regions", rule: "unrelated", detail: "the regions share no common ancestor")
            }
            let streets = distinctAncestors(of: regions, at: .street)
            let crossStreet = streets.count > 1
            let designating = centre(atOrAbove: common)
            let prefix =
                crossStreet
                ? "案件涉及\(streets.map(name).joined(separator: "、"))等\(streets.count)个街道,跨街道提级至\(name(effectiveCode))处理。"
                : ""
            guard let (index, rule) = bestRule(category: category, path: common) else {
                guard let centre = designating else {
                    throw .notFound(entity: "centre", id: effectiveCode)
                }
                return RoutingProposal(
                    responsibleUnitID: centre.id, participantUnitIDs: [], designatingCentreID: centre.id,
                    basis: .noRuleMatched, ruleIndex: nil, rule: nil, tableVersion: table.version,
                    effectiveRegionCode: effectiveCode,
                    reason: prefix
                        + "没有匹配的路由规则(no rule matched):类别 \(category) 在\(name(effectiveCode))无对应规则,由\(centre.name)分流处理。")
            }
            let lead = try resolve(rule.responsible, path: common, field: "rules[\(index)].responsible")
            var participants: [UUID] = []
            for (position, reference) in rule.participants.enumerated() {
                let unit = try resolve(reference, path: common, field: "rules[\(index)].participants[\(position)]")
                if unit.id != lead.id && !participants.contains(unit.id) { participants.append(unit.id) }
            }
            let participantNames = participants.map { id in units.first { $0.id == id }?.name ?? id.uuidString }
            var reason =
                prefix
                + "按路由规则 rules[\(index)](类别 \(rule.category) · \(name(rule.regionCode))及下辖区域)由\(lead.name)负责"
            if rule.responsible == .territorial { reason += "(属地管理)" }
            reason += participantNames.isEmpty ? "。" : ";参与单位:\(participantNames.joined(separator: "、"))。"
            if let note = rule.note { reason += "备注:\(note)" }
            return RoutingProposal(
                responsibleUnitID: lead.id, participantUnitIDs: participants, designatingCentreID: designating?.id,
                basis: crossStreet ? .crossStreet : .ruleMatched, ruleIndex: index, rule: rule,
                tableVersion: table.version, effectiveRegionCode: effectiveCode, reason: reason)
        }

        private func crossRegion(
            category: String, regions: [Region], common: [String], districts: [String]
        ) throws(PinganError) -> RoutingProposal {
            guard let higher = centre(atOrAbove: common) ?? parentCentre(ofDistrict: districts[0]) else {
                throw .notFound(entity: "centre", id: common.last ?? districts[0])
            }
            var participants: [UUID] = []
            for district in districts {
                let inDistrict = regions.filter { components($0).contains(district) }
                let local = try propose(category: category, regions: inDistrict)
                if local.responsibleUnitID != higher.id && !participants.contains(local.responsibleUnitID) {
                    participants.append(local.responsibleUnitID)
                }
            }
            let names = districts.map(name).joined(separator: "、")
            return RoutingProposal(
                responsibleUnitID: higher.id, participantUnitIDs: participants, designatingCentreID: higher.id,
                basis: .crossRegion, ruleIndex: nil, rule: nil, tableVersion: table.version,
                effectiveRegionCode: common.last ?? higher.regionCode,
                reason: "案件涉及\(names)等\(districts.count)个区县,跨区域由上一级中心\(higher.name)牵头;各区县按路由规则确定的单位参与办理。")
        }

        func bestRule(category: String, path: [String]) -> (Int, RoutingRule)? {
            var best: (index: Int, rule: RoutingRule, depth: Int)?
            for (index, rule) in table.rules.enumerated() where rule.category.matches(category) {
                guard let depth = path.firstIndex(of: rule.regionCode) else { continue }
                guard let current = best else {
                    best = (index, rule, depth)
                    continue
                }
                let candidate = (depth, rule.category.specificity, rule.priority)
                let incumbent = (current.depth, current.rule.category.specificity, current.rule.priority)
                if candidate > incumbent { best = (index, rule, depth) }
            }
            return best.map { ($0.index, $0.rule) }
        }

        func resolve(_ reference: UnitReference, path: [String], field: String) throws(PinganError) -> OrgUnit {
            if reference == .territorial {
                if let street = path.first(where: { tree[$0]?.level == .street }),
                    let office = units.first(where: { $0.kind == .streetOffice && $0.regionCode == street })
                {
                    return office
                }
                if let centre = centre(atOrAbove: path) { return centre }
                throw .notFound(entity: "territorial unit", id: path.last ?? "")
            }
            guard let unit = reference.resolve(in: units) else {
                throw .invalid(field: field, rule: "not_found", detail: "no unit is '\(reference)'")
            }
            return unit
        }

        /// The deepest centre whose region is on `path`.
        func centre(atOrAbove path: [String]) -> OrgUnit? {
            for code in path.reversed() {
                if let centre = units.first(where: { $0.kind == .centre && $0.regionCode == code }) { return centre }
            }
            return nil
        }

        func parentCentre(ofDistrict code: String) -> OrgUnit? {
            guard let local = units.first(where: { $0.kind == .centre && $0.regionCode == code }),
                let parentID = local.parentID
            else { return nil }
            return units.first { $0.id == parentID && $0.kind == .centre }
        }

        func components(_ region: Region) -> [String] {
            region.path.split(separator: "/").map(String.init)
        }

        func commonPath(_ regions: [Region]) -> [String] {
            guard var common = regions.first.map(components) else { return [] }
            for region in regions.dropFirst() {
                let other = components(region)
                var length = 0
                while length < min(common.count, other.count) && common[length] == other[length] { length += 1 }
                common = Array(common.prefix(length))
            }
            return common
        }

        /// The distinct ancestors at `level` of the regions, in first-seen order; regions above `level` add none.
        func distinctAncestors(of regions: [Region], at level: RegionLevel) -> [String] {
            var result: [String] = []
            for region in regions {
                if let code = components(region).first(where: { tree[$0]?.level == level }), !result.contains(code) {
                    result.append(code)
                }
            }
            return result
        }

        func name(_ code: String) -> String { tree[code]?.name ?? code }
    }
}
