import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PinganSpreadsheet
import PinganTestSupport
import Testing

/// The responsibility-list and assessment API (issue 7), every answer checked against the OpenAPI document.
@Suite("Assessment API")
struct AssessmentAPITests {
    static let list = """
        青山区考核清单(60分)
        一、基础工作(60分)
        1.台账管理(20分)
        矛盾纠纷逐一登记在册。
        牵头单位:区公安分局
        参与单位:区委办
        2.一次性化解(20分)
        一次性化解率达到90%以上。
        牵头单位:区公安分局
        3.调解组织(20分)
        每个社区建成调解工作室。
        牵头单位:区司法局
        负面清单
        1.发生重大安全事故(特别重大-30分/件,重大-10分/件)
        """

    static func body(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func check(
        _ response: TestResponse, _ method: String, _ path: String, _ status: HTTPResponse.Status,
        _ conformance: SchemaConformance, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status == status, "\(method) \(path): \(response.text)", sourceLocation: sourceLocation)
        let schema = try conformance.responseSchema(method, path, status: Int(response.status.code))
        let problems = try conformance.violations(of: Data(response.body.readableBytesView), against: schema)
        #expect(problems == [], "\(method) \(path)", sourceLocation: sourceLocation)
    }

    @Test("A list is imported, activated, scored, appealed and concluded through the API, as documented")
    func wholeFlow() async throws {
        try await WebHarness.run { harness in
            let conformance = try SchemaConformance()
            let admin = try await harness.login("admin")
            let handler = try await harness.login("handler.police")

            // lists: a dry run stores nothing; an import stores version 1 and reports the unknown unit
            let dry = try await harness.send(
                .post, "/api/v1/lists", token: admin,
                json: try Self.body(["format": "text", "content": Self.list, "dry_run": true]))
            try check(dry, "POST", "/api/v1/lists", .ok, conformance)
            #expect((try dry.json()["stored"] as? [Any])?.isEmpty == true)
            let imported = try await harness.send(
                .post, "/api/v1/lists", token: admin, json: try Self.body(["format": "text", "content": Self.list]))
            try check(imported, "POST", "/api/v1/lists", .created, conformance)
            let stored = try #require((try imported.json()["stored"] as? [[String: Any]])?.first)
            let id = try #require(stored["id"] as? String)
            let unmatched = try #require(try imported.json()["unmatched_units"] as? [[String: Any]])
            #expect(unmatched.map { $0["name"] as? String } == ["区委办"])
            let empty = try await harness.send(
                .post, "/api/v1/lists", token: admin, json: try Self.body(["format": "text", "content": "  "]))
            try check(empty, "POST", "/api/v1/lists", .unprocessableContent, conformance)
            #expect(empty.text.contains("\"field\":\"file\""))
            // an xlsx workbook travels in base64; a file that is not one, or content that is not base64, is refused
            let workbook = try XLSXWriter.workbook(
                sheetName: "清单",
                rows: [
                    ["清单", "章节", "条目", "分值", "牵头单位"].map(XLSXCell.text),
                    [.text("表格清单"), .text("一、基础"), .text("台账管理"), .number(20), .text("区公安分局")],
                ])
            let xlsxDry = try await harness.send(
                .post, "/api/v1/lists", token: admin,
                json: try Self.body([
                    "format": "xlsx", "content": workbook.base64EncodedString(), "dry_run": true,
                ]))
            try check(xlsxDry, "POST", "/api/v1/lists", .ok, conformance)
            let notBase64 = try await harness.send(
                .post, "/api/v1/lists", token: admin, json: try Self.body(["format": "xlsx", "content": "%%%"]))
            try check(notBase64, "POST", "/api/v1/lists", .unprocessableContent, conformance)
            #expect(try notBase64.violations() == ["content:base64"])
            let notXLSX = try await harness.send(
                .post, "/api/v1/lists", token: admin,
                json: try Self.body(["format": "xlsx", "content": Data("清单,条目\n".utf8).base64EncodedString()]))
            try check(notXLSX, "POST", "/api/v1/lists", .unprocessableContent, conformance)
            #expect(try notXLSX.violations() == ["file:format"])
            #expect(notXLSX.text.contains("not a zip archive"))
            let refused = try await harness.send(
                .post, "/api/v1/lists", token: handler, json: try Self.body(["format": "text", "content": Self.list]))
            #expect(refused.status == .forbidden)
            try check(
                try await harness.send(.get, "/api/v1/lists", token: admin), "GET", "/api/v1/lists", .ok, conformance)
            let one = try await harness.send(.get, "/api/v1/lists/\(id)", token: admin)
            try check(one, "GET", "/api/v1/lists/{id}", .ok, conformance)
            #expect((try one.json()["yaml"] as? String)?.contains("pingan.responsibility-lists/1") == true)

            // activation
            let badPeriod = try await harness.send(
                .post, "/api/v1/lists/\(id)/activations", token: admin,
                json: #"{"period": "2026-Q5", "region": "990102"}"#)
            try check(badPeriod, "POST", "/api/v1/lists/{id}/activations", .unprocessableContent, conformance)
            let activated = try await harness.send(
                .post, "/api/v1/lists/\(id)/activations", token: admin,
                json: #"{"period": "2026-Q4", "region": "990102"}"#)
            try check(activated, "POST", "/api/v1/lists/{id}/activations", .created, conformance)
            try check(
                try await harness.send(.get, "/api/v1/list-activations?period=2026-Q4", token: admin), "GET",
                "/api/v1/list-activations", .ok, conformance)

            // scoring
            let base = "/api/v1/assessments/2026-Q4/990102/\(id)"
            let bound = try await harness.send(
                .post, "\(base)/bindings", token: admin,
                json:
                    #"{"item": "一/2", "indicator": "first_time_resolution_rate", "function": {"kind": "all_or_nothing", "target": 0.9}}"#
            )
            #expect(bound.status == .noContent)
            let automatic = try await harness.send(.post, "\(base)/scores/automatic", token: admin)
            try check(
                automatic, "POST", "/api/v1/assessments/{period}/{region}/{list}/scores/automatic", .ok, conformance)
            let manualJSON = try Self.body([
                "item": "一/1", "points": 4, "comment": "台账缺失",
                "evidence": [["file_name": "检查.pdf", "sha256": String(repeating: "0f", count: 32)]],
            ])
            let byHandler = try await harness.send(.post, "\(base)/scores", token: handler, json: manualJSON)
            #expect(byHandler.status == .forbidden)
            let scored = try await harness.send(.post, "\(base)/scores", token: admin, json: manualJSON)
            try check(scored, "POST", "/api/v1/assessments/{period}/{region}/{list}/scores", .created, conformance)
            let scoreID = try #require(try scored.json()["id"] as? String)
            let tooMany = try await harness.send(
                .post, "\(base)/scores", token: admin, json: #"{"item": "一/3", "points": 25, "comment": "x"}"#)
            try check(
                tooMany, "POST", "/api/v1/assessments/{period}/{region}/{list}/scores", .unprocessableContent,
                conformance)
            #expect(tooMany.text.contains("\"field\":\"points\""))
            _ = try await harness.send(
                .post, "\(base)/scores", token: admin, json: #"{"item": "一/3", "points": 19, "comment": "建成"}"#)
            let incident = try await harness.send(
                .post, "\(base)/incidents", token: admin,
                json: #"""
                    {"occurred_at": "2026-11-01T10:00:00+08:00", "region": "990102001", "unit": "qs-police",
                     "kind": "火灾", "severity": "重大", "description": "仓库火灾", "entry": "1"}
                    """#)
            try check(incident, "POST", "/api/v1/assessments/{period}/{region}/{list}/incidents", .created, conformance)

            // appeal and decision
            let appeal = try await harness.send(
                .post, "/api/v1/scores/\(scoreID)/appeals", token: handler, json: #"{"reason": "已补齐"}"#)
            try check(appeal, "POST", "/api/v1/scores/{id}/appeals", .created, conformance)
            let appealID = try #require(try appeal.json()["id"] as? String)
            let decided = try await harness.send(
                .post, "/api/v1/appeals/\(appealID)/decision", token: admin,
                json: #"{"upheld": true, "points": 6, "note": "部分属实"}"#)
            try check(decided, "POST", "/api/v1/appeals/{id}/decision", .ok, conformance)

            // scorecard and ranking
            let card = try await harness.send(.get, "\(base)/scorecards/qs-police", token: handler)
            try check(card, "GET", "/api/v1/assessments/{period}/{region}/{list}/scorecards/{unit}", .ok, conformance)
            // police: 6 + 0 (no resolved case in the ledger) − 10 = −4 of 40: failed
            #expect(try card.json()["total"] as? Double == -4)
            #expect(try card.json()["failed"] as? Bool == true)
            let ranking = try await harness.send(.get, "\(base)/ranking?minimum_scored_items=1", token: admin)
            try check(ranking, "GET", "/api/v1/assessments/{period}/{region}/{list}/ranking", .ok, conformance)
            let ranked = try #require(try ranking.json()["ranked"] as? [[String: Any]])
            #expect(ranked.map { $0["unit_code"] as? String } == ["qs-justice", "qs-police"])

            // outputs: the ranking and a scorecard as CSV, and a printable report with every text escaped
            let rankingCSV = try await harness.send(.get, "\(base)/ranking.csv", token: admin)
            #expect(rankingCSV.status == .ok)
            #expect(rankingCSV.headers[.contentType] == "text/csv; charset=utf-8")
            let rankingLines = rankingCSV.text.split(separator: "\r\n").map(String.init)
            #expect(rankingLines.count == 3)
            #expect(rankingLines.first?.hasPrefix("\u{FEFF}名次 rank,") == true)
            #expect(rankingLines.dropFirst().first?.hasPrefix("1,qs-justice,青山区司法局,95,19,1,") == true)
            #expect(rankingLines.last?.hasPrefix("2,qs-police,青山公安分局,-10,-4,2,") == true)
            let rankingXLSX = try await harness.send(.get, "\(base)/ranking.xlsx", token: admin)
            #expect(rankingXLSX.status == .ok)
            #expect(rankingXLSX.headers[.contentType] == XLSXWriter.mediaType)
            #expect(rankingXLSX.headers[.contentDisposition] == "attachment; filename=\"ranking.xlsx\"")
            let rankingRows = try XLSXReader.firstSheet(Data(rankingXLSX.body.readableBytesView))
            #expect(rankingRows.count == 3)
            #expect(rankingRows.first?.cells.first == "名次 rank")
            #expect(rankingRows.dropFirst().first?.cells.prefix(6) == ["1", "qs-justice", "青山区司法局", "95", "19", "1"])
            #expect(rankingRows.last?.cells.prefix(6) == ["2", "qs-police", "青山公安分局", "-10", "-4", "2"])
            let cardXLSX = try await harness.send(.get, "\(base)/scorecards/qs-police/export.xlsx", token: handler)
            #expect(cardXLSX.status == .ok)
            let cardRows = try XLSXReader.firstSheet(Data(cardXLSX.body.readableBytesView))
            #expect(
                cardRows.last?.cells
                    == ["合计 total", "", "青山公安分局", "40", "6", "", "10", "总分 -4, 得分率 -10%, 未达标 failed"])
            let cardCSV = try await harness.send(.get, "\(base)/scorecards/qs-police/export.csv", token: handler)
            #expect(cardCSV.status == .ok)
            #expect(cardCSV.text.contains("扣分 deduction,1,\"发生重大安全事故(特别重大-30分/件,重大-10分/件)\",,,,10,"))
            #expect(cardCSV.text.contains("合计 total,,青山公安分局,40,6,,10,\"总分 -4, 得分率 -10%, 未达标 failed\""))
            let report = try await harness.send(.get, "\(base)/scorecards/qs-police/report.html", token: admin)
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "text/html; charset=utf-8")
            #expect(report.text.contains("<h1>青山公安分局 考核记分卡"))
            #expect(report.text.contains("未达标 (failed)"))
            let subject = try await harness.send(.get, "\(base)/report.html", token: admin)
            #expect(subject.status == .ok)
            #expect(subject.text.contains("<h1>考核报告 <small>Assessment report</small></h1>"))
            #expect(subject.text.contains("<h2>青山公安分局</h2>") && subject.text.contains("<h2>青山区司法局</h2>"))
            let other = try await harness.send(.get, "\(base)/scorecards/qs-nowhere/report.html", token: admin)
            try check(
                other, "GET", "/api/v1/assessments/{period}/{region}/{list}/scorecards/{unit}/report.html", .notFound,
                conformance)

            // the ladder
            let concluded = try await harness.send(.post, "\(base)/conclusion", token: admin)
            try check(concluded, "POST", "/api/v1/assessments/{period}/{region}/{list}/conclusion", .ok, conformance)
            let caseID = try #require((try concluded.json()["items"] as? [[String: Any]])?.first?["id"] as? String)
            let cases = try await harness.send(.get, "/api/v1/accountability-cases?unit=qs-police", token: handler)
            try check(cases, "GET", "/api/v1/accountability-cases", .ok, conformance)
            let aggravated = try await harness.send(
                .post, "/api/v1/accountability-cases/\(caseID)/circumstances", token: admin,
                json: #"{"kind": "falsifying", "note": "台账弄虚作假"}"#)
            try check(aggravated, "POST", "/api/v1/accountability-cases/{id}/circumstances", .ok, conformance)
            #expect(try aggravated.json()["current_step"] as? String == "interview")
            harness.clock.advance(by: 31 * 86_400)
            let later = try await harness.login("admin")  // the earlier token has expired
            let advanced = try await harness.send(.post, "/api/v1/accountability-cases/advance", token: later)
            try check(advanced, "POST", "/api/v1/accountability-cases/advance", .ok, conformance)
            let eligibility = try await harness.send(
                .get, "/api/v1/units/qs-police/eligibility?date=2027-01-01T00:00:00%2B08:00", token: later)
            try check(eligibility, "GET", "/api/v1/units/{code}/eligibility", .ok, conformance)
            #expect(try eligibility.json()["honours"] as? Bool == false)
            #expect(try eligibility.json()["promotion"] as? Bool == true)
            let noDate = try await harness.send(.get, "/api/v1/units/qs-police/eligibility", token: later)
            try check(noDate, "GET", "/api/v1/units/{code}/eligibility", .unprocessableContent, conformance)
            let rectified = try await harness.send(
                .post, "/api/v1/accountability-cases/\(caseID)/rectifications", token: later,
                json: #"{"note": "整改到位", "accepted": true}"#)
            try check(rectified, "POST", "/api/v1/accountability-cases/{id}/rectifications", .ok, conformance)
            let manual = try await harness.send(
                .post, "/api/v1/accountability-cases", token: later,
                json: #"{"unit": "qs-justice", "description": "群众反映强烈的问题久拖不决"}"#)
            try check(manual, "POST", "/api/v1/accountability-cases", .created, conformance)
        }
    }
}
