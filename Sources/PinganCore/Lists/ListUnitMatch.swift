import Foundation

/// A unit name from a list matched to one of Pingan's units, with how it was matched (issue 7: units named in a list
/// are matched by name and aliases).
public struct ListUnitMatch: Sendable, Equatable, Codable {
    /// How the name was matched, from the surest to the least sure.
    public enum Basis: String, Sendable, Equatable, Codable {
        /// The name is the unit's name or one of its aliases, exactly.
        case exact
        /// Equal after folding full-width characters, removing blanks and a trailing "等".
        case normalized
        /// Equal after also removing the region's name or a leading "区" ("区司法局" = "青山区司法局" = "司法局").
        case regionPrefix = "region_prefix"
        /// Equal after also reading "分局" as "局" ("区公安局" = "青山公安分局").
        case branchBureau = "branch_bureau"
    }

    /// The name as the list writes it.
    public var name: String
    /// The matched unit's identifier.
    public var unitID: String
    /// The matched unit's name.
    public var unitName: String
    /// How it was matched.
    public var basis: Basis

    /// Creates a match.
    public init(name: String, unitID: String, unitName: String, basis: Basis) {
        self.name = name
        self.unitID = unitID
        self.unitName = unitName
        self.basis = basis
    }
}
