import Foundation

/// The name of every action on a case (BRIEF §1 lifecycle): what ``CaseLifecycle/allowedActions(for:)`` lists, what
/// the web layer shows as buttons and returns in a 409 answer. Raw values are the API's snake_case names.
public enum CaseActionName: String, Sendable, Equatable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Assign (分流) to a responsible unit, or reassign.
    case assign
    /// The unit accepts (签收) and starts work.
    case accept
    /// The unit reports progress (进展).
    case addProgress = "add_progress"
    /// The unit returns a misrouted case to the centre (退回).
    case returnToCentre = "return_to_centre"
    /// The unit reports the case resolved (办结上报).
    case resolve
    /// The centre closes the case after feedback or after the feedback period (结案).
    case close
    /// The citizen or the centre rejects the result and the case is reopened (重办).
    case reopen
    /// The centre puts the case under supervision (督办).
    case superviseOn = "supervise_on"
    /// The centre ends supervision.
    case superviseOff = "supervise_off"
    /// The unit requests a deadline extension (申请延期).
    case requestExtension = "request_extension"
    /// The centre approves the pending extension.
    case approveExtension = "approve_extension"
    /// The centre refuses the pending extension.
    case refuseExtension = "refuse_extension"
    /// The warning level is raised or lowered.
    case changeLevel = "change_level"
    /// The operator marks the lead as contested between the units involved.
    case markContested = "mark_contested"
    /// The centre designates the lead unit of a contested case (指定牵头单位).
    case designateLead = "designate_lead"
    /// The case is merged into another (并单).
    case mergeInto = "merge_into"
    /// A note is added to the timeline (备注).
    case addNote = "add_note"

    /// The API name.
    public var description: String { rawValue }
}
