import Foundation
import PinganCore
import PinganSpreadsheet

/// Reads a responsibility list's XLSX workbook for `ListImportFormat.xlsx` (issue 7): the first worksheet's rows,
/// each with its row number, handed to the CSV layout's reader. A file that is not a workbook is `malformed`.
public struct XLSXListSheet: ListSpreadsheetReader {
    /// The reader.
    public init() {}

    /// The rows of the first worksheet.
    public func rows(of data: Data) throws(ListImportError) -> [ListSheetRow] {
        do {
            return try XLSXReader.firstSheet(data).map { ListSheetRow(line: $0.number, fields: $0.cells) }
        } catch {
            throw .malformed(line: nil, reason: error.description)
        }
    }
}
