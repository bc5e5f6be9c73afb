import Foundation
import PinganCore
import PinganServices
import PinganSpreadsheet
import Testing
import ZIPFoundation

/// Importing responsibility lists from XLSX workbooks (issue 7): the first worksheet in the CSV layout.
@Suite("Importing responsibility lists from XLSX")
struct XLSXListImportTests {
    /// The list of `ListCSVImporterTests`, laid out as a spreadsheet saved as CSV would be, without cells that hold
    /// line breaks (so that CSV lines and sheet rows have the same numbers).
    static let csv = """
        清单,清单分值,章节编号,章节,章节分值,编号,条目,分值,工作要求,牵头单位,参与单位
        基础工作指引,60,,,,,,,,,
        ,,一,健全平安建设工作体系,40,1,落实领导责任制,20,区委把平安建设纳入年度重点工作。,区委办、区平安办,各街道办事处等
        ,,,,,2,"完善""部门""协同机制",20,建立联席会议制度。,区平安办,区公安分局;区司法局
        ,,二,基层基础,20,1,网格管理,20,网格全覆盖。,区委政法委,
        ,,,负面清单,,1,发生重大刑事案件(-30分/件),,,,
        ,,,,,2,发生一票否决事项,,,,

        """

    /// A workbook as Excel saves it: strings shared (one with a phonetic run, one in rich-text runs), numbers as
    /// number cells, merged list and chapter cells saved as cells left out, a namespace prefix on the sheet's
    /// elements, and one inline string.
    static func workbook() throws -> Data {
        let shared = [
            "清单", "清单分值", "章节编号", "章节", "章节分值", "编号", "条目", "分值", "工作要求", "牵头单位", "参与单位",
            "基础工作指引", "一", "健全平安建设工作体系", "落实领导责任制", "区委把平安建设纳入年度重点工作。",
            "区委办、区平安办", "各街道办事处等", "完善\"部门\"协同机制", "建立联席会议制度。", "区平安办",
            "区公安分局;区司法局", "二", "基层基础", "网格管理", "网格全覆盖。", "区委政法委", "负面清单",
            "发生重大刑事案件(-30分/件)",
        ]
        func s(_ text: String) -> String {
            "<x:c r=\"{}\" t=\"s\"><x:v>\(shared.firstIndex(of: text) ?? -1)</x:v></x:c>"
        }
        func cells(_ row: Int, _ values: [(String, String)]) -> String {
            "<x:row r=\"\(row)\">"
                + values.map { column, xml in xml.replacingOccurrences(of: "{}", with: "\(column)\(row)") }.joined()
                + "</x:row>"
        }
        func n(_ value: String) -> String { "<x:c r=\"{}\"><x:v>\(value)</x:v></x:c>" }
        let letters: [String] = "ABCDEFGHIJK".map(String.init)
        let header: [(String, String)] = Swift.zip(letters, shared.prefix(11)).map { ($0, s($1)) }
        let rows: [String] = [
            cells(1, header),
            cells(2, [("A", s("基础工作指引")), ("B", n("60"))]),
            cells(
                3,
                [
                    ("C", s("一")), ("D", s("健全平安建设工作体系")), ("E", n("40")), ("F", n("1")),
                    ("G", s("落实领导责任制")), ("H", n("20")), ("I", s("区委把平安建设纳入年度重点工作。")),
                    ("J", s("区委办、区平安办")), ("K", s("各街道办事处等")),
                ]),
            cells(
                4,
                [
                    ("F", n("2")), ("G", s("完善\"部门\"协同机制")), ("H", n("20")), ("I", s("建立联席会议制度。")),
                    ("J", s("区平安办")), ("K", s("区公安分局;区司法局")),
                ]),
            cells(
                5,
                [
                    ("C", s("二")), ("D", s("基层基础")), ("E", n("20")), ("F", n("1")), ("G", s("网格管理")),
                    ("H", n("20")), ("I", s("网格全覆盖。")), ("J", s("区委政法委")),
                ]),
            cells(6, [("D", s("负面清单")), ("F", n("1")), ("G", s("发生重大刑事案件(-30分/件)"))]),
            cells(
                7,
                [
                    ("F", n("2")),
                    ("G", "<x:c r=\"{}\" t=\"inlineStr\"><x:is><x:t>发生一票否决事项</x:t></x:is></x:c>"),
                ]),
        ]
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let items: [String] = shared.map { text -> String in
            switch text {
            case "清单":
                // A phonetic run (ruby) is not part of the text.
                return "<si><t>清单</t><rPh sb=\"0\" eb=\"2\"><t>qingdan</t></rPh></si>"
            case "健全平安建设工作体系":
                return "<si><r><t>健全平安</t></r><r><rPr><b/></rPr><t>建设工作体系</t></r></si>"
            default:
                return "<si><t>\(text.replacingOccurrences(of: "\"", with: "&quot;"))</t></si>"
            }
        }
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let workbook: String =
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
            + "<sheet name=\"清单\" sheetId=\"1\" r:id=\"rId3\"/><sheet name=\"说明\" sheetId=\"2\" r:id=\"rId1\"/>"
            + "</sheets></workbook>"
        let links: String =
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
            + "</Relationships>"
        let strings: String = "<sst xmlns=\"\(main)\">" + items.joined() + "</sst>"
        let sheet: String =
            "<x:worksheet xmlns:x=\"\(main)\"><x:sheetData>" + rows.joined() + "</x:sheetData></x:worksheet>"
        let parts: [(String, String)] = [
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", links),
            ("xl/sharedStrings.xml", strings),
            // The first sheet in the workbook's order is sheet2.xml; sheet1.xml is a second sheet, not read.
            ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData/></worksheet>"),
            ("xl/worksheets/sheet2.xml", sheet),
        ]
        return try archive(parts)
    }

    static func archive(_ parts: [(String, String)]) throws -> Data {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    @Test("A workbook with shared strings and merged-cell gaps imports to the same lists as the equivalent CSV")
    func sameAsCSV() throws {
        // setup
        let expected = try ListImportFormat.csv.read(Data(Self.csv.utf8))
        // act
        let result = try ListImportFormat.xlsx.read(try Self.workbook(), spreadsheet: XLSXListSheet())
        // verify
        #expect(result == expected)
        let list = try #require(result.lists.first)
        #expect(list.chapters.map(\.title) == ["健全平安建设工作体系", "基层基础"])
        #expect(list.chapters[0].items.map(\.title) == ["落实领导责任制", "完善\"部门\"协同机制"])
        #expect(list.chapters[0].items[1].participatingUnits == ["区公安分局", "区司法局"])
        #expect(list.chapters[1].items.map(\.line) == [5])
        #expect(list.negativeList.map(\.text) == ["发生重大刑事案件(-30分/件)", "发生一票否决事项"])
        #expect(!result.problems.contains { $0.kind == .pointsMismatch })
    }

    @Test("Rows name the problems a sheet has, by row number")
    func problemsByRow() throws {
        // setup
        let workbook = try XLSXWriter.workbook(
            sheetName: "清单",
            rows: [
                ["清单", "章节", "章节分值", "条目", "分值", "牵头单位"].map(XLSXCell.text),
                [.text("A"), .text("甲"), .number(30), .text("x"), .number(10), .text("区司法局")],
                [.empty, .empty, .empty, .text("y"), .text("abc"), .text("区司法局")],
            ])
        // act, verify
        #expect(throws: ListImportError.malformed(line: 3, reason: "分值 “abc” is not a number of points")) {
            try ListImportFormat.xlsx.read(workbook, spreadsheet: XLSXListSheet())
        }
    }

    @Test("A file that is not a workbook, an empty zip and an empty file are refused with the reason")
    func refusals() throws {
        // setup
        let emptyZip = Data([0x50, 0x4B, 0x05, 0x06] + Array(repeating: 0, count: 18))
        let otherZip = try Self.archive([("README.txt", "not a workbook")])
        // act, verify
        #expect(throws: ListImportError.malformed(line: nil, reason: XLSXError.notZip.description)) {
            try ListImportFormat.xlsx.importDocument(Data("清单,条目\n".utf8), strict: false, spreadsheet: XLSXListSheet())
        }
        #expect(XLSXError.notZip.description == "not an xlsx workbook: the file is not a zip archive")
        #expect(throws: ListImportError.malformed(line: nil, reason: XLSXError.noWorksheet.description)) {
            try ListImportFormat.xlsx.importDocument(emptyZip, strict: false, spreadsheet: XLSXListSheet())
        }
        #expect(throws: ListImportError.malformed(line: nil, reason: XLSXError.noWorksheet.description)) {
            try ListImportFormat.xlsx.importDocument(otherZip, strict: false, spreadsheet: XLSXListSheet())
        }
        #expect(throws: ListImportError.empty) {
            try ListImportFormat.xlsx.importDocument(Data(), strict: false, spreadsheet: XLSXListSheet())
        }
        let blankSheet = try XLSXWriter.workbook(sheetName: "空", rows: [])
        #expect(throws: ListImportError.empty) {
            try ListImportFormat.xlsx.importDocument(blankSheet, strict: false, spreadsheet: XLSXListSheet())
        }
    }
}
