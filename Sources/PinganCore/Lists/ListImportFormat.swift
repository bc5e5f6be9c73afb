import Foundation

/// The formats a responsibility list is imported from (issue 7, "Importers"): text pasted from Word or PDF, CSV
/// saved from a spreadsheet, and the canonical YAML. (XLSX is not read yet.)
public enum ListImportFormat: String, Sendable, Equatable, CaseIterable, Codable {
    /// Text pasted from Word or PDF (`ResponsibilityListTextParser`).
    case text
    /// CSV with the column layout of `ListCSVImporter`.
    case csv
    /// The canonical YAML form (`ListYAMLDocument`).
    case yaml

    /// Reads a document: UTF-8, at most 50 MB, not blank (`ResponsibilityListTextParser.text(from:)`), then parsed in
    /// this format. It does not refuse a document without lists or units; `ListImportResult.rejection` says that.
    public func read(_ data: Data) throws(ListImportError) -> ListImportResult {
        let text = try ResponsibilityListTextParser.text(from: data)
        switch self {
        case .text: return ResponsibilityListTextParser.parse(text)
        case .csv: return try ListCSVImporter.read(text)
        case .yaml: return try ListYAMLDocument.read(text)
        }
    }

    /// Reads a document and checks that it may be stored: it holds a list, every list names units, and — when
    /// `strict` — nothing of warning or error severity was found (issue 7, "Bad input": nothing is written).
    public func importDocument(_ data: Data, strict: Bool) throws(ListImportError) -> ListImportResult {
        let result = try read(data)
        guard !result.lists.isEmpty else { throw .noList }
        if let reason = result.rejection(strict: strict) { throw .refused(reason) }
        return result
    }
}
