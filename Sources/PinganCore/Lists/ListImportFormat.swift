import Foundation

/// The formats a responsibility list is imported from (issue 7, "Importers"): text pasted from Word or PDF, CSV
/// saved from a spreadsheet, the first worksheet of an XLSX workbook in the same column layout, and the canonical YAML.
public enum ListImportFormat: String, Sendable, Equatable, CaseIterable, Codable {
    /// Text pasted from Word or PDF (`ResponsibilityListTextParser`).
    case text
    /// CSV with the column layout of `ListCSVImporter`.
    case csv
    /// The canonical YAML form (`ListYAMLDocument`).
    case yaml
    /// The first worksheet of an XLSX workbook, in the column layout of `ListCSVImporter`; its rows are read by a
    /// `ListSpreadsheetReader` (PinganCore reads no zip archives).
    case xlsx

    /// Reads a document: UTF-8, at most 50 MB, not blank (`ResponsibilityListTextParser.text(from:)`), then parsed in
    /// this format; an XLSX workbook (at most 50 MB, not empty) is turned into rows by `spreadsheet` and read like
    /// CSV. It does not refuse a document without lists or units; `ListImportResult.rejection` says that.
    public func read(
        _ data: Data, spreadsheet: (any ListSpreadsheetReader)? = nil
    ) throws(ListImportError) -> ListImportResult {
        switch self {
        case .text: return ResponsibilityListTextParser.parse(try ResponsibilityListTextParser.text(from: data))
        case .csv: return try ListCSVImporter.read(try ResponsibilityListTextParser.text(from: data))
        case .yaml: return try ListYAMLDocument.read(try ResponsibilityListTextParser.text(from: data))
        case .xlsx:
            let limit = ResponsibilityListTextParser.maximumBytes
            guard data.count <= limit else { throw .tooLarge(bytes: data.count, limit: limit) }
            guard !data.isEmpty else { throw .empty }
            guard let spreadsheet else {
                throw .malformed(line: nil, reason: "xlsx workbooks cannot be read here; save the sheet as CSV")
            }
            return try ListCSVImporter.read(rows: spreadsheet.rows(of: data))
        }
    }

    /// Reads a document and checks that it may be stored: it holds a list, every list names units, and — when
    /// `strict` — nothing of warning or error severity was found (issue 7, "Bad input": nothing is written).
    public func importDocument(
        _ data: Data, strict: Bool, spreadsheet: (any ListSpreadsheetReader)? = nil
    ) throws(ListImportError) -> ListImportResult {
        let result = try read(data, spreadsheet: spreadsheet)
        guard !result.lists.isEmpty else { throw .noList }
        if let reason = result.rejection(strict: strict) { throw .refused(reason) }
        return result
    }
}
