import Foundation
import Testing

@testable import PinganCore

@Suite("Access rules")
struct AccessTests {
    let police = UUID()
    let street = UUID()

    func principal(_ roles: Set<Role>, unit: UUID, path: String) -> Principal {
        Principal(userID: UUID(), username: "u", roles: roles, unitID: unit, regionPath: path)
    }

    @Test func aHandlerSeesItsOwnUnitOnly() {
        let handler = principal([.handler], unit: police, path: "990100/990102")
        #expect(AccessPolicy.canSee(unitID: police, regionPath: "990100/990102", by: handler))
        #expect(!AccessPolicy.canSee(unitID: street, regionPath: "990100/990102/990102002", by: handler))
    }

    @Test func anOperatorSeesItsRegionSubtreeButNothingAbove() {
        let streetOperator = principal([.operator], unit: street, path: "990100/990102/990102002")
        #expect(
            AccessPolicy.canSee(unitID: UUID(), regionPath: "990100/990102/990102002/990102002001", by: streetOperator))
        #expect(!AccessPolicy.canSee(unitID: police, regionPath: "990100/990102", by: streetOperator))
    }

    @Test func onlyAdminsManageTheOrganisationAndReadTheAuditLog() {
        let admin = principal([.admin], unit: police, path: "990100")
        let leader = principal([.leader, .operator], unit: police, path: "990100")
        #expect(AccessPolicy.canManageOrganisation(admin) && AccessPolicy.canReadAudit(admin))
        #expect(!AccessPolicy.canManageOrganisation(leader) && !AccessPolicy.canReadAudit(leader))
    }

    @Test func anUnknownRoleIsRejectedWithTheAllowedOnesListed() {
        #expect(
            throws: PinganError.invalid([
                FieldViolation(
                    field: "roles[1]", rule: "unknown_value",
                    detail:
                        "unknown role 'boss'; allowed: admin, operator, handler, grid_worker, leader, analyst, assessor"
                )
            ])
        ) {
            try User.validate(username: "zhang.san", displayName: "张三", roles: ["handler", "boss"], password: nil)
        }
    }

    @Test func userValidationReportsEveryFieldAtOnce() {
        do {
            _ = try User.validate(username: "A", displayName: "", roles: [], password: "short")
            Issue.record("expected an error")
        } catch {
            guard case .invalid(let violations) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(violations.map(\.field) == ["username", "display_name", "roles", "password"])
        }
    }
}
