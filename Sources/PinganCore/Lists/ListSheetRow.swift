/// One row of a spreadsheet, as the CSV layout reads it (issue 7, "csv/xlsx … with a documented column layout"): a
/// CSV record or a worksheet row, with the line (CSV) or row number (XLSX) that problems name.
public struct ListSheetRow: Sendable, Equatable {
    /// The 1-based line the record starts on, or the worksheet row's number.
    public var line: Int
    /// The cells, from the first column on; a missing cell is empty.
    public var fields: [String]

    /// A row.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
