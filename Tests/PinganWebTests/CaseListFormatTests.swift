import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing

@testable import PinganWeb

/// The ledger list hands out stored records as they are (docs/ARCHITECTURE.md "The store"): each item must be exactly
/// the case as the API writes it elsewhere, including records stored in the earlier camelCase form.
@Suite("Ledger list items in the stored form")
struct CaseListFormatTests {
    @Test(arguments: TestEngine.available)
    func listItemsAreTheCasesAsTheAPIWritesThemWhateverFormTheyWereStoredIn(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            let token = try await harness.login("operator.zhou")
            for index in 1...4 {
                let created = try await harness.send(
                    .post, "/api/v1/cases", token: token,
                    json: """
                        {"kind":"dispute","category_code":"conflict.neighbour","region_code":"990102001001001",
                         "source":"hotline","title":"邻里噪音纠纷 \(index)","description":"楼上夜间噪音/装修,多次协商未果。",
                         "level":"level3","parties":[{"role":"applicant","name":"张三"}]}
                        """)
                #expect(created.status == .created)
            }
            let first = try await harness.send(.get, "/api/v1/cases?limit=3", token: token)
            #expect(first.status == .ok)
            #expect(first.headers[.contentType] == "application/json; charset=utf-8")
            let items = try #require(try first.json()["items"] as? [[String: Any]])
            #expect(items.count == 3)
            #expect(try first.json()["next_cursor"] is String)
            for item in items {
                let number = try #require(item["number"] as? String)
                let single = try await harness.send(.get, "/api/v1/cases/\(number)", token: token)
                let expected = try #require(try single.json()["case"] as? [String: Any])
                #expect(NSDictionary(dictionary: item) == NSDictionary(dictionary: expected), "\(number)")
            }

            // Store the first case in the earlier form (camelCase keys), as a database from before the change has it.
            let number = try #require(items[0]["number"] as? String)
            let record = try Self.decodeAPI(try JSONSerialization.data(withJSONObject: items[0]))
            let camel = try Self.camelCaseEncoder.encode(record)
            #expect(!String(decoding: camel, as: UTF8.self).contains("\"created_at\""))
            try await harness.env.provider.transaction { db in
                try await db.raw(
                    "UPDATE cases SET record = \(bind: String(decoding: camel, as: UTF8.self)) WHERE number = \(bind: number)"
                ).run()
            }
            let again = try await harness.send(.get, "/api/v1/cases?limit=3", token: token)
            let converted = try #require(try again.json()["items"] as? [[String: Any]])
            #expect(NSDictionary(dictionary: converted[0]) == NSDictionary(dictionary: items[0]))
            let single = try await harness.send(.get, "/api/v1/cases/\(number)", token: token)
            #expect(single.status == .ok)

            // The background rewrite puts it back in the current form, content unchanged.
            #expect(try await CaseService(harness.env).rewriteLegacyRecords() == 1)
            #expect(try await CaseService(harness.env).rewriteLegacyRecords() == 0)
            let rewritten = try await harness.send(.get, "/api/v1/cases?limit=3", token: token)
            let afterRewrite = try #require(try rewritten.json()["items"] as? [[String: Any]])
            #expect(NSDictionary(dictionary: afterRewrite[0]) == NSDictionary(dictionary: items[0]))

            // New records are stored in the API's form.
            let stored = try await harness.env.provider.read { db in
                try await db.raw("SELECT record FROM cases WHERE number <> \(bind: number) LIMIT 1").first()?
                    .decode(column: "record", as: String.self)
            }
            #expect(try #require(stored).contains("\"created_at\":"))
        }
    }

    /// Intake writes the stored record into its answer instead of encoding the case again: the answer must be what
    /// encoding one object with all its keys writes, byte for byte, with and without the optional parts.
    @Test func intakeAnswerIsTheObjectWithAllItsKeysByteForByte() async throws {
        struct Whole: Encodable {
            var allowedActions: [String]
            var `case`: Case
            var deadlineExplanation: String?
            var possibleDuplicates: [CasesController.DuplicateDTO]
            var routingProposal: RoutingController.ProposalDTO?
        }
        try await WebHarness.run { harness in
            let (principal, _) = try await AuthService(harness.env).authenticate(
                token: try await harness.login("operator.zhou"))
            let draft = CaseDraft(
                kind: .dispute, categoryCode: "conflict.neighbour", regionCode: "990102001001001", source: .hotline,
                title: "邻里噪音纠纷", description: "楼上夜间噪音/装修,\"多次\"协商未果。", hasParties: false)
            let intake = try await CaseService(harness.env).create(.init(draft: draft), by: principal)
            let duplicate = CasesController.DuplicateDTO(
                caseId: UUID(), number: "PA-2026-000009", score: 0.625, explanation: ["same category", "score 0.63"])
            let proposal = RoutingController.ProposalDTO(
                responsible: nil, participants: [], designatingCentre: nil, basis: "table", reason: "按路由表/默认",
                tableVersion: 3, effectiveRegionCode: "990102001")
            for (explanation, duplicates, routing) in [
                (intake.deadlineExplanation, [duplicate], proposal), (nil, [], nil),
                (String?("说明"), [CasesController.DuplicateDTO](), RoutingController.ProposalDTO?.none),
            ] {
                let actions = ["accept", "return"]
                let body = try CasesController.intakeBody(
                    intake, allowedActions: actions,
                    rest: .init(
                        deadlineExplanation: explanation, possibleDuplicates: duplicates, routingProposal: routing))
                let expected = try APIJSON.encoder.encode(
                    Whole(
                        allowedActions: actions, case: intake.record, deadlineExplanation: explanation,
                        possibleDuplicates: duplicates, routingProposal: routing))
                #expect(String(buffer: body) == String(decoding: expected, as: UTF8.self))
            }
        }
    }

    private static func decodeAPI(_ data: Data) throws -> Case {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return try #require(Timestamp.parse(text))
        }
        return try decoder.decode(Case.self, from: data)
    }

    private static let camelCaseEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Timestamp.format(date))
        }
        return encoder
    }()
}
