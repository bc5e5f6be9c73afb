import Foundation

/// How close two cases' regions are for the duplicate check (BRIEF issue 3 "same or neighbouring grid"): the same
/// region, or neighbours — siblings under the same parent (two grids of one community), or a region and its direct
/// parent (a community-level case and a grid in it).
public enum RegionProximity: String, Sendable, Equatable, Codable, CaseIterable {
    /// The same region.
    case same
    /// Two regions with the same parent.
    case sameParent = "same_parent"
    /// One region is the other's direct parent.
    case parentChild = "parent_child"

    /// The proximity of the regions at `lhs` and `rhs` (paths like `990100/990102/990102001`, or bare codes), or
    /// `nil` when they are not neighbours.
    ///
    /// With a bare code the parent comes from the code rule of ``Region``: below district level, a child's code is its
    /// parent's followed by three digits.
    public static func between(_ lhs: String, _ rhs: String) -> RegionProximity? {
        let left = components(lhs)
        let right = components(rhs)
        guard let leftCode = left.last, let rightCode = right.last else { return nil }
        if leftCode == rightCode { return .same }
        let leftParent = parent(left)
        let rightParent = parent(right)
        if let leftParent, leftParent == rightParent { return .sameParent }
        if leftParent == rightCode || rightParent == leftCode { return .parentChild }
        return nil
    }

    private static func components(_ path: String) -> [String] {
        path.split(separator: "/").map(String.init)
    }

    private static func parent(_ components: [String]) -> String? {
        if components.count >= 2 { return components[components.count - 2] }
        guard let code = components.last, code.utf8.count > 6 else { return nil }
        return String(code.dropLast(3))
    }
}
