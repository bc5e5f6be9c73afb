import Foundation
import HTTPTypes
import HummingbirdTesting
import PinganCore
import PinganServices
import PinganStore
import PinganTestSupport
import SQLKit
import Testing
import ZIPFoundation

@Suite("12345 hotline import")
struct HotlineImportTests {
    static let csv = """
        工单编号,来电时间,来电人类别,诉求内容,地址,所属区域,承办单位,办理时限,诉求分类
        RX2026112001,2026-11-20 09:15,个人,"小区路灯不亮,夜间出行不便",桃李苑,990102002001,官园街道办事处,2026-11-27,service.city
        RX2026112002,2026-11-20 10:30,企业,供水压力不足,,990102001,,,service.utilities
        RX2026112003,2026-11-20 11:00,个人,区域不存在,,123456,,,
        RX2026112004,2026-11-20 11:30,个人,单位不存在,,990102,没有这个单位,,
        """

    static func body(_ csv: String, dryRun: Bool = false) throws -> String {
        let object: [String: Any] = ["csv": csv, "dry_run": dryRun]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    static func counts(_ harness: WebHarness) async throws -> [Int] {
        try await harness.env.provider.read { db in
            var counts: [Int] = []
            for table in ["cases", "case_events", "audit_log", "hotline_tickets"] {
                counts.append(
                    try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(
                        column: "n", as: Int.self) ?? -1)
            }
            return counts
        }
    }

    @Test(arguments: TestEngine.available)
    func goodRowsGoInBadRowsAreReportedAndReimportingChangesNothing(engine: TestEngine) async throws {
        try await WebHarness.run(engine: engine) { harness in
            // setup
            let centre = try await harness.login("operator.zhou")
            let before = try await Self.counts(harness)
            // act: a dry run, then the import, then the same file again
            let dry = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: try Self.body(Self.csv, dryRun: true))
            let afterDry = try await Self.counts(harness)
            let first = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: try Self.body(Self.csv))
            let afterFirst = try await Self.counts(harness)
            let again = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: try Self.body(Self.csv))
            let afterAgain = try await Self.counts(harness)
            // verify
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(try dry.json()["created"] as? Int == 2)
            #expect(afterDry == before)
            #expect(first.status == .ok, "\(first.text)")
            let report = try first.json()
            #expect(report["created"] as? Int == 2 && report["unchanged"] as? Int == 0)
            let problems = try #require(report["problems"] as? [[String: Any]])
            #expect(
                problems.map { "\($0["row"] as? Int ?? 0):\($0["field"] as? String ?? "")" } == [
                    "4:region", "5:requested_unit",
                ])
            #expect(afterFirst[0] == before[0] + 2 && afterFirst[3] == 2)
            #expect(try again.json()["unchanged"] as? Int == 2 && (try again.json()["created"] as? Int) == 0)
            #expect(afterAgain == afterFirst)

            let items = try #require(report["items"] as? [[String: Any]])
            let number = try #require(items.first?["case_number"] as? String)
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            let stored = try #require(try record.json()["case"] as? [String: Any])
            #expect(stored["source"] as? String == "hotline" && stored["kind"] as? String == "request")
            #expect(stored["region_code"] as? String == "990102002001")
            #expect((stored["description"] as? String)?.contains("建议承办单位:官园街道办事处") == true)
        }
    }

    @Test func aChangedRowUpdatesItsCaseInsteadOfDuplicatingIt() async throws {
        try await WebHarness.run { harness in
            // setup
            let centre = try await harness.login("operator.zhou")
            _ = try await harness.send(.post, "/api/v1/imports/hotline", token: centre, json: try Self.body(Self.csv))
            let before = try await Self.counts(harness)
            let changed = Self.csv.replacingOccurrences(of: "供水压力不足", with: "供水压力不足。已持续三天")
            // act
            let dry = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: try Self.body(changed, dryRun: true))
            let response = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: try Self.body(changed))
            // verify
            #expect(try dry.json()["updated"] as? Int == 1)
            let report = try response.json()
            #expect(
                report["updated"] as? Int == 1 && report["unchanged"] as? Int == 1 && report["created"] as? Int == 0)
            let item = try #require(
                (report["items"] as? [[String: Any]])?.first { $0["action"] as? String == "update" })
            #expect(item["changed_fields"] as? [String] == ["content"])
            let after = try await Self.counts(harness)
            #expect(after[0] == before[0])  // no new case
            #expect(after[1] == before[1] + 1)  // one note on the timeline
            let number = try #require(item["case_number"] as? String)
            let events = try await harness.send(.get, "/api/v1/cases/\(number)/events", token: centre)
            let last = try #require((try events.json()["items"] as? [[String: Any]])?.last)
            #expect(last["type"] as? String == "note")
            #expect((last["note"] as? String)?.contains("已持续三天") == true)
        }
    }

    @Test func onlyTheCentreImports() async throws {
        try await WebHarness.run { harness in
            let handler = try await harness.login("handler.police")
            let response = try await harness.send(
                .post, "/api/v1/imports/hotline", token: handler, json: try Self.body(Self.csv))
            #expect(response.status == .forbidden)
        }
    }
}

extension HotlineImportTests {
    /// A minimal workbook as Excel writes it: shared strings, an inline string, a number and a date as its serial.
    static func workbook() throws -> Data {
        let strings = ["工单编号", "来电时间", "诉求内容", "所属区域", "办理时限", "XL001", "井盖缺失 & 无警示"]
        let shared =
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            + strings.map { "<si><t>\($0.replacingOccurrences(of: "&", with: "&amp;"))</t></si>" }.joined() + "</sst>"
        // 2026-11-20 09:15 local is serial 46346 + 9.25 / 24; the deadline 2026-11-27 is 46353.
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>
            <row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2"><v>46346.385416666664</v></c><c r="C2" t="s"><v>6</v></c>\
            <c r="D2"><v>990102002001</v></c><c r="E2"><v>46353</v></c></row>
            <row r="3"><c r="A3" t="inlineStr"><is><t>XL002</t></is></c><c r="B3" t="inlineStr"><is><t>不是时间</t></is></c>\
            <c r="C3" t="inlineStr"><is><t>x</t></is></c><c r="D3"><v>990102</v></c></row>
            </sheetData></worksheet>
            """
        let archive = try Archive(accessMode: .create)
        for (path, text) in [("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", sheet)] {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test func anExcelWorkbookImportsLikeACSVFile() async throws {
        try await WebHarness.run { harness in
            // setup
            let centre = try await harness.login("operator.zhou")
            let body = String(
                decoding: try JSONSerialization.data(withJSONObject: ["xlsx": try Self.workbook().base64EncodedString()]
                ),
                as: UTF8.self)
            // act
            let response = try await harness.send(.post, "/api/v1/imports/hotline", token: centre, json: body)
            let again = try await harness.send(.post, "/api/v1/imports/hotline", token: centre, json: body)
            let garbage = try await harness.send(
                .post, "/api/v1/imports/hotline", token: centre, json: #"{"xlsx": "bm90IGEgemlw"}"#)
            // verify
            #expect(response.status == .ok, "\(response.text)")
            let report = try response.json()
            #expect(report["created"] as? Int == 1)
            let problems = try #require(report["problems"] as? [[String: Any]])
            #expect(problems.map { "\($0["row"] as? Int ?? 0):\($0["field"] as? String ?? "")" } == ["3:received_at"])
            let number = try #require((report["items"] as? [[String: Any]])?.first?["case_number"] as? String)
            let record = try await harness.send(.get, "/api/v1/cases/\(number)", token: centre)
            let stored = try #require(try record.json()["case"] as? [String: Any])
            #expect((stored["description"] as? String)?.hasPrefix("井盖缺失 & 无警示\n来电时间:2026-11-20 09:15") == true)
            #expect(stored["deadline"] as? String == "2026-11-27T16:00:00.000Z")  // the end of 27 Nov, Beijing time
            #expect(try again.json()["unchanged"] as? Int == 1)
            #expect(garbage.status == .unprocessableContent)
            #expect(try garbage.violations() == ["xlsx:format"])
        }
    }
}
