import Foundation

/// A node of the region tree (BRIEF §1 "region (grid)"; DESIGN "Identity of things").
///
/// Codes follow the national scheme: the 6-digit administrative division code at district level and above, then the
/// street (3 more digits), the community (3 more) and the grid (3 more), so a child's code always extends its parent's
/// below district level. `path` lists the codes from the root to this node, joined by `/`, which makes "is in the
/// subtree of" a prefix test on every database engine.
public struct Region: Sendable, Equatable, Codable {
    /// The region's code (`990102`, `990102001`, …).
    public var code: String
    /// The region's name (`青山区`).
    public var name: String
    /// Its level in the tree.
    public var level: RegionLevel
    /// The parent's code; `nil` only for a root.
    public var parentCode: String?
    /// Codes from the root down to this node, joined by `/`.
    public var path: String

    /// Creates a region; use ``Region/make(code:name:level:parent:)`` to validate one.
    public init(code: String, name: String, level: RegionLevel, parentCode: String?, path: String) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.path = path
    }

    /// Validates a new region against its parent and computes its path.
    ///
    /// Rules: a name of 1–100 characters; a city or district code of exactly 6 digits; below district, the parent's
    /// code followed by exactly 3 digits; only a city or district may be a root; the parent must be exactly one level
    /// up. Every broken rule is reported, none silently fixed.
    public static func make(
        code: String, name: String, level: RegionLevel, parent: Region?
    ) throws(PinganError)
        -> Region
    {
        var violations: [FieldViolation] = []
        let trimmedName = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedName.isEmpty || trimmedName.count > 100 {
            violations.append(.init(field: "name", rule: "length", detail: "a name of 1 to 100 characters is required"))
        }
        if !code.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || code.isEmpty {
            violations.append(.init(field: "code", rule: "format", detail: "a region code has digits only"))
        } else {
            switch level {
            case .city, .district:
                if code.utf8.count != 6 {
                    violations.append(
                        .init(
                            field: "code", rule: "format",
                            detail: "a \(level.rawValue) code is the 6-digit administrative division code"))
                }
            case .street, .community, .grid:
                if let parent, !(code.hasPrefix(parent.code) && code.utf8.count == parent.code.utf8.count + 3) {
                    violations.append(
                        .init(
                            field: "code", rule: "format",
                            detail: "a \(level.rawValue) code is its parent's code \(parent.code) followed by 3 digits"
                        ))
                }
            }
        }
        if let parent {
            if parent.level.childLevel != level {
                violations.append(
                    .init(
                        field: "level", rule: "hierarchy",
                        detail: "a \(level.rawValue) cannot sit directly under a \(parent.level.rawValue)"))
            }
        } else if level != .city && level != .district {
            violations.append(
                .init(field: "parent_code", rule: "required", detail: "a \(level.rawValue) needs a parent region"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        let path = parent.map { "\($0.path)/\(code)" } ?? code
        return Region(code: code, name: trimmedName, level: level, parentCode: parent?.code, path: path)
    }

    /// Whether `other` is this region or lies below it.
    public func contains(_ other: Region) -> Bool {
        other.path == path || other.path.hasPrefix(path + "/")
    }
}
