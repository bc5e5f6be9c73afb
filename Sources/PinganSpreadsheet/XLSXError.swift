import Foundation

/// Why a file cannot be read as an XLSX workbook.
public enum XLSXError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is not a zip archive (an .xlsx is one).
    case notZip
    /// The archive holds no worksheet (an empty zip, or a zip that is not a workbook).
    case noWorksheet
    /// A part of the workbook is missing, too large or not well-formed XML, with the part's path and the reason.
    case damaged(part: String, reason: String)
    /// The workbook could not be written (the zip writer's reason).
    case notWritten(String)

    /// One line for people.
    public var description: String {
        switch self {
        case .notZip: "not an xlsx workbook: the file is not a zip archive"
        case .noWorksheet: "not an xlsx workbook: the archive holds no worksheet"
        case .damaged(let part, let reason): "the xlsx workbook is damaged: \(part): \(reason)"
        case .notWritten(let reason): "the xlsx workbook could not be written: \(reason)"
        }
    }
}
