import Foundation

/// A CSV file as rows of cells (RFC 4180): quoted cells may hold commas, doubled quotes and line breaks; CRLF or LF
/// line ends; a UTF-8 byte-order mark (as Excel writes it) is dropped; blank lines are skipped.
public struct CSVTable: Sendable, Equatable {
    /// The header row.
    public var header: [String]
    /// The data rows, each with its line number in the file (the header is line 1).
    public var rows: [(line: Int, cells: [String])]

    /// A table of `header` and `rows` (another reader, e.g. of a spreadsheet, builds one).
    public init(header: [String], rows: [(line: Int, cells: [String])]) {
        self.header = header
        self.rows = rows
    }

    public static func == (lhs: CSVTable, rhs: CSVTable) -> Bool {
        lhs.header == rhs.header && lhs.rows.map(\.line) == rhs.rows.map(\.line)
            && lhs.rows.map(\.cells) == rhs.rows.map(\.cells)
    }

    /// Parses `text`; `nil` when there is no header row.
    public static func parse(_ text: String) -> CSVTable? {
        var records: [(line: Int, cells: [String])] = []
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0
        func endRecord() {
            cells.append(cell)
            if !(cells.count == 1 && cells[0].trimmingCharacters(in: .whitespaces).isEmpty) {
                records.append((recordLine, cells))
            }
            cells = []
            cell = ""
            recordLine = line
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        cell.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    cell.unicodeScalars.append(scalar)
                }
            } else {
                switch scalar {
                case "\"": quoted = true
                case ",":
                    cells.append(cell)
                    cell = ""
                case "\r": break
                case "\n":
                    line += 1
                    endRecord()
                default: cell.unicodeScalars.append(scalar)
                }
            }
            index += 1
        }
        if !cell.isEmpty || !cells.isEmpty { endRecord() }
        guard let first = records.first else { return nil }
        return CSVTable(
            header: first.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }
}
