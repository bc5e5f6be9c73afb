/// A row of a worksheet as read by `XLSXReader`: its 1-based number and its cells as text, by column (A is 0);
/// a cell the file leaves out is empty.
public struct XLSXRow: Sendable, Equatable {
    /// The row's number in the sheet (1-based), as a spreadsheet shows it.
    public var number: Int
    /// The cells' text, from column A to the last cell present in the row.
    public var cells: [String]

    /// A row.
    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}
