import Testing

@testable import PinganCore

@Suite("Region tree")
struct RegionTests {
    let city = try! Region.make(code: "990100", name: "江州市", level: .city, parent: nil)

    @Test func aChildCodeExtendsItsParentsCodeBelowDistrictLevel() throws {
        let district = try Region.make(code: "990102", name: "青山区", level: .district, parent: city)
        let street = try Region.make(code: "990102001", name: "青山街道", level: .street, parent: district)
        let community = try Region.make(code: "990102001002", name: "明德社区", level: .community, parent: street)

        #expect(community.path == "990100/990102/990102001/990102001002")
        #expect(district.contains(community))
        #expect(!street.contains(district))
        #expect(street.contains(street))
    }

    @Test func aStreetCodeThatDoesNotExtendItsDistrictIsRejectedNamingTheField() throws {
        let district = try Region.make(code: "990102", name: "青山区", level: .district, parent: city)
        #expect(
            throws: PinganError.invalid([
                FieldViolation(
                    field: "code", rule: "format",
                    detail: "a street code is its parent's code 990102 followed by 3 digits")
            ])
        ) {
            try Region.make(code: "990103001", name: "错位街道", level: .street, parent: district)
        }
    }

    @Test func everyBrokenRuleIsReportedAtOnce() {
        do {
            _ = try Region.make(code: "12ab", name: " ", level: .community, parent: city)
            Issue.record("expected an error")
        } catch {
            guard case .invalid(let violations) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(Set(violations.map(\.field)) == ["name", "code", "level"])
        }
    }

    @Test func onlyACityOrDistrictMayBeARoot() {
        #expect(throws: PinganError.self) {
            try Region.make(code: "990102001", name: "孤街", level: .street, parent: nil)
        }
    }

    @Test func aSubtreeTestDoesNotConfuseSiblingsThatSharePrefixes() {
        let scope = "990100/990102/990102001"
        #expect(AccessPolicy.isWithin("990100/990102/990102001/990102001001", scope: scope))
        #expect(!AccessPolicy.isWithin("990100/990102/9901020011", scope: scope))
        #expect(!AccessPolicy.isWithin("990100/990102", scope: scope))
    }
}
