import Foundation
import PinganCore
import Testing

@Suite("Routing (谁主管谁负责, 属地管理)")
struct CaseRouterTests {
    let fixture = RoutingFixture()

    func propose(_ category: String, _ regions: [Region], table: RoutingTable? = nil) throws -> RoutingProposal {
        try CaseRouter.propose(
            category: category, regions: regions, table: table ?? fixture.table, units: fixture.units,
            regionTree: fixture.regions)
    }

    @Test("the deepest matching region subtree wins over a more specific category higher up")
    func deepestRegionWins() throws {
        let proposal = try propose("housing.property", [fixture.grid])
        #expect(proposal.responsibleUnitID == fixture.housingBureau.id)
        #expect(proposal.basis == .ruleMatched)
        #expect(proposal.ruleIndex == 3)
        #expect(proposal.tableVersion == 7)
        #expect(proposal.reason.contains("rules[3]"))
        #expect(proposal.reason.contains("青山区住建局"))
    }

    @Test("at the same region the most specific category wins: an exact code beats a prefix beats the wildcard")
    func mostSpecificCategoryWins() throws {
        let wage = try propose("labour.wage", [fixture.mingdeStreet])
        #expect(wage.ruleIndex == 2)
        #expect(wage.participantUnitIDs.isEmpty)
        let injury = try propose("labour.injury", [fixture.mingdeStreet])
        #expect(injury.ruleIndex == 1)
        #expect(injury.responsibleUnitID == fixture.labourBureau.id)
        #expect(injury.participantUnitIDs == [fixture.police.id])
        #expect(injury.reason.contains("参与单位:青山公安分局"))
    }

    @Test("a local matter inside one street goes to that street's office (属地管理)")
    func territorialGoesToStreetOffice() throws {
        let proposal = try propose("env.noise", [fixture.community])
        #expect(proposal.responsibleUnitID == fixture.qingshanOffice.id)
        #expect(proposal.basis == .ruleMatched)
        #expect(proposal.reason.contains("属地管理"))
        #expect(proposal.effectiveRegionCode == "990102001002")
        #expect(proposal.designatingCentreID == fixture.qingshanCentre.id)
    }

    @Test("a case across two streets goes one level up to the district's unit")
    func crossStreetGoesToDistrict() throws {
        let local = try propose("env.noise", [fixture.community, fixture.mingdeStreet])
        #expect(local.basis == .crossStreet)
        #expect(local.effectiveRegionCode == "990102")
        #expect(local.responsibleUnitID == fixture.qingshanCentre.id)
        #expect(local.reason.contains("跨街道"))
        let labour = try propose("labour.injury", [fixture.qingshanStreet, fixture.mingdeStreet])
        #expect(labour.basis == .crossStreet)
        #expect(labour.responsibleUnitID == fixture.labourBureau.id)
        #expect(labour.participantUnitIDs == [fixture.police.id])
    }

    @Test("a case across districts goes to the next higher centre, with each district's unit participating")
    func crossDistrictGoesToHigherCentre() throws {
        let proposal = try propose("env.noise", [fixture.qingshanStreet, fixture.baiyunStreet])
        #expect(proposal.basis == .crossRegion)
        #expect(proposal.responsibleUnitID == fixture.cityCentre.id)
        #expect(proposal.designatingCentreID == fixture.cityCentre.id)
        #expect(proposal.participantUnitIDs == [fixture.qingshanOffice.id, fixture.baiyunOffice.id])
        #expect(proposal.reason.contains("跨区域"))
        #expect(proposal.reason.contains("江州市社会治理中心"))
    }

    @Test("when the units contest the lead, the designating centre names it and the others participate")
    func contestedLeadIsDesignated() throws {
        let proposal = try propose("labour.injury", [fixture.qingshanStreet])
        let designated = try proposal.designatingLead(
            fixture.police.id, by: fixture.qingshanCentre.id, units: fixture.units)
        #expect(designated.responsibleUnitID == fixture.police.id)
        #expect(designated.participantUnitIDs == [fixture.labourBureau.id])
        #expect(designated.basis == .designated)
        #expect(designated.reason.contains("由青山区社会治理中心指定青山公安分局为牵头单位"))
        #expect(throws: PinganError.self) {
            try proposal.designatingLead(fixture.police.id, by: fixture.cityCentre.id, units: fixture.units)
        }
        #expect(
            CaseRouter.designatingCentre(
                for: [fixture.qingshanStreet, fixture.baiyunStreet], units: fixture.units, regionTree: fixture.regions)
                == fixture.cityCentre)
    }

    @Test("when no rule matches, the centre of the region takes the case with the reason 'no rule matched'")
    func noMatchFallsBackToCentre() throws {
        let table = RoutingTable(version: 1, rules: [fixture.table.rules[1]])
        let proposal = try propose("env.noise", [fixture.baiyunStreet], table: table)
        #expect(proposal.basis == .noRuleMatched)
        #expect(proposal.responsibleUnitID == fixture.baiyunCentre.id)
        #expect(proposal.ruleIndex == nil)
        #expect(proposal.reason.contains("no rule matched"))
        #expect(proposal.reason.contains("白云区社会治理中心"))
    }

    @Test("a routing table with a duplicate pair, an unknown unit and an unknown region names each field")
    func tableValidationNamesFields() throws {
        var table = fixture.table
        table.rules.append(RoutingRule(category: .any, regionCode: "990102", responsible: .code("qs-police")))
        table.rules.append(
            RoutingRule(
                category: .any, regionCode: "990199", responsible: .code("nobody"), participants: [.code("qs-hrss")]))
        table.rules.append(
            RoutingRule(
                category: fixture.pattern("fire.*"), regionCode: "990102", responsible: .code("qs-police"),
                participants: [.code("qs-police")]))
        let error = #expect(throws: PinganError.self) {
            try table.validate(units: fixture.units, regions: fixture.regions)
        }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid, got \(String(describing: error))")
            return
        }
        let fields = violations.map(\.field)
        #expect(fields.contains("rules[5].category"))
        #expect(fields.contains("rules[6].region"))
        #expect(fields.contains("rules[6].responsible"))
        #expect(fields.contains("rules[7].participants[0]"))
        #expect(violations.first { $0.field == "rules[5].category" }?.rule == "duplicate")
        #expect(throws: Never.self) { try fixture.table.validate(units: fixture.units, regions: fixture.regions) }
    }

    @Test("a routing table loads from JSON, and a bad category pattern is reported at its field path")
    func tableLoadsFromJSON() throws {
        let json = """
            {"version": 2, "rules": [
              {"category": "*", "region": "990102", "responsible": "@territorial"},
              {"category": "labour.*", "region": "990102", "responsible": "qs-hrss", "participants": ["qs-police"]}
            ]}
            """
        let table = try RoutingTable.load(json: Data(json.utf8), units: fixture.units, regions: fixture.regions)
        #expect(table.rules.count == 2)
        #expect(table.rules[0].responsible == .territorial)
        let bad = json.replacingOccurrences(of: "labour.*", with: "Labour!")
        let error = #expect(throws: PinganError.self) {
            try RoutingTable.load(json: Data(bad.utf8), units: fixture.units, regions: fixture.regions)
        }
        #expect(error == .invalid([.init(field: "rules[1].category", rule: "format", detail: Self.detail(error))]))
    }

    static func detail(_ error: PinganError?) -> String {
        guard case .invalid(let violations) = error, let first = violations.first else { return "" }
        return first.detail
    }
}
