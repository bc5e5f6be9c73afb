import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import Testing

@Suite("Ledger CSV export")
struct LedgerExportTests {
    static let hazard = #"""
        {"kind": "hazard", "category_code": "safety.gas", "region_code": "990102001", "source": "hotline",
         "title": "燃气管道异味", "description": "居民反映楼道有燃气味。"}
        """#

    func create(_ harness: WebHarness, token: String, _ body: String) async throws -> String {
        let response = try await harness.send(.post, "/api/v1/cases", token: token, json: body)
        try #require(response.status == .created, "intake answered \(response.status): \(response.text)")
        return try #require((try response.json()["case"] as? [String: Any])?["number"] as? String)
    }

    func assign(_ harness: WebHarness, _ number: String, to unit: String, token: String) async throws {
        let response = try await harness.send(
            .post, "/api/v1/cases/\(number)/actions", token: token,
            json: #"{"action": "assign", "version": 1, "unit_code": "\#(unit)", "reason": "属地"}"#)
        try #require(response.status == .ok, "assign answered \(response.status): \(response.text)")
    }

    /// The export's rows (header first), parsed as RFC 4180, after checking and removing the byte-order mark.
    func rows(_ response: TestResponse) throws -> [[String]] {
        let bytes = Array(response.body.readableBytesView)
        try #require(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "no UTF-8 byte-order mark")
        return try CSVReader.rows(String(decoding: bytes.dropFirst(3), as: UTF8.self))
    }

    @Test(arguments: TestEngine.available)
    func aHandlerExportsOnlyItsUnitsCases(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            // setup
            let centre = try await harness.login("operator.zhou")
            let ours = try await create(harness, token: centre, CasesAPITests.dispute)
            let theirs = try await create(harness, token: centre, Self.hazard)
            try await assign(harness, ours, to: "qs-st-guanyuan", token: centre)
            try await assign(harness, theirs, to: "qs-police", token: centre)
            // act
            let handler = try await harness.login("handler.guanyuan")
            let response = try await harness.send(.get, "/api/v1/cases.csv", token: handler)
            // verify
            #expect(response.status == .ok)
            let numbers = try rows(response).dropFirst().map { $0[0] }
            #expect(numbers == [ours])
            let all = try rows(try await harness.send(.get, "/api/v1/cases.csv", token: centre)).dropFirst()
            #expect(Set(all.map { $0[0] }) == [ours, theirs])
        }
    }

    @Test func theFileIsUTF8WithABOMAHeaderRowAndAnAttachmentNameAndNoPartyData() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let number = try await create(harness, token: centre, CasesAPITests.dispute)
            let response = try await harness.send(.get, "/api/v1/cases.csv", token: centre)
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let disposition = try #require(response.headers[.contentDisposition])
            #expect(disposition.wholeMatch(of: #/attachment; filename="ledger-20\d{6}\.csv"/#) != nil, "\(disposition)")
            let rows = try rows(response)
            #expect(rows.first?.first == "案件编号 (number)")
            #expect(rows.first?.contains("有当事人 (has_parties)") == true)
            #expect(rows.allSatisfy { $0.count == rows[0].count })
            let row = try #require(rows.last)
            #expect(row[0] == number)
            #expect(row.contains("矛盾纠纷") && row.contains("三级") && row.contains("已受理"))
            #expect(row[rows[0].firstIndex(of: "有当事人 (has_parties)") ?? 0] == "是")
            // The parties (张某某, 13800000000) are personal data and never exported (BRIEF §6).
            #expect(!response.text.contains("张某某") && !response.text.contains("13800000000"))
            #expect(response.text.hasSuffix("\r\n"))
        }
    }

    @Test func fieldsWithQuotesCommasAndLineBreaksAreQuotedAndFormulasDefused() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let title = #"=HYPERLINK("http://x","点我"), 他说"马上发""#
            let description = "第一行,逗号\r\n第二行 \"引号\"\n第三行"
            let body = try JSONSerialization.data(
                withJSONObject: [
                    "kind": "request", "category_code": "safety.gas", "region_code": "990102001", "source": "online",
                    "title": title, "description": description,
                ])
            _ = try await create(harness, token: centre, String(decoding: body, as: UTF8.self))
            let response = try await harness.send(.get, "/api/v1/cases.csv", token: centre)
            let rows = try rows(response)
            let header = try #require(rows.first)
            let row = try #require(rows.last)
            let titleColumn = try #require(header.firstIndex(of: "标题 (title)"))
            let descriptionColumn = try #require(header.firstIndex(of: "描述 (description)"))
            #expect(row[titleColumn] == "'" + title)
            #expect(row[descriptionColumn] == description)
            #expect(response.text.contains(#""第一行,逗号"#))
        }
    }

    @Test func theExportTakesTheListsFiltersAndRefusesBadOnes() async throws {
        try await WebHarness.run { harness in
            let centre = try await harness.login("operator.zhou")
            let dispute = try await create(harness, token: centre, CasesAPITests.dispute)
            harness.clock.advance(by: 60)
            let hazard = try await create(harness, token: centre, Self.hazard)
            try await assign(harness, hazard, to: "qs-police", token: centre)

            func numbers(_ query: String) async throws -> [String] {
                let response = try await harness.send(.get, "/api/v1/cases.csv?\(query)", token: centre)
                try #require(response.status == .ok, "\(query): \(response.text)")
                return try rows(response).dropFirst().map { $0[0] }
            }
            #expect(try await numbers("kind=hazard") == [hazard])
            #expect(try await numbers("kind=dispute,hazard&sort=oldest") == [dispute, hazard])
            #expect(try await numbers("status=assigned") == [hazard])
            #expect(try await numbers("unit=qs-police") == [hazard])
            #expect(try await numbers("level=level3&source=grid") == [dispute])
            #expect(try await numbers("category=safety.*&region=990102001") == [hazard])
            #expect(try await numbers("supervised=true") == [])
            #expect(try await numbers("from=2099-01-01T00:00:00Z") == [])

            let bad = try await harness.send(.get, "/api/v1/cases.csv?kind=riot&unit=nowhere", token: centre)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.headers[.contentType] == "application/problem+json")
            let anonymous = try await harness.send(.get, "/api/v1/cases.csv")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test func aLedgerLongerThanOnePageIsExportedWhole() async throws {
        try await WebHarness.run { harness in
            // setup: more cases than one page of the store, written straight to it for speed
            let start = harness.clock.now
            let numbers = (1...1234).map { String(format: "PA-2026-%06d", $0) }
            try await harness.env.provider.transaction { db in
                let region = try #require(try await RegionRepository(db).find(code: "990102001"))
                for (index, number) in numbers.enumerated() {
                    let at = start.addingTimeInterval(Double(index))
                    let record = Case(
                        id: UUID(), number: number, kind: .hazard, categoryCode: "safety.gas",
                        regionCode: "990102001", source: .hotline, title: "燃气异味\(index)", description: "d",
                        hasParties: false, level: .none, status: .received, isPublic: false, version: 1,
                        createdAt: at, updatedAt: at)
                    try await CaseRepository(db).insert(
                        record, regionPath: region.path, reporterID: nil, events: [])
                }
            }
            let created = Set(numbers)
            let centre = try await harness.login("operator.zhou")
            // act
            let response = try await harness.send(.get, "/api/v1/cases.csv?sort=oldest", token: centre)
            // verify
            let exported = try rows(response).dropFirst().map { $0[0] }
            #expect(exported.count == created.count)
            #expect(Set(exported) == created)
            #expect(exported == exported.sorted())  // oldest first: numbers rise with intake order
        }
    }
}

/// A strict RFC 4180 reader for the tests.
enum CSVReader {
    struct Malformed: Error {}

    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" {
                        cell.unicodeScalars.append(characters.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                guard cell.isEmpty else { throw Malformed() }
                quoted = true
            } else if scalar == "," {
                row.append(cell)
                cell = ""
            } else if scalar == "\r" {
                guard characters.popFirst() == "\n" else { throw Malformed() }
                row.append(cell)
                rows.append(row)
                (row, cell) = ([], "")
            } else if scalar == "\n" {
                throw Malformed()  // lines end with CRLF
            } else {
                cell.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, row.isEmpty, cell.isEmpty else { throw Malformed() }
        return rows
    }
}
