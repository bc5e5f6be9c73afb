import Foundation
import ZIPFoundation

/// Writes a minimal XLSX workbook (Office Open XML, ECMA-376) of one worksheet: `[Content_Types].xml`, the package
/// and workbook relationships, `xl/workbook.xml` and `xl/worksheets/sheet1.xml`, without styles. Text cells are
/// inline strings (never formulas, so nothing needs defusing), numbers are number cells, empty cells are left out.
public enum XLSXWriter {
    /// The media type of an .xlsx file.
    public static let mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The workbook's bytes. `sheetName` is shortened to 31 characters and cleared of `[]:*?/\`, as Excel requires.
    public static func workbook(sheetName: String, rows: [[XLSXCell]]) throws(XLSXError) -> Data {
        let name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(name: name.isEmpty ? "Sheet1" : name)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", sheet(rows)),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            // A fixed time, so that the same sheet gives the same bytes.
            let time = Date(timeIntervalSince1970: 315_532_800)
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: time,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw XLSXError.notWritten("the archive has no data") }
            return data
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .notWritten("\(error)")
        }
    }

    /// The column letters of a 0-based column index (0 → A, 26 → AA).
    public static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    private static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    private static let contentTypes =
        header
        + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        + "</Types>"

    private static let packageRelationships =
        header + "<Relationships xmlns=\"\(packageNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    private static let workbookRelationships =
        header + "<Relationships xmlns=\"\(packageNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        + "</Relationships>"

    private static func workbook(name: String) -> String {
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
            + "<sheet name=\"\(escape(name))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
    }

    private static func sheet(_ rows: [[XLSXCell]]) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\"><sheetData>"
        for (rowIndex, cells) in rows.enumerated() {
            let number = rowIndex + 1
            xml += "<row r=\"\(number)\">"
            for (columnIndex, cell) in cells.enumerated() {
                let reference = columnName(columnIndex) + String(number)
                switch cell {
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    xml += escape(text) + "</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"><v>\(value)</v></c>"
                case .empty:
                    break
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// Text for XML: markup characters escaped; characters XML 1.0 cannot hold (most control characters) left out.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
