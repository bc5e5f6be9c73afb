import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the first worksheet of an XLSX workbook (Office Open XML, ECMA-376) into rows of text.
///
/// Cells are placed by their reference ("C5" is column C of row 5), so cells and rows the file leaves out are empty;
/// shared strings (`xl/sharedStrings.xml`, phonetic runs left out), inline strings, numbers (as written in the file),
/// booleans (`1`/`0`) and formula results are read as text. Formatting, formulas and other sheets are ignored.
public enum XLSXReader {
    /// The largest part unpacked, in bytes; a larger one is refused rather than inflated (a "zip bomb").
    public static let maximumPartBytes: Int64 = 256 * 1024 * 1024

    /// The rows of the workbook's first worksheet (in the order of `xl/workbook.xml`), from the first row the file
    /// holds to the last.
    public static func firstSheet(_ data: Data) throws(XLSXError) -> [XLSXRow] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw .notZip
        }
        guard let path = firstSheetPath(archive) else { throw .noWorksheet }
        let shared = try part("xl/sharedStrings.xml", of: archive).map(SharedStringsParser.strings) ?? []
        guard let sheet = try part(path, of: archive) else { throw .noWorksheet }
        return try SheetParser.rows(sheet, path: path, shared: shared)
    }

    /// The path of the first sheet: the first `<sheet>` of the workbook, through the workbook's relationships; else
    /// the worksheet part with the lowest number.
    private static func firstSheetPath(_ archive: Archive) -> String? {
        if let workbook = try? part("xl/workbook.xml", of: archive),
            let relations = try? part("xl/_rels/workbook.xml.rels", of: archive),
            // The relationship id's attribute is `r:id` whatever the prefix the file binds to the namespace.
            let id = ElementCollector.attributes(of: "sheet", in: workbook).first?.first(where: {
                $0.key == "r:id" || $0.key.hasSuffix(":id")
            })?.value,
            let target = ElementCollector.attributes(of: "Relationship", in: relations).first(where: {
                $0["Id"] == id
            })?["Target"]
        {
            let path = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            if archive[path] != nil { return path }
        }
        let sheets = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") && $0.hasSuffix(".xml") }
        return sheets.min { number(in: $0) < number(in: $1) }
    }

    private static func number(in path: String) -> Int {
        Int(path.filter(\.isNumber)) ?? .max
    }

    /// The bytes of a part, or nil when the archive does not hold it.
    private static func part(_ path: String, of archive: Archive) throws(XLSXError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard Int64(entry.uncompressedSize) <= maximumPartBytes else {
            throw .damaged(part: path, reason: "larger than \(maximumPartBytes / 1024 / 1024) MB unpacked")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry) { data.append($0) }
        } catch {
            throw .damaged(part: path, reason: "cannot be unpacked (\(error))")
        }
        return data
    }

    /// The column index of a cell reference ("C5" → 2), or nil when it names no column.
    static func column(of reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            let value: UInt32
            switch scalar {
            case "A"..."Z": value = scalar.value - 64
            case "a"..."z": value = scalar.value - 96
            default: value = 0
            }
            guard value > 0 else { break }
            column = column * 26 + Int(value)
            letters += 1
        }
        return letters > 0 && letters <= 3 ? column - 1 : nil
    }
}

/// The local name of an element, without a namespace prefix ("x:c" → "c").
private func localName(_ name: String) -> Substring {
    name.split(separator: ":").last ?? Substring(name)
}

/// Collects the attributes of every element with a given local name.
private final class ElementCollector: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []

    init(name: String) { self.name = name }

    static func attributes(of name: String, in data: Data) -> [[String: String]] {
        let collector = ElementCollector(name: name)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        if localName(elementName) == name { found.append(attributeDict) }
    }
}

/// Reads `xl/sharedStrings.xml`: one string per `<si>`, the text of its `<t>` elements outside phonetic runs.
private final class SharedStringsParser: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current = ""
    var inText = false
    var phonetic = 0

    static func strings(_ data: Data) throws(XLSXError) -> [String] {
        let delegate = SharedStringsParser()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        guard parser.parse() else {
            throw .damaged(part: "xl/sharedStrings.xml", reason: "not well-formed XML (line \(parser.lineNumber))")
        }
        return delegate.strings
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch localName(elementName) {
        case "si": strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current += string }
    }
}

/// Reads a worksheet's `<sheetData>` into rows.
private final class SheetParser: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [XLSXRow] = []
    var row: XLSXRow?
    var column = -1
    var type = ""
    var value = ""
    var inline = ""
    var inValue = false
    var inText = false
    var phonetic = 0
    var failure: XLSXError?

    init(shared: [String]) { self.shared = shared }

    static func rows(_ data: Data, path: String, shared: [String]) throws(XLSXError) -> [XLSXRow] {
        let delegate = SheetParser(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        let parsed = parser.parse()
        if let failure = delegate.failure { throw failure }
        guard parsed else { throw .damaged(part: path, reason: "not well-formed XML (line \(parser.lineNumber))") }
        return delegate.rows
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        switch localName(elementName) {
        case "row":
            let number = attributeDict["r"].flatMap { Int($0) } ?? ((rows.last?.number ?? 0) + 1)
            row = XLSXRow(number: number, cells: [])
            column = -1
        case "c":
            column = attributeDict["r"].flatMap(XLSXReader.column(of:)) ?? (column + 1)
            type = attributeDict["t"] ?? "n"
            value = ""
            inline = ""
        case "v": inValue = true
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        switch localName(elementName) {
        case "row":
            if let row { rows.append(row) }
            row = nil
        case "c": store(parser)
        case "v": inValue = false
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { value += string } else if inText { inline += string }
    }

    private func store(_ parser: XMLParser) {
        guard column >= 0 else { return }
        let text: String
        switch type {
        case "s":
            guard let index = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(index) else {
                failure = .damaged(
                    part: "worksheet", reason: "row \(row?.number ?? 0): shared string \(value) does not exist")
                parser.abortParsing()
                return
            }
            text = shared[index]
        case "inlineStr": text = inline
        default: text = value
        }
        guard !text.isEmpty, var current = row else { return }
        if current.cells.count <= column {
            current.cells += Array(repeating: "", count: column + 1 - current.cells.count)
        }
        current.cells[column] = text
        row = current
    }
}
