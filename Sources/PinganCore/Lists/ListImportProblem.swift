import Foundation

/// Something the responsibility-list importer found wrong or doubtful in its input, with the 1-based line it
/// concerns (issue 7: every mismatch, unparsed line and unit gap is reported with its line number).
public struct ListImportProblem: Sendable, Equatable, Codable, CustomStringConvertible {
    /// How much the problem matters.
    public enum Severity: String, Sendable, Equatable, Codable, Comparable {
        /// For information; never stops an import (an item without participating units).
        case notice
        /// Needs a person's attention; stops a `--strict` import (an item without a lead unit, a flagged rule).
        case warning
        /// The list is inconsistent; stops a `--strict` import (points that do not add up, an unparsed line).
        case error

        /// Orders notice < warning < error.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .notice: 0
            case .warning: 1
            case .error: 2
            }
        }
    }

    /// What kind of problem it is, for programs.
    public enum Kind: String, Sendable, Equatable, Codable {
        /// A line the importer could not place.
        case unparsedLine = "unparsed_line"
        /// Items do not add up to their chapter, or chapters to the list's total.
        case pointsMismatch = "points_mismatch"
        /// A heading without points among headings with points, or a list whose points cannot be reconciled.
        case missingPoints = "missing_points"
        /// An item without lead units (牵头单位).
        case missingLeadUnits = "missing_lead_units"
        /// An item without participating units (参与单位).
        case missingParticipatingUnits = "missing_participating_units"
        /// An item without requirement text.
        case missingRequirement = "missing_requirement"
        /// A negative-list entry whose deduction could not be read; kept as text for manual entry.
        case unreadableDeduction = "unreadable_deduction"
        /// A list that names no units at all.
        case noUnits = "no_units"
        /// A list without a heading of its own, or without a stated total.
        case missingHeading = "missing_heading"
        /// A unit name that matches none of Pingan's units, or more than one.
        case unmatchedUnit = "unmatched_unit"
        /// A chapter heading that appears twice in one list, or a chapter with nothing under it — often a table of
        /// contents without its 目录 marker.
        case duplicateHeading = "duplicate_heading"
    }

    /// The 1-based line the problem concerns; nil when it concerns no single line.
    public var line: Int?
    /// How much it matters.
    public var severity: Severity
    /// What kind of problem it is.
    public var kind: Kind
    /// A sentence for people, naming the chapter or item and the figures.
    public var message: String

    /// Creates a problem.
    public init(line: Int?, severity: Severity, kind: Kind, message: String) {
        self.line = line
        self.severity = severity
        self.kind = kind
        self.message = message
    }

    /// "line 36: warning: item 6 防范化解物业服务矛盾 names no lead unit (牵头单位)".
    public var description: String {
        (line.map { "line \($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}
