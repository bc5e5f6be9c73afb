import Foundation

/// Turns a spreadsheet file into the rows of its first worksheet, for `ListImportFormat.xlsx` (issue 7). PinganCore
/// reads no zip archives; `XLSXListSheet` in PinganServices implements this over the XLSX reader.
public protocol ListSpreadsheetReader: Sendable {
    /// The rows of the file's first worksheet; a file that is not a workbook throws `ListImportError.malformed`.
    func rows(of data: Data) throws(ListImportError) -> [ListSheetRow]
}
