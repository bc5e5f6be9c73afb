import Foundation

/// The outcome of importing a responsibility-list document: the lists it holds and the problems found, in line
/// order (issue 7, "Importers"). An import with problems still succeeds unless it is strict.
public struct ListImportResult: Sendable, Equatable, Codable {
    /// One list per list the document holds, in document order.
    public var lists: [ResponsibilityList]
    /// Every problem, ordered by line.
    public var problems: [ListImportProblem]

    /// Creates a result.
    public init(lists: [ResponsibilityList], problems: [ListImportProblem]) {
        self.lists = lists
        self.problems = problems
    }

    /// Why the import must not be stored, or nil when it may be: the document holds no list, a list names no
    /// units, or — when `strict` — any warning or error was reported (issue 7, "Bad input").
    public func rejection(strict: Bool) -> String? {
        if lists.isEmpty {
            return "the document holds no responsibility list (no heading with points such as \"一、……(60分)\")"
        }
        if let bare = problems.first(where: { $0.kind == .noUnits }) {
            return bare.message
        }
        if strict {
            let serious = problems.filter { $0.severity >= .warning }
            if !serious.isEmpty {
                return "strict import refused: \(serious.count) problem(s) of warning or error severity"
            }
        }
        return nil
    }
}
