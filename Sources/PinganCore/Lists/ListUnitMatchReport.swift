import Foundation

/// The outcome of matching a list's unit names to Pingan's units: every name is either matched or unmatched with a
/// reason, never dropped (issue 7).
public struct ListUnitMatchReport: Sendable, Equatable, Codable {
    /// A name that matched no unit, or more than one.
    public struct Unmatched: Sendable, Equatable, Codable {
        /// Why the name is unmatched.
        public enum Reason: Sendable, Equatable, Codable {
            /// No unit has this name or alias, even after normalising.
            case noUnit
            /// Several units match at the same level; the admin must choose (their identifiers).
            case ambiguous([String])
            /// The name stands for a group of units ("各街道办事处", "区直各部门"); map it by hand or add an alias.
            case collective
        }

        /// The name as the list writes it.
        public var name: String
        /// Why it is unmatched.
        public var reason: Reason

        /// Creates an unmatched name.
        public init(name: String, reason: Reason) {
            self.name = name
            self.reason = reason
        }
    }

    /// Names matched to a unit, in input order.
    public var matches: [ListUnitMatch]
    /// Names not matched, in input order.
    public var unmatched: [Unmatched]

    /// Creates a report.
    public init(matches: [ListUnitMatch], unmatched: [Unmatched]) {
        self.matches = matches
        self.unmatched = unmatched
    }
}
