import Foundation

/// Something a user or the system does to a case (BRIEF §1 lifecycle), with everything the action needs.
/// ``CaseLifecycle/apply(_:to:by:at:)`` checks it against the state table and its own field rules.
///
/// Free-text fields (`reason`, `note`, `result`) are trimmed; a required one must be non-empty. Reasons have at most
/// 2 000 characters, notes and results at most 10 000. Every deadline must lie after the time of the action.
public enum CaseAction: Sendable, Equatable {
    /// Assigns (分流) the case to `unitID` with an optional responsible person and participating units, and the
    /// reason (the router's proposal or the operator's override). `nil` deadlines leave the current ones in place.
    /// From received, assigned or in progress; the case becomes assigned and the unit must accept it.
    case assign(
        unitID: UUID, personID: UUID?, participantIDs: [UUID], reason: String, deadline: Date?,
        acceptDeadline: Date?)
    /// The responsible unit accepts (签收) the case and starts work: assigned → in progress, with no separate "start
    /// work" step. The responsible person becomes `personID` when given, otherwise stays the one named at
    /// assignment, otherwise becomes the accepting user.
    case accept(personID: UUID?)
    /// The unit reports progress (进展) while working the case.
    case addProgress(note: String)
    /// The unit returns a misrouted case (退回) with a mandatory reason: back to received, without a unit.
    case returnToCentre(reason: String)
    /// The unit reports the case resolved with the channel and the result.
    case resolve(channel: ResolutionChannel, result: String)
    /// The centre closes the resolved case with the feedback received, or with none after the feedback period.
    case close(feedback: CaseFeedback, afterFeedbackPeriod: Bool)
    /// The citizen or the centre rejects the result: back to in progress with the same unit, optionally with a new
    /// deadline.
    case reopen(reason: String, requester: ReopenRequester, deadline: Date?)
    /// The centre puts the case under supervision (督办) until `deadline`, or renews it.
    case superviseOn(deadline: Date, reason: String)
    /// The centre ends supervision.
    case superviseOff(reason: String)
    /// The unit asks to move the deadline to `newDeadline` (later than the current deadline).
    case requestExtension(newDeadline: Date, reason: String)
    /// The centre approves the pending extension; the deadline moves to the requested one.
    case approveExtension(note: String?)
    /// The centre refuses the pending extension, with a reason.
    case refuseExtension(reason: String)
    /// Raises or lowers the warning level within the kind's scale.
    case changeLevel(level: WarningLevel, reason: String)
    /// Marks the lead as contested between the units involved, so that the centre designates it.
    case markContested(reason: String)
    /// The centre designates the lead unit of a contested case.
    case designateLead(unitID: UUID, reason: String)
    /// Merges (并单) this case into `target`, which is then the one worked; both timelines are kept.
    case mergeInto(target: CaseMergeTarget, reason: String)
    /// Adds a note to the timeline.
    case addNote(note: String)

    /// The action's name, as the state table and the API know it.
    public var name: CaseActionName {
        switch self {
        case .assign: .assign
        case .accept: .accept
        case .addProgress: .addProgress
        case .returnToCentre: .returnToCentre
        case .resolve: .resolve
        case .close: .close
        case .reopen: .reopen
        case .superviseOn: .superviseOn
        case .superviseOff: .superviseOff
        case .requestExtension: .requestExtension
        case .approveExtension: .approveExtension
        case .refuseExtension: .refuseExtension
        case .changeLevel: .changeLevel
        case .markContested: .markContested
        case .designateLead: .designateLead
        case .mergeInto: .mergeInto
        case .addNote: .addNote
        }
    }
}
