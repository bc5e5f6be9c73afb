import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganServices
import PinganTestSupport
import Testing

@Suite("Routing API")
struct RoutingAPITests {
    @Test func intakeShowsTheRoutersProposalWithItsReason() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let created = try await harness.send(
                .post, "/api/v1/cases", token: centre,
                json: #"""
                    {"kind": "dispute", "category_code": "conflict.labour", "region_code": "990102002001003",
                     "source": "hotline", "title": "讨薪", "description": "工人讨要工资"}
                    """#)
            let proposal = try #require(try created.json()["routing_proposal"] as? [String: Any])
            #expect((proposal["responsible"] as? [String: Any])?["code"] as? String == "qs-st-guanyuan")
            #expect((proposal["participants"] as? [[String: Any]])?.compactMap { $0["code"] as? String } == ["qs-hrss"])
            #expect((proposal["reason"] as? String)?.isEmpty == false)
        }
    }

    @Test func aCaseAcrossStreetsGoesToTheDistrict() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let response = try await harness.send(
                .post, "/api/v1/routing/proposals", token: centre,
                json: #"{"category_code": "conflict.neighbour", "region_codes": ["990102001001", "990102002001"]}"#)
            #expect(response.status == .ok)
            let proposal = try response.json()
            #expect(proposal["effective_region_code"] as? String == "990102")
            #expect((proposal["reason"] as? String)?.contains("跨街道") == true)
        }
    }

    @Test func onlyAdminsReplaceTheTableAndBadRulesAreNamed() async throws {
        try await WebHarness.run { harness in
            let handler = try await harness.login("handler.police")
            let rules = #"{"version": 1, "rules": [{"category": "*", "region": "990102", "responsible": "qs-police"}]}"#
            #expect(
                try await harness.send(.put, "/api/v1/policies/routing", token: handler, json: rules).status
                    == .forbidden)

            let admin = try await harness.login("admin")
            let bad = try await harness.send(
                .put, "/api/v1/policies/routing", token: admin,
                json: #"{"version": 1, "rules": [{"category": "*", "region": "990199", "responsible": "qs-nowhere"}]}"#)
            #expect(bad.status == .unprocessableContent)
            let fields = Set(try bad.violations().map { String($0.split(separator: ":")[0]) })
            #expect(fields.isSuperset(of: ["rules[0].region"]))

            let replaced = try await harness.send(.put, "/api/v1/policies/routing", token: admin, json: rules)
            #expect(replaced.status == .ok)
            #expect((try replaced.json()["table"] as? [String: Any])?["version"] as? Int == 2)
            let proposal = try await harness.send(
                .post, "/api/v1/routing/proposals", token: admin,
                json: #"{"category_code": "conflict.labour", "region_codes": ["990102002"]}"#)
            #expect((try proposal.json()["responsible"] as? [String: Any])?["code"] as? String == "qs-police")
        }
    }
}
