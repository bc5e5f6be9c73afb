import Foundation
import PinganCore

/// A small city for routing and escalation tests: 江州市 with two districts, three streets, a community and a grid,
/// the centres at each level, street offices with their leaders, and three district departments.
struct RoutingFixture {
    let city = Region(code: "990100", name: "江州市", level: .city, parentCode: nil, path: "990100")
    let qingshan = Region(
        code: "990102", name: "青山区", level: .district, parentCode: "990100", path: "990100/990102")
    let baiyun = Region(code: "990103", name: "白云区", level: .district, parentCode: "990100", path: "990100/990103")
    let qingshanStreet = Region(
        code: "990102001", name: "青山街道", level: .street, parentCode: "990102", path: "990100/990102/990102001")
    let mingdeStreet = Region(
        code: "990102002", name: "明德街道", level: .street, parentCode: "990102", path: "990100/990102/990102002")
    let baiyunStreet = Region(
        code: "990103001", name: "白云街道", level: .street, parentCode: "990103", path: "990100/990103/990103001")
    let community = Region(
        code: "990102001002", name: "明德社区", level: .community, parentCode: "990102001",
        path: "990100/990102/990102001/990102001002")
    let grid = Region(
        code: "990102001002001", name: "第一网格", level: .grid, parentCode: "990102001002",
        path: "990100/990102/990102001/990102001002/990102001002001")

    let cityCentre: OrgUnit
    let qingshanCentre: OrgUnit
    let baiyunCentre: OrgUnit
    let qingshanOffice: OrgUnit
    let mingdeOffice: OrgUnit
    let baiyunOffice: OrgUnit
    let labourBureau: OrgUnit
    let police: OrgUnit
    let housingBureau: OrgUnit

    let deputy = UUID()
    let governmentPrincipal = UUID()
    let partyPrincipal = UUID()

    init() {
        cityCentre = OrgUnit(id: UUID(), code: "jz-centre", name: "江州市社会治理中心", kind: .centre, regionCode: "990100")
        qingshanCentre = OrgUnit(
            id: UUID(), code: "qs-centre", name: "青山区社会治理中心", kind: .centre, regionCode: "990102",
            parentID: cityCentre.id)
        baiyunCentre = OrgUnit(
            id: UUID(), code: "by-centre", name: "白云区社会治理中心", kind: .centre, regionCode: "990103",
            parentID: cityCentre.id)
        qingshanOffice = OrgUnit(
            id: UUID(), code: "qs-street", name: "青山街道办事处", kind: .streetOffice, regionCode: "990102001",
            parentID: qingshanCentre.id,
            leaders: [.deputy: deputy, .governmentPrincipal: governmentPrincipal, .partyPrincipal: partyPrincipal])
        mingdeOffice = OrgUnit(
            id: UUID(), code: "md-street", name: "明德街道办事处", kind: .streetOffice, regionCode: "990102002",
            parentID: qingshanCentre.id)
        baiyunOffice = OrgUnit(
            id: UUID(), code: "by-street", name: "白云街道办事处", kind: .streetOffice, regionCode: "990103001",
            parentID: baiyunCentre.id)
        labourBureau = OrgUnit(
            id: UUID(), code: "qs-hrss", name: "青山区人社局", kind: .department, regionCode: "990102",
            parentID: qingshanCentre.id)
        police = OrgUnit(
            id: UUID(), code: "qs-police", name: "青山公安分局", kind: .department, regionCode: "990102",
            parentID: qingshanCentre.id)
        housingBureau = OrgUnit(
            id: UUID(), code: "qs-housing", name: "青山区住建局", kind: .department, regionCode: "990102",
            parentID: qingshanCentre.id)
    }

    var regions: [Region] { [city, qingshan, baiyun, qingshanStreet, mingdeStreet, baiyunStreet, community, grid] }

    var units: [OrgUnit] {
        [
            cityCentre, qingshanCentre, baiyunCentre, qingshanOffice, mingdeOffice, baiyunOffice, labourBureau, police,
            housingBureau,
        ]
    }

    /// Rules: everything in 青山区 is territorial; labour matters go to the labour bureau with the police; wage
    /// arrears exactly to the labour bureau; property management in 青山街道 to the housing bureau; everything in
    /// 白云区 is territorial.
    var table: RoutingTable {
        RoutingTable(
            version: 7,
            rules: [
                RoutingRule(category: .any, regionCode: "990102", responsible: .territorial),
                RoutingRule(
                    category: pattern("labour.*"), regionCode: "990102", responsible: .code("qs-hrss"),
                    participants: [.code("qs-police")]),
                RoutingRule(category: pattern("labour.wage"), regionCode: "990102", responsible: .code("qs-hrss")),
                RoutingRule(
                    category: pattern("housing.property"), regionCode: "990102001", responsible: .code("qs-housing")),
                RoutingRule(category: .any, regionCode: "990103", responsible: .territorial),
            ])
    }

    func pattern(_ text: String) -> CategoryPattern {
        CategoryPattern(text) ?? .any
    }
}

/// Beijing time, for readable test instants: `beijing("2026-02-12T10:00")`.
func beijing(_ text: String) -> Date {
    Timestamp.parse(text + ":00+08:00") ?? .distantPast
}
