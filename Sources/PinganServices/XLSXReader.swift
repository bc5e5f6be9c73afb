import Foundation
import PinganCore
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first worksheet of an Excel workbook (`.xlsx`: Office Open XML in a ZIP) as a table, for the hotline
/// import (issue 4 §3). Cells are read as the text Excel stores: shared and inline strings, numbers as written
/// (a date cell is its serial number, which ``PinganCore/HotlineTicket/parseTime(_:in:endOfDay:)`` understands).
/// Formulas give their cached value. Styles, merged cells and other sheets are ignored.
public enum XLSXReader {
    /// Why a workbook cannot be read.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Not a ZIP archive, or not a workbook.
        case notAWorkbook(String)

        /// One line for people.
        public var description: String {
            switch self {
            case .notAWorkbook(let detail): "not an Excel workbook (.xlsx): \(detail)"
            }
        }
    }

    /// The largest uncompressed part read, so that a small file cannot expand without bound.
    static let maximumPartBytes = 64 * 1_048_576

    /// The first worksheet of `data` as a table whose first row is the header; `nil` when the sheet is empty.
    public static func table(from data: Data) throws -> CSVTable? {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure.notAWorkbook("the file is not a ZIP archive")
        }
        let strings = try part("xl/sharedStrings.xml", in: archive).map(SharedStrings.parse) ?? []
        let sheetPath =
            archive["xl/worksheets/sheet1.xml"] != nil
            ? "xl/worksheets/sheet1.xml"
            : archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }.sorted().first
        guard let sheetPath, let sheet = try part(sheetPath, in: archive) else {
            throw Failure.notAWorkbook("it has no worksheet")
        }
        let rows = Worksheet.parse(sheet, strings: strings)
        guard let header = rows.first else { return nil }
        return CSVTable(
            header: header.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(rows.dropFirst()))
    }

    private static func part(_ path: String, in archive: Archive) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= maximumPartBytes else { throw Failure.notAWorkbook("\(path) is too large") }
        var out = Data()
        do {
            _ = try archive.extract(entry) { out.append($0) }
        } catch {
            throw Failure.notAWorkbook("\(path) cannot be read")
        }
        return out
    }

    /// `xl/sharedStrings.xml`: each `<si>` is one string, the concatenation of its `<t>` texts.
    private final class SharedStrings: NSObject, XMLParserDelegate {
        var strings: [String] = []
        var current: String?
        var inText = false

        static func parse(_ data: Data) -> [String] {
            let reader = SharedStrings()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            _ = parser.parse()
            return reader.strings
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if name == "si" { current = "" }
            if name == "t" { inText = true }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current?.append(string) }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "t" { inText = false }
            if name == "si" {
                strings.append(current ?? "")
                current = nil
            }
        }
    }

    /// A worksheet's `<row r="N"><c r="B2" t="s"><v>0</v></c>…`: rows with their line, cells placed by column.
    private final class Worksheet: NSObject, XMLParserDelegate {
        let strings: [String]
        var rows: [(line: Int, cells: [String])] = []
        var row: [Int: String] = [:]
        var line = 0
        var column = 0
        var type = ""
        var text: String?

        init(strings: [String]) { self.strings = strings }

        static func parse(_ data: Data, strings: [String]) -> [(line: Int, cells: [String])] {
            let reader = Worksheet(strings: strings)
            let parser = XMLParser(data: data)
            parser.delegate = reader
            _ = parser.parse()
            return reader.rows
        }

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            switch name {
            case "row":
                line = Int(attributes["r"] ?? "") ?? line + 1
                row = [:]
                column = 0
            case "c":
                column = attributes["r"].map(Self.columnIndex) ?? column + 1
                type = attributes["t"] ?? "n"
            case "v", "t":
                text = text ?? ""
            default:
                break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text?.append(string) }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "c":
                if let value = text {
                    row[column] =
                        type == "s"
                        ? Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "" : value
                }
                text = nil
            case "row":
                guard let last = row.keys.max(), row.values.contains(where: { !$0.isEmpty }) else { return }
                rows.append((line, (1...last).map { row[$0] ?? "" }))
            default:
                break
            }
        }

        /// `B2` → 2, `AA10` → 27.
        static func columnIndex(_ reference: String) -> Int {
            reference.unicodeScalars.prefix { $0.properties.isAlphabetic }.reduce(0) {
                $0 * 26 + Int($1.value) - 64
            }
        }
    }
}
