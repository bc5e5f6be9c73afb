import Foundation

/// Who may take which action on a case (BRIEF "Users", §1), given that the caller may see the case at all.
///
/// - The centre's actions — assign, close, reopen, supervise, approve or refuse an extension, change the level, mark
///   the lead contested, designate the lead, merge — belong to operators (and admins).
/// - The unit's actions — accept, return, resolve, request an extension — belong to handlers and leaders of the
///   responsible unit; participating units may add progress.
/// - Anyone who may see the case may add a note.
public enum CasePermissions {
    /// Actions of the centre.
    public static let centreActions: Set<CaseActionName> = [
        .assign, .close, .reopen, .superviseOn, .superviseOff, .approveExtension, .refuseExtension, .changeLevel,
        .markContested, .designateLead, .mergeInto,
    ]

    /// Actions of the responsible unit.
    public static let unitActions: Set<CaseActionName> = [
        .accept, .returnToCentre, .resolve, .requestExtension, .addProgress,
    ]

    /// Whether `principal` may take `action` on `record`.
    public static func may(_ action: CaseActionName, on record: Case, by principal: Principal) -> Bool {
        if action == .addNote { return true }
        if centreActions.contains(action) {
            return principal.has(.operator) || principal.has(.admin)
        }
        if unitActions.contains(action) {
            let worksCases = principal.has(.handler) || principal.has(.leader)
            if record.responsibleUnitID == principal.unitID { return worksCases }
            return action == .addProgress && worksCases && record.participatingUnitIDs.contains(principal.unitID)
        }
        return false
    }

    /// Whether `principal` may open new cases: operators, grid workers (reporting from the field) and admins.
    public static func mayCreate(_ principal: Principal) -> Bool {
        principal.has(.operator) || principal.has(.gridWorker) || principal.has(.admin)
    }

    /// Whether `principal` may see `record`, located at `regionPath` and reported by `reporterID`: admins all;
    /// operators, leaders, analysts and assessors their region subtree; handlers their unit's cases (responsible or
    /// participating); grid workers their unit's cases and those they reported.
    public static func maySee(_ record: Case, regionPath: String, reporterID: UUID?, by principal: Principal) -> Bool {
        if principal.has(.admin) { return true }
        if principal.has(.operator) || principal.has(.leader) || principal.has(.analyst) || principal.has(.assessor),
            AccessPolicy.isWithin(regionPath, scope: principal.regionPath)
        {
            return true
        }
        if record.responsibleUnitID == principal.unitID || record.participatingUnitIDs.contains(principal.unitID) {
            return true
        }
        return reporterID == principal.userID
    }

    /// Whether `principal` may read the parties' personal data (BRIEF §6: only the units handling the case): users
    /// of the responsible and participating units, and the centre's operators who route and supervise it.
    public static func mayReadParties(of record: Case, regionPath: String, by principal: Principal) -> Bool {
        if record.responsibleUnitID == principal.unitID || record.participatingUnitIDs.contains(principal.unitID) {
            return principal.has(.handler) || principal.has(.leader) || principal.has(.operator)
        }
        return principal.has(.operator) && AccessPolicy.isWithin(regionPath, scope: principal.regionPath)
    }
}
