import Foundation

/// A level of the region tree (BRIEF "Users", §1): city › district › street/township › community › grid.
public enum RegionLevel: String, Sendable, Codable, CaseIterable, Comparable {
    /// City (市).
    case city
    /// District or county (区/县).
    case district
    /// Street or township (街道/乡镇).
    case street
    /// Community or village (社区/村).
    case community
    /// Grid (网格), the smallest area a grid worker covers.
    case grid

    /// The level a child of this level has, or `nil` for a grid.
    public var childLevel: RegionLevel? {
        switch self {
        case .city: .district
        case .district: .street
        case .street: .community
        case .community: .grid
        case .grid: nil
        }
    }

    /// Depth in the tree, the city being 0.
    public var depth: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Levels order from the city down to the grid.
    public static func < (lhs: RegionLevel, rhs: RegionLevel) -> Bool { lhs.depth < rhs.depth }
}
