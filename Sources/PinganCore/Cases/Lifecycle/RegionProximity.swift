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
        // Runs for every duplicate candidate at intake: bytes, not characters (codes and `/` are ASCII).
        let left = Node(lhs)
        let right = Node(rhs)
        guard !left.code.isEmpty, !right.code.isEmpty else { return nil }
        if left.code.elementsEqual(right.code) { return .same }
        if let leftParent = left.parent, let rightParent = right.parent, leftParent.elementsEqual(rightParent) {
            return .sameParent
        }
        if let leftParent = left.parent, leftParent.elementsEqual(right.code) { return .parentChild }
        if let rightParent = right.parent, rightParent.elementsEqual(left.code) { return .parentChild }
        return nil
    }

    /// The path under which (or at which) every neighbour of the region at `path` lies: its parent's path, or its own
    /// when the path has no parent in it. The store narrows the duplicate candidates to this subtree before
    /// ``between(_:_:)`` decides (the subtree also holds regions that are not neighbours, never the reverse).
    public static func neighbourhood(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[..<slash])
    }

    /// A region's own code and its parent's, as byte ranges of its path.
    private struct Node {
        var code: Substring.UTF8View
        var parent: Substring.UTF8View?

        init(_ path: String) {
            let bytes = Substring(path).utf8
            let slash = UInt8(ascii: "/")
            guard let last = bytes.lastIndex(of: slash) else {
                code = bytes
                // A bare code: below district level a child's code is its parent's followed by three digits.
                parent = bytes.count > 6 ? bytes.dropLast(3) : nil
                return
            }
            code = bytes[bytes.index(after: last)...]
            let head = bytes[..<last]
            let parentCode = head.lastIndex(of: slash).map { head[head.index(after: $0)...] } ?? head
            // An empty parent (`/a`, `a//b`) is no parent: two such paths are not neighbours by it.
            parent = parentCode.isEmpty ? nil : parentCode
        }
    }
}
