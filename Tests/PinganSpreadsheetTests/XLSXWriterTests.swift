import Foundation
import PinganSpreadsheet
import Testing
import ZIPFoundation

@Suite("Writing XLSX workbooks")
struct XLSXWriterTests {
    @Test("Text, numbers and gaps written by the writer read back in their columns")
    func roundTrip() throws {
        // setup
        let text = "a & <b> \"c\"\n第二行\u{1}"
        let rows: [[XLSXCell]] = [
            [.text("名次 rank"), .text("单位"), .text("得分率")],
            [.number(1), .text(text), .number(Decimal(string: "-12.5") ?? 0)],
            [.empty, .empty, .number(0)],
        ]
        // act
        let data = try XLSXWriter.workbook(sheetName: "排名: Ranking?", rows: rows)
        let read = try XLSXReader.firstSheet(data)
        // verify
        #expect(
            read == [
                XLSXRow(number: 1, cells: ["名次 rank", "单位", "得分率"]),
                XLSXRow(number: 2, cells: ["1", "a & <b> \"c\"\n第二行", "-12.5"]),
                XLSXRow(number: 3, cells: ["", "", "0"]),
            ])
    }

    @Test("The workbook holds the parts a spreadsheet program needs; numbers are number cells, text inline")
    func parts() throws {
        // act
        let data = try XLSXWriter.workbook(sheetName: "排名: Ranking?", rows: [[.text("x"), .number(2)]])
        // verify
        let archive = try Archive(data: data, accessMode: .read)
        let paths = Set(archive.map(\.path))
        #expect(
            paths == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/worksheets/sheet1.xml",
            ])
        func text(_ path: String) throws -> String {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        #expect(try text("xl/workbook.xml").contains("<sheet name=\"排名 Ranking\" sheetId=\"1\" r:id=\"rId1\"/>"))
        let sheet = try text("xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\"><is><t xml:space=\"preserve\">x</t></is></c>"))
        #expect(sheet.contains("<c r=\"B1\"><v>2</v></c>"))
        #expect([0, 25, 26, 701, 702].map(XLSXWriter.columnName) == ["A", "Z", "AA", "ZZ", "AAA"])
    }
}
