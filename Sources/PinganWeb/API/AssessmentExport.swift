import Foundation
import PinganCore
import PinganSpreadsheet

/// The assessment's outputs (issue 7 "Outputs"): the ranking and a unit's scorecard as CSV for Excel (UTF-8 with
/// BOM, Chinese header with English keys, cells escaped as the ledger export does) and as XLSX (the same rows), and a printable HTML report of
/// a unit's scorecard (Chinese first, English second).
enum AssessmentExport {
    /// The ranking as CSV: ranked units, then the unranked ones with the reason.
    static func rankingCSV(_ ranking: AssessmentDTO.RankingDTO) -> String {
        csv(rankingRows(ranking))
    }

    /// The ranking as an XLSX workbook of one sheet, the same rows as the CSV.
    static func rankingXLSX(_ ranking: AssessmentDTO.RankingDTO) throws(XLSXError) -> Data {
        try XLSXWriter.workbook(sheetName: "排名 Ranking", rows: xlsx(rankingRows(ranking)))
    }

    /// A unit's scorecard as CSV: one row per item it leads, one per deduction, and the totals.
    static func scorecardCSV(_ card: AssessmentDTO.ScorecardDTO) -> String {
        csv(scorecardRows(card))
    }

    /// A unit's scorecard as an XLSX workbook of one sheet, the same rows as the CSV.
    static func scorecardXLSX(_ card: AssessmentDTO.ScorecardDTO) throws(XLSXError) -> Data {
        try XLSXWriter.workbook(sheetName: "记分卡 Scorecard", rows: xlsx(scorecardRows(card)))
    }

    /// The ranking's rows, header first: ranked units, then the unranked ones with the reason.
    static func rankingRows(_ ranking: AssessmentDTO.RankingDTO) -> [[Cell]] {
        var rows: [[Cell]] = [
            [
                "名次 rank", "单位代码 unit_code", "单位 unit", "得分率(%) share_percent",
                "总分 total", "已评分项 scored_items", "备注 note",
            ].map(Cell.text)
        ]
        for entry in ranking.ranked {
            rows.append([
                .number(Decimal(entry.rank)), .text(entry.unitCode), .text(entry.unitName),
                .number(entry.share.map { $0 * 100 }), .number(entry.total), .number(Decimal(entry.scoredItems)),
                .text(""),
            ])
        }
        for entry in ranking.unranked {
            rows.append([
                .text(""), .text(entry.unitCode), .text(entry.unitName), .number(nil), .number(nil),
                .number(Decimal(entry.scoredItems)), .text("未排名 unranked: \(entry.reason)"),
            ])
        }
        return rows
    }

    /// A scorecard's rows, header first: one per item the unit leads, one per deduction, and the totals.
    static func scorecardRows(_ card: AssessmentDTO.ScorecardDTO) -> [[Cell]] {
        var rows: [[Cell]] = [
            [
                "类型 kind", "编号 key", "名称 title", "满分 maximum", "得分 earned",
                "失分 lost", "扣分 deducted", "说明 explanation",
            ].map(Cell.text)
        ]
        for line in card.lines {
            rows.append([
                .text("评分项 item"), .text(line.itemKey), .text(line.title), .number(line.maximum),
                .number(line.earned), .number(line.lost), .number(nil), .text(line.explanation),
            ])
        }
        for deduction in card.deductions {
            rows.append([
                .text("扣分 deduction"), .text(deduction.entryKey), .text(deduction.text), .number(nil), .number(nil),
                .number(nil), .number(deduction.points), .text(deduction.explanation),
            ])
        }
        rows.append([
            .text("合计 total"), .text(""), .text(card.unitName), .number(card.maximum), .number(card.earned),
            .number(nil), .number(card.deducted),
            .text("总分 \(number(card.total)), 得分率 \(percent(card.share))" + (card.failed ? ", 未达标 failed" : "")),
        ])
        return rows
    }

    /// CSV for Excel: a byte-order mark, then one CRLF line per row.
    private static func csv(_ rows: [[Cell]]) -> String {
        "\u{FEFF}" + rows.map(line).joined()
    }

    /// Sheet cells: numbers rounded to two places as in the CSV, empty text and missing numbers left out.
    private static func xlsx(_ rows: [[Cell]]) -> [[XLSXCell]] {
        rows.map { row in
            row.map { cell in
                switch cell {
                case .text(let text): text.isEmpty ? .empty : .text(text)
                case .number(let value): value.map { .number(rounded($0)) } ?? .empty
                }
            }
        }
    }

    /// A printable HTML report of a unit's scorecard; every text is escaped.
    static func scorecardHTML(_ card: AssessmentDTO.ScorecardDTO, period: String, region: String) -> String {
        page(
            title: "\(card.unitName) 考核记分卡", english: "Scorecard", period: period, region: region,
            listID: card.listId, body: section(card, heading: "h2"))
    }

    /// A printable HTML report for the subject as a whole: the ranking, then every ranked and unranked unit's
    /// scorecard.
    static func subjectHTML(
        _ ranking: AssessmentDTO.RankingDTO, cards: [AssessmentDTO.ScorecardDTO], listID: UUID, period: String,
        region: String
    ) -> String {
        var body = "<h2>排名 Ranking</h2>\n<table><tr><th>名次</th><th>单位</th><th>得分率</th><th>总分</th>"
        body += "<th>已评分项</th><th>备注</th></tr>\n"
        for entry in ranking.ranked {
            body += "<tr><td class=n>\(entry.rank)</td><td>\(html(entry.unitName))</td>"
            body += "<td class=n>\(percent(entry.share))</td><td class=n>\(number(entry.total))</td>"
            body += "<td class=n>\(entry.scoredItems)</td><td></td></tr>\n"
        }
        for entry in ranking.unranked {
            body += "<tr><td></td><td>\(html(entry.unitName))</td><td></td><td></td>"
            body += "<td class=n>\(entry.scoredItems)</td><td>未排名 unranked: \(html(entry.reason))</td></tr>\n"
        }
        body += "</table>\n"
        for card in cards {
            body += "<h2>\(html(card.unitName))</h2>\n" + section(card, heading: "h3")
        }
        return page(
            title: "考核报告", english: "Assessment report", period: period, region: region, listID: listID,
            body: body)
    }

    private static func section(_ card: AssessmentDTO.ScorecardDTO, heading: String) -> String {
        var rows = ""
        for line in card.lines {
            rows += "<tr><td>\(html(line.itemKey))</td><td>\(html(line.title))</td><td class=n>\(number(line.maximum))"
            rows += "</td><td class=n>\(line.earned.map(number) ?? "—")</td><td class=n>\(line.lost.map(number) ?? "—")"
            rows += "</td><td>\(html(line.explanation))</td></tr>\n"
        }
        var deductions = ""
        for deduction in card.deductions {
            deductions += "<tr><td>\(html(deduction.entryKey))</td><td>\(html(deduction.text))</td>"
            deductions += "<td class=n>−\(number(deduction.points))</td><td>\(html(deduction.explanation))</td></tr>\n"
        }
        let verdict = card.failed ? "未达标 (failed)" : "达标 (passed)"
        return """
            <\(heading)>评分项 Items</\(heading)>
            <table><tr><th>编号</th><th>名称</th><th>满分</th><th>得分</th><th>失分</th><th>说明</th></tr>
            \(rows)</table>
            <\(heading)>扣分 Deductions</\(heading)>
            <table><tr><th>条目</th><th>内容</th><th>扣分</th><th>说明</th></tr>
            \(deductions)</table>
            <p><strong>合计 Total: \(number(card.total))</strong> (得分 \(number(card.earned)) − 扣分 \
            \(number(card.deducted))), 得分率 \(percent(card.share)) · \(verdict)</p>

            """
    }

    private static func page(
        title: String, english: String, period: String, region: String, listID: UUID, body: String
    ) -> String {
        """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>\(html(title)) \(html(period))</title>
        <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\
        td,th{border:1px solid #999;padding:4px 6px;vertical-align:top}.n{text-align:right}\
        @media print{body{margin:0}h2{page-break-before:auto}}</style></head>
        <body>
        <h1>\(html(title)) <small>\(english)</small></h1>
        <p>考核周期 Period: \(html(period)) · 考核对象 Subject region: \(html(region)) · 清单版本 List version: \
        \(listID.uuidString)</p>
        \(body)</body></html>

        """
    }

    /// A CSV line: text cells escaped as the ledger export does (quotes, formula defusing); cells that are numbers
    /// written as numbers, so that a negative total stays a number in a spreadsheet.
    static func line(_ cells: [Cell]) -> String {
        cells.map { cell in
            switch cell {
            case .text(let text): LedgerCSV.escape(text)
            case .number(let value): value.map(number) ?? ""
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// A CSV cell.
    enum Cell {
        case text(String)
        case number(Decimal?)
    }

    /// A decimal rounded to two places, as plain text ("19", "-4", "0.5").
    static func number(_ value: Decimal) -> String {
        "\(rounded(value))"
    }

    /// A decimal rounded to two places.
    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var rounded = Decimal()
        NSDecimalRound(&rounded, &input, 2, .plain)
        return rounded
    }

    static func percent(_ value: Decimal?) -> String {
        value.map { number($0 * 100) + "%" } ?? ""
    }

    static func html(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }
}
