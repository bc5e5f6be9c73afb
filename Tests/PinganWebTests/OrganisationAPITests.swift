import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Organisation API")
struct OrganisationAPITests {
    func auditCount(_ harness: WebHarness) async throws -> Int {
        try await AuditService(harness.env).verify().checked
    }

    @Test(arguments: TestEngine.available)
    func anAdminCreatesARegionUnitAndUserEachAudited(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let admin = try await harness.login("admin")
            let before = try await auditCount(harness)

            let region = try await harness.send(
                .post, "/api/v1/regions", token: admin,
                json: #"{"code": "990102004", "name": "新城街道", "level": "street", "parent_code": "990102"}"#)
            #expect(region.status == .created)
            #expect(region.headers[.location] == "/api/v1/regions/990102004")
            #expect(try region.json()["path"] as? String == "990100/990102/990102004")

            let unit = try await harness.send(
                .post, "/api/v1/units", token: admin,
                json: #"""
                    {"code": "qs-st-xincheng", "name": "新城街道办事处", "kind": "street_office",
                     "region_code": "990102004", "parent_code": "qs-centre", "aliases": ["新城街道"]}
                    """#)
            #expect(unit.status == .created)

            let user = try await harness.send(
                .post, "/api/v1/users", token: admin,
                json: #"""
                    {"username": "handler.xincheng", "display_name": "钱多多", "roles": ["handler"],
                     "unit_code": "qs-st-xincheng"}
                    """#)
            #expect(user.status == .created)
            let generated = try #require(try user.json()["generated_password"] as? String)
            _ = try await harness.login("handler.xincheng", password: generated)

            #expect(try await auditCount(harness) == before + 4)
        }
    }

    @Test func eachBadReferenceGetsItsOwnMessageAndNothingIsWritten() async throws {
        try await WebHarness.run { harness in
            let admin = try await harness.login("admin")
            let before = try await auditCount(harness)

            let orphan = try await harness.send(
                .post, "/api/v1/regions", token: admin,
                json: #"{"code": "990199001", "name": "无主街道", "level": "street", "parent_code": "990199"}"#)
            #expect(orphan.status == .unprocessableContent)
            #expect(try orphan.violations() == ["parent_code:not_found"])

            let duplicate = try await harness.send(
                .post, "/api/v1/regions", token: admin,
                json: #"{"code": "990102001", "name": "重复街道", "level": "street", "parent_code": "990102"}"#)
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.violations() == ["code:unique"])

            let badRole = try await harness.send(
                .post, "/api/v1/users", token: admin,
                json: #"""
                    {"username": "someone", "display_name": "某人", "roles": ["handler", "superuser"],
                     "unit_code": "qs-police"}
                    """#)
            #expect(badRole.status == .unprocessableContent)
            #expect(try badRole.violations() == ["roles[1]:unknown_value"])
            #expect(
                try badRole.json()["detail"] as? String ?? "" == "roles[1]: unknown role 'superuser'; allowed: "
                    + "admin, operator, handler, grid_worker, leader, analyst, assessor")

            let noUnit = try await harness.send(
                .post, "/api/v1/users", token: admin,
                json: #"""
                    {"username": "someone", "display_name": "某人", "roles": ["handler"], "unit_code": "qs-nowhere"}
                    """#)
            #expect(noUnit.status == .unprocessableContent)
            #expect(try noUnit.violations() == ["unit_code:not_found"])

            let badLevel = try await harness.send(
                .post, "/api/v1/units", token: admin,
                json: #"{"code": "X", "name": "", "kind": "ministry", "region_code": "000000"}"#)
            #expect(
                Set(try badLevel.violations())
                    == ["code:format", "name:length", "kind:unknown_value", "region_code:not_found"])

            #expect(try await auditCount(harness) == before)
        }
    }

    @Test func aHandlerCannotReadAnotherUnitsDataNorChangeTheOrganisation() async throws {
        try await WebHarness.run { harness in
            let handler = try await harness.login("handler.police")

            let own = try await harness.send(.get, "/api/v1/units/qs-police", token: handler)
            #expect(own.status == .ok)
            let other = try await harness.send(.get, "/api/v1/units/qs-st-guanyuan", token: handler)
            #expect(other.status == .notFound)
            let otherUser = try await harness.send(.get, "/api/v1/users/handler.guanyuan", token: handler)
            #expect(otherUser.status == .notFound)

            let units = try #require(
                try await harness.send(.get, "/api/v1/units", token: handler).json()["items"]
                    as? [[String: Any]])
            #expect(units.compactMap { $0["code"] as? String } == ["qs-police"])
            let users = try #require(
                try await harness.send(.get, "/api/v1/users", token: handler).json()["items"]
                    as? [[String: Any]])
            #expect(users.compactMap { $0["username"] as? String } == ["handler.police"])

            let create = try await harness.send(
                .post, "/api/v1/regions", token: handler,
                json: #"{"code": "990102004", "name": "新城街道", "level": "street", "parent_code": "990102"}"#)
            #expect(create.status == .forbidden)
            #expect(try await harness.send(.get, "/api/v1/audit", token: handler).status == .forbidden)
        }
    }

    @Test func aStreetOperatorSeesItsStreetAndAnAdminSeesAll() async throws {
        try await WebHarness.run { harness in
            let operatorToken = try await harness.login("operator.zhou")
            let units = try #require(
                try await harness.send(.get, "/api/v1/units", token: operatorToken).json()["items"] as? [[String: Any]])
            #expect(units.count == 12)  // the district subtree: every unit but the city centre above it
            let leaders = try #require(
                units.first { $0["code"] as? String == "qs-st-guanyuan" }?["leaders"]
                    as? [String: String])
            #expect(leaders["deputy"] == "leader.guanyuan.deputy")
        }
    }

    @Test func disablingAUserRevokesItsTokensAndResetClearsALock() async throws {
        try await WebHarness.run { harness in
            let admin = try await harness.login("admin")
            let analyst = try await harness.login("analyst.chen")
            let disable = try await harness.send(.post, "/api/v1/users/analyst.chen/disable", token: admin)
            #expect(disable.status == .ok)
            #expect(try await harness.send(.get, "/api/v1/me", token: analyst).status == .unauthorized)

            let enable = try await harness.send(.post, "/api/v1/users/analyst.chen/enable", token: admin)
            #expect(enable.status == .ok)
            let reset = try await harness.send(
                .post, "/api/v1/users/analyst.chen/reset-password", token: admin,
                json: #"{"password": "a brand new password"}"#)
            #expect(reset.status == .ok)
            _ = try await harness.login("analyst.chen", password: "a brand new password")
        }
    }

    @Test func theAuditLogIsReadableByAdminsWithFiltersAndACursor() async throws {
        try await WebHarness.run { harness in
            let admin = try await harness.login("admin")
            let page = try await harness.send(
                .get, "/api/v1/audit?object_type=unit&action=unit.create&limit=5", token: admin)
            #expect(page.status == .ok)
            let json = try page.json()
            let items = try #require(json["items"] as? [[String: Any]])
            #expect(items.count == 5)
            #expect(items.allSatisfy { $0["action"] as? String == "unit.create" })
            let cursor = try #require(json["next_cursor"] as? String)
            let next = try await harness.send(
                .get, "/api/v1/audit?object_type=unit&action=unit.create&limit=5&cursor=\(cursor)", token: admin)
            let nextItems = try #require(try next.json()["items"] as? [[String: Any]])
            #expect(nextItems.count == 5)

            let bad = try await harness.send(.get, "/api/v1/audit?since=yesterday&limit=0", token: admin)
            #expect(Set(try bad.violations()) == ["since:format", "limit:range"])

            let verify = try await harness.send(.get, "/api/v1/audit/verify", token: admin)
            #expect(try verify.json()["intact"] as? Bool == true)
        }
    }
}
