import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@Suite("Case ledger API")
struct CasesAPITests {
    static let dispute = #"""
        {"kind": "dispute", "category_code": "conflict.labour", "region_code": "990102002001001",
         "source": "grid", "title": "桃李苑工地拖欠农民工工资", "description": "约二十名工人反映工程款结算后仍未发放工资。",
         "level": "level3", "parties": [{"role": "applicant", "name": "张某某", "phone": "13800000000"}]}
        """#

    func create(_ harness: WebHarness, token: String, body: String = dispute) async throws -> [String: Any] {
        let response = try await harness.send(.post, "/api/v1/cases", token: token, json: body)
        try #require(response.status == .created, "intake answered \(response.status): \(response.text)")
        return try #require(try response.json()["case"] as? [String: Any])
    }

    func act(_ harness: WebHarness, _ number: String, token: String, _ json: String) async throws -> TestResponse {
        try await harness.send(.post, "/api/v1/cases/\(number)/actions", token: token, json: json)
    }

    @Test(arguments: TestEngine.available)
    func aDisputeGoesFromIntakeThroughTheUnitToClosure(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let grid = try await harness.login("gridworker.li")
            let created = try await create(harness, token: grid)
            let number = try #require(created["number"] as? String)
            #expect(number.hasPrefix("PA-2026-"))
            #expect(created["status"] as? String == "received")
            #expect(created["deadline"] as? String != nil)  // from the SLA policy

            let centre = try await harness.login("operator.zhou")
            let assigned = try await act(
                harness, number, token: centre,
                #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地街道"}"#)
            #expect(assigned.status == .ok)

            let handler = try await harness.login("handler.guanyuan")
            let accepted = try await act(harness, number, token: handler, #"{"action": "accept", "version": 2}"#)
            #expect((try accepted.json()["case"] as? [String: Any])?["status"] as? String == "in_progress")
            let resolved = try await act(
                harness, number, token: handler,
                #"{"action": "resolve", "version": 3, "channel": "people_mediation", "result": "经人民调解，工资已全额发放。"}"#)
            #expect(resolved.status == .ok)
            let closed = try await act(
                harness, number, token: centre, #"{"action": "close", "version": 4, "feedback": "satisfied"}"#)
            #expect((try closed.json()["case"] as? [String: Any])?["status"] as? String == "closed")

            let events = try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre)
            let types = try #require(try events.json()["items"] as? [[String: Any]]).compactMap {
                $0["type"] as? String
            }
            #expect(types.first == "created")
            #expect(types.count >= 5)
        }
    }

    @Test func anIllegalTransitionAnswers409WithTheAllowedActions() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let number = try #require(try await create(harness, token: centre)["number"] as? String)
            let response = try await act(
                harness, number, token: centre, #"{"action": "close", "version": 1, "feedback": "satisfied"}"#)
            #expect(response.status == .conflict)
            let allowed = try #require(try response.json()["allowed"] as? [String])
            #expect(allowed.contains("assign"))
            #expect(!allowed.contains("close"))
        }
    }

    @Test func aStaleVersionAnswers409AndChangesNothing() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let number = try #require(try await create(harness, token: centre)["number"] as? String)
            let stale = try await act(
                harness, number, token: centre,
                #"{"action": "assign", "version": 7, "unit_code": "qs-police", "reason": "x"}"#)
            #expect(stale.status == .conflict)
            #expect(try stale.violations() == ["version:unique"] || stale.text.contains("version"))
            let current = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            #expect((try current.json()["case"] as? [String: Any])?["version"] as? Int == 1)
        }
    }

    @Test func aHandlerOfAnotherUnitSeesNeitherTheCaseNorItsParties() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let number = try #require(try await create(harness, token: centre)["number"] as? String)
            _ = try await act(
                harness, number, token: centre,
                #"{"action": "assign", "version": 1, "unit_code": "qs-st-guanyuan", "reason": "属地"}"#)

            let police = try await harness.login("handler.police")
            #expect(try await harness.send(.get, "/api/v1/cases/\(number)", token: police).status == .notFound)
            #expect(try await harness.send(.get, "/api/v1/cases/\(number)/parties", token: police).status == .notFound)
            let list = try await harness.send(.get, "/api/v1/cases", token: police)
            #expect((try list.json()["items"] as? [[String: Any]])?.isEmpty == true)

            let handler = try await harness.login("handler.guanyuan")
            let parties = try await harness.send(.get, "/api/v1/cases/\(number)/parties", token: handler)
            let items = try #require(try parties.json()["items"] as? [[String: Any]])
            #expect(items.first?["name"] as? String == "张某某")
            let reads = try await AuditService(harness.env).entries(.init(action: "party.read"), by: .system("t"))
            #expect(reads.count == 1)
            #expect(reads.first?.actor == "handler.guanyuan")
            #expect(reads.allSatisfy { !$0.change.contains("张某某") })
        }
    }

    @Test func partiesAreEncryptedAtRest() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            _ = try await create(harness, token: centre)
            let stored = try await harness.env.provider.read { db in
                try await db.raw("SELECT sealed FROM case_parties").first()?.decode(column: "sealed", as: String.self)
            }
            let sealed = try #require(stored)
            #expect(sealed.hasPrefix("v1:"))
            #expect(!sealed.contains("张某某") && !sealed.contains("13800000000"))
        }
    }

    @Test func badIntakeNamesEveryFieldAndWritesNothing() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let unknownEnum = try await harness.send(
                .post, "/api/v1/cases", token: centre,
                json:
                    #"{"kind": "riot", "category_code": "x", "region_code": "1", "source": "grid", "title": "t", "description": ""}"#
            )
            #expect(unknownEnum.status == .badRequest)
            #expect(try unknownEnum.violations().first?.hasPrefix("kind:") == true)

            let bad = try await harness.send(
                .post, "/api/v1/cases", token: centre,
                json: #"""
                    {"kind": "hazard", "category_code": "no.such", "region_code": "990199", "source": "grid",
                     "title": "", "description": "d", "level": "red", "deadline": "2020-01-01T00:00:00+08:00"}
                    """#)
            #expect(bad.status == .unprocessableContent)
            let fields = Set(try bad.violations().map { String($0.split(separator: ":")[0]) })
            #expect(fields.isSuperset(of: ["title", "level", "deadline"]))
            let count = try await harness.env.provider.read { db in try await CaseRepository(db).count() }
            #expect(count == 0)
        }
    }

    @Test func theLedgerFiltersAndPagesWithACursor() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            for index in 0..<5 {
                _ = try await create(
                    harness, token: centre,
                    body: Self.dispute.replacingOccurrences(of: "桃李苑工地", with: "第\(index)号工地"))
                harness.clock.advance(by: 60)
            }
            _ = try await create(
                harness, token: centre,
                body: #"""
                    {"kind": "hazard", "category_code": "safety.gas", "region_code": "990102001", "source": "hotline",
                     "title": "燃气管道异味", "description": "居民反映楼道有燃气味。"}
                    """#)
            let page1 = try await harness.send(.get, "/api/v1/cases?kind=dispute&limit=2", token: centre)
            let json1 = try page1.json()
            #expect((json1["items"] as? [[String: Any]])?.count == 2)
            let cursor = try #require(json1["next_cursor"] as? String)
            let page2 = try await harness.send(
                .get, "/api/v1/cases?kind=dispute&limit=2&cursor=\(cursor)", token: centre)
            let json2 = try page2.json()
            #expect((json2["items"] as? [[String: Any]])?.count == 2)
            let page3 = try await harness.send(
                .get, "/api/v1/cases?kind=dispute&limit=2&cursor=\(try #require(json2["next_cursor"] as? String))",
                token: centre)
            #expect((try page3.json()["items"] as? [[String: Any]])?.count == 1)
            #expect(try page3.json()["next_cursor"] == nil || (try page3.json()["next_cursor"] is NSNull))

            let gas = try await harness.send(.get, "/api/v1/cases?category=safety.*&region=990102001", token: centre)
            #expect((try gas.json()["items"] as? [[String: Any]])?.count == 1)
            let bad = try await harness.send(.get, "/api/v1/cases?status=open&sort=random", token: centre)
            #expect(Set(try bad.violations()) == ["status:unknown_value", "sort:unknown_value"])
        }
    }

    @Test(arguments: TestEngine.available)
    func onlyCasesInTheNeighbourhoodAreSuggested(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let centre = try await harness.login("operator.zhou")
            let elsewhere = Self.dispute.replacingOccurrences(of: "990102002001001", with: "990102001001001")
            let sibling = Self.dispute.replacingOccurrences(of: "990102002001001", with: "990102002001002")
            let far = try #require(try await create(harness, token: centre, body: elsewhere)["number"] as? String)
            let near = try #require(try await create(harness, token: centre, body: sibling)["number"] as? String)
            let same = try #require(try await create(harness, token: centre)["number"] as? String)
            let response = try await harness.send(.post, "/api/v1/cases", token: centre, json: Self.dispute)
            let suggested = try #require(try response.json()["possible_duplicates"] as? [[String: Any]])
            #expect(suggested.compactMap { $0["number"] as? String } == [same, near])
            #expect(!suggested.contains { $0["number"] as? String == far })
        }
    }

    @Test func intakeSuggestsRecentSimilarCasesAsPossibleDuplicates() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let first = try #require(try await create(harness, token: centre)["number"] as? String)
            let response = try await harness.send(.post, "/api/v1/cases", token: centre, json: Self.dispute)
            let suggestions = try #require(try response.json()["possible_duplicates"] as? [[String: Any]])
            #expect(suggestions.first?["number"] as? String == first)
            // The answer carries the case as GET shows it, and where to find it.
            let created = try #require(try response.json()["case"] as? [String: Any])
            let number = try #require(created["number"] as? String)
            #expect(response.headers[.location] == "/api/v1/cases/\(number)")
            let shown = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            let expected = try #require(try shown.json()["case"] as? [String: Any])
            #expect(NSDictionary(dictionary: created) == NSDictionary(dictionary: expected))
        }
    }
}

@Suite("Merging cases")
struct MergeTests {
    @Test func mergingKeepsBothTimelinesAndLeavesOneCaseToWork() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let api = CasesAPITests()
            let first = try #require(try await api.create(harness, token: centre)["number"] as? String)
            let second = try #require(try await api.create(harness, token: centre)["number"] as? String)

            let stale = try await harness.send(
                .post, "/api/v1/cases/\(second)/merge", token: centre,
                json: #"{"into": "\#(first)", "reason": "同一事项", "version": 1, "into_version": 9}"#)
            #expect(stale.status == .conflict)

            let merged = try await harness.send(
                .post, "/api/v1/cases/\(second)/merge", token: centre,
                json: #"{"into": "\#(first)", "reason": "同一事项重复反映", "version": 1, "into_version": 1}"#)
            #expect(merged.status == .ok)
            let json = try merged.json()
            #expect((json["merged"] as? [String: Any])?["status"] as? String == "merged")
            #expect((json["into"] as? [String: Any])?["status"] as? String == "received")

            let events = try await harness.send(.get, "/api/v1/cases/\(first)/events", token: centre).json()
            let types = (events["items"] as? [[String: Any]] ?? []).compactMap { $0["type"] as? String }
            #expect(types.contains("merged_from"))
            let handler = try await harness.login("handler.police")
            let forbidden = try await harness.send(
                .post, "/api/v1/cases/\(first)/merge", token: handler,
                json: #"{"into": "\#(second)", "reason": "x", "version": 2, "into_version": 2}"#)
            #expect(forbidden.status == .unprocessableContent || forbidden.status == .forbidden)
        }
    }
}
