import Foundation

/// Why a list document cannot be imported at all (issue 7, "Bad input": an empty file, a file that is not text, a
/// 50 MB file, a document without a list — each gets a clear message and nothing is written).
public enum ListImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input is larger than the limit, in bytes.
    case tooLarge(bytes: Int, limit: Int)
    /// The input is not valid UTF-8.
    case notUTF8
    /// The input holds nothing but blanks.
    case empty
    /// The document holds no responsibility list.
    case noList
    /// The lists may not be stored, for the reason given (a list names no units; a strict import found problems).
    case refused(String)
    /// A structured document (YAML, CSV) that does not fit its format or schema, with the line when known.
    case malformed(line: Int?, reason: String)

    /// One line for the command line and the API.
    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            "the file has \(bytes) bytes, more than the limit of \(limit / 1024 / 1024) MB; split the document"
        case .notUTF8:
            "the file is not UTF-8 text; save the document as UTF-8 (.txt) and try again"
        case .empty:
            "the file is empty"
        case .noList:
            "no responsibility list found (no heading with points such as \"一、……(60分)\")"
        case .refused(let reason):
            reason
        case .malformed(let line, let reason):
            (line.map { "line \($0): " } ?? "") + reason
        }
    }
}
