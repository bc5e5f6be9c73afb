import Foundation

/// What happened to a case, one entry of its timeline (BRIEF §1 "a full timeline"; BRIEF §6 "全程留痕"). Raw values
/// are the stored and API names. `docs/CASES.md` lists the `data` keys each type carries.
public enum CaseEventType: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// The case was registered (受理).
    case created
    /// The case was assigned or reassigned to a unit (分流).
    case assigned
    /// The unit accepted the case (签收).
    case accepted
    /// The unit reported progress.
    case progress
    /// The unit returned the case to the centre (退回).
    case returned
    /// The unit reported the case resolved.
    case resolved
    /// The case was closed (结案).
    case closed
    /// The case was reopened after its result was rejected (重办).
    case reopened
    /// Supervision was put on or renewed (督办).
    case supervisionOn = "supervision_on"
    /// Supervision ended.
    case supervisionOff = "supervision_off"
    /// The unit requested an extension (延期申请).
    case extensionRequested = "extension_requested"
    /// The centre approved the extension; the deadline moved.
    case extensionApproved = "extension_approved"
    /// The centre refused the extension.
    case extensionRefused = "extension_refused"
    /// A pending extension lapsed because the case left the unit's hands (resolved, returned, reassigned, merged).
    case extensionDropped = "extension_dropped"
    /// The warning level changed.
    case levelChanged = "level_changed"
    /// The lead was marked as contested.
    case leadContested = "lead_contested"
    /// The centre designated the lead unit.
    case leadDesignated = "lead_designated"
    /// A step of the case's escalation chain fired (预警升级): who was notified and what they must do.
    case escalated
    /// This case was merged into another (并单).
    case merged
    /// Another case was merged into this one.
    case mergedFrom = "merged_from"
    /// A note was added.
    case note
}
