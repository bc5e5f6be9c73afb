import Foundation

/// A cell of a worksheet written by `XLSXWriter`: text (an inline string), a number, or nothing.
public enum XLSXCell: Sendable, Equatable {
    /// Text, written as an inline string.
    case text(String)
    /// A number, written as a number cell.
    case number(Decimal)
    /// No cell.
    case empty
}
