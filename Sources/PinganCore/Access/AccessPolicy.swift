import Foundation

/// Who may see and change what (BRIEF "Users", §6): the scoping rules every read and write goes through.
///
/// - An admin manages the organisation and reads the audit log.
/// - A handler sees its own unit only.
/// - An operator or leader sees everything whose region lies in the subtree of its unit's region.
/// - Nobody else sees organisation data beyond their own unit.
public enum AccessPolicy {
    /// Whether `principal` may create or change regions, units and users.
    public static func canManageOrganisation(_ principal: Principal) -> Bool {
        principal.has(.admin)
    }

    /// Whether `principal` may read the audit log (auditors are admins for now).
    public static func canReadAudit(_ principal: Principal) -> Bool {
        principal.has(.admin)
    }

    /// Whether `principal` may see the unit with id `unitID` located in the region with path `regionPath`.
    public static func canSee(unitID: UUID, regionPath: String, by principal: Principal) -> Bool {
        if principal.has(.admin) || principal.unitID == unitID { return true }
        if principal.has(.operator) || principal.has(.leader) || principal.has(.assessor) {
            return isWithin(regionPath, scope: principal.regionPath)
        }
        return false
    }

    /// Whether `regionPath` is the region at `scope` or lies below it.
    public static func isWithin(_ regionPath: String, scope: String) -> Bool {
        regionPath == scope || regionPath.hasPrefix(scope + "/")
    }
}
