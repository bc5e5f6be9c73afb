import Foundation

/// The signed-in user as the rules see it: who, in which unit, covering which region.
public struct Principal: Sendable, Equatable {
    /// The user's id.
    public var userID: UUID
    /// The user's login name (for the audit log).
    public var username: String
    /// Roles held.
    public var roles: Set<Role>
    /// The user's unit.
    public var unitID: UUID
    /// The path of the unit's region (see ``Region/path``): an operator's or leader's scope.
    public var regionPath: String

    /// Creates a principal.
    public init(userID: UUID, username: String, roles: Set<Role>, unitID: UUID, regionPath: String) {
        self.userID = userID
        self.username = username
        self.roles = roles
        self.unitID = unitID
        self.regionPath = regionPath
    }

    /// Whether the user holds `role`.
    public func has(_ role: Role) -> Bool { roles.contains(role) }
}
