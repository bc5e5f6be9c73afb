import Foundation

/// One of Pingan's units as the list-unit matcher sees it: an identifier, the name and the aliases (BRIEF §4; built
/// from an `OrgUnit` by the caller).
public struct ListUnitCandidate: Sendable, Equatable, Codable {
    /// The unit's identifier (its code or id), returned with every match.
    public var id: String
    /// The unit's name ("青山公安分局").
    public var name: String
    /// Other names the unit is known by in documents ("区公安分局").
    public var aliases: [String]

    /// Creates a candidate.
    public init(id: String, name: String, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.aliases = aliases
    }
}
