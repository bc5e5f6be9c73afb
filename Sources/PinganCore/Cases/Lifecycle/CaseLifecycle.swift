import Foundation

/// The case lifecycle as an explicit state machine (BRIEF §1: 发现受理 → 分流处置 → 跟踪督办 → 反馈评价; received →
/// assigned → in progress → resolved → closed). Pure: the time and the actor are parameters.
///
/// The state table — which actions each status allows (R received, A assigned, P in progress, S resolved, C closed,
/// M merged):
///
/// | action              | R | A | P | S | C | M | also requires                                  | leads to          |
/// | ------------------- | - | - | - | - | - | - | ---------------------------------------------- | ----------------- |
/// | `assign`            | ✓ | ✓ | ✓ |   |   |   |                                                | assigned ¹        |
/// | `accept`            |   | ✓ |   |   |   |   |                                                | in progress       |
/// | `add_progress`      |   |   | ✓ |   |   |   |                                                | —                 |
/// | `return_to_centre`  |   | ✓ | ✓ |   |   |   |                                                | received          |
/// | `resolve`           |   |   | ✓ |   |   |   |                                                | resolved          |
/// | `close`             |   |   |   | ✓ |   |   |                                                | closed            |
/// | `reopen`            |   |   |   | ✓ |   |   |                                                | in progress       |
/// | `supervise_on`      | ✓ | ✓ | ✓ | ✓ |   |   |                                                | —                 |
/// | `supervise_off`     | ✓ | ✓ | ✓ | ✓ |   |   | under supervision                              | —                 |
/// | `request_extension` |   | ✓ | ✓ |   |   |   | a deadline; no request pending                 | —                 |
/// | `approve_extension` |   | ✓ | ✓ |   |   |   | a request pending                              | —                 |
/// | `refuse_extension`  |   | ✓ | ✓ |   |   |   | a request pending                              | —                 |
/// | `change_level`      | ✓ | ✓ | ✓ | ✓ |   |   |                                                | —                 |
/// | `mark_contested`    |   | ✓ | ✓ |   |   |   | participating units; lead not yet contested    | —                 |
/// | `designate_lead`    |   | ✓ | ✓ |   |   |   | lead contested                                 | assigned ² or —   |
/// | `merge_into`        | ✓ | ✓ | ✓ | ✓ |   |   |                                                | merged            |
/// | `add_note`          | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |                                                | —                 |
///
/// ¹ Reassigning an in-progress case to the unit already working it keeps it in progress. ² Designating a different
/// lead makes the case assigned again, for the new lead to accept.
///
/// An action outside the table throws ``CaseTransitionError`` listing ``allowedActions(for:)``; an allowed action with
/// broken fields throws ``PinganError/invalid(_:)`` naming every field. `docs/CASES.md` explains each rule.
public enum CaseLifecycle {
    /// The statuses in which `action` is allowed (the columns of the state table, before the extra requirements).
    public static func statuses(allowing action: CaseActionName) -> Set<CaseStatus> {
        let open: Set<CaseStatus> = [.received, .assigned, .inProgress, .resolved]
        let withUnit: Set<CaseStatus> = [.assigned, .inProgress]
        switch action {
        case .assign: return [.received, .assigned, .inProgress]
        case .accept: return [.assigned]
        case .addProgress, .resolve: return [.inProgress]
        case .returnToCentre: return withUnit
        case .close, .reopen: return [.resolved]
        case .superviseOn, .superviseOff, .changeLevel, .mergeInto: return open
        case .requestExtension, .approveExtension, .refuseExtension, .markContested, .designateLead: return withUnit
        case .addNote: return Set(CaseStatus.allCases)
        }
    }

    /// The actions allowed on `record` now, in ``CaseActionName`` order: its status allows them and their extra
    /// requirements hold. The UI shows only these; a refused action lists them.
    public static func allowedActions(for record: Case) -> [CaseActionName] {
        CaseActionName.allCases.filter { refusal(of: $0, for: record) == nil }
    }

    /// Why `action` is not allowed on `record` now, or `nil` when it is.
    public static func refusal(of action: CaseActionName, for record: Case) -> String? {
        guard statuses(allowing: action).contains(record.status) else {
            return "'\(action.rawValue)' is not allowed while the case is \(record.status.rawValue)"
        }
        switch action {
        case .superviseOff where record.supervision == nil:
            return "the case is not under supervision"
        case .requestExtension where record.pendingExtension != nil:
            return "an extension request is already pending"
        case .requestExtension where record.deadline == nil:
            return "the case has no deadline to extend"
        case .approveExtension where record.pendingExtension == nil,
            .refuseExtension where record.pendingExtension == nil:
            return "no extension request is pending"
        case .markContested where record.participatingUnitIDs.isEmpty:
            return "only a case with participating units can have a contested lead"
        case .markContested where record.leadContested:
            return "the lead is already contested"
        case .designateLead where !record.leadContested:
            return "the lead is not contested"
        default:
            return nil
        }
    }

    /// Opens a case from `draft` (受理): status received, version 1, and a `created` event.
    ///
    /// Throws ``PinganError/invalid(_:)`` with every rule the draft breaks (see ``CaseDraft``) and a `number` that
    /// is not a valid ``CaseNumber``.
    public static func open(
        _ draft: CaseDraft, id: UUID, number: String, by actor: ActorRef, at time: Date
    ) throws(PinganError) -> (Case, [CaseEvent]) {
        var violations = draft.violations(at: time)
        if CaseNumber.parse(number) == nil {
            violations.insert(
                .init(field: "number", rule: "format", detail: "a case number looks like QS-2026-000123"), at: 0)
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        let record = Case(
            id: id, number: number, kind: draft.kind, categoryCode: draft.categoryCode, regionCode: draft.regionCode,
            source: draft.source, title: draft.title.trimmingCharacters(in: .whitespacesAndNewlines),
            description: draft.description, hasParties: draft.hasParties, level: draft.level,
            deadline: draft.deadline, acceptDeadline: draft.acceptDeadline, status: .received,
            isPublic: draft.isPublic, version: 1, createdAt: time, updatedAt: time)
        var data = [
            "number": number, "kind": draft.kind.rawValue, "category_code": draft.categoryCode,
            "region_code": draft.regionCode, "source": draft.source.rawValue, "level": draft.level.rawValue,
            "is_public": String(draft.isPublic), "has_parties": String(draft.hasParties),
        ]
        data["deadline"] = draft.deadline.map(Timestamp.format)
        data["accept_deadline"] = draft.acceptDeadline.map(Timestamp.format)
        let event = CaseEvent(
            id: CaseEvent.derivedID(caseID: id, version: 1, index: 0), caseID: id, at: time, actor: actor,
            type: .created, note: nil, data: data, version: 1)
        return (record, [event])
    }

    /// Applies `action` to `current` on behalf of `actor` at `time`: the changed case (version + 1, `updatedAt` =
    /// `time`) and the events for its timeline, in order.
    ///
    /// Throws exactly one of two errors, and changes nothing when it does:
    /// - ``CaseTransitionError`` when the state table or the action's extra requirement refuses it (HTTP 409, with
    ///   the allowed actions);
    /// - ``PinganError/invalid(_:)`` when the action is allowed but its fields break rules (an empty reason, a
    ///   deadline in the past, a level outside the kind's scale …), every broken rule at once (HTTP 422).
    public static func apply(
        _ action: CaseAction, to current: Case, by actor: ActorRef, at time: Date
    ) throws -> (Case, [CaseEvent]) {
        if let detail = refusal(of: action.name, for: current) {
            throw CaseTransitionError(
                status: current.status, action: action.name, allowed: allowedActions(for: current), detail: detail)
        }
        var change = CaseChange(current)
        try change.perform(action, by: actor, at: time)
        return change.finish(by: actor, at: time)
    }

    /// Merges (并单) `source` into `target`: the source becomes merged with `mergedInto` set (the `merge_into`
    /// action), the target stays the one worked and records a `merged_from` event; both keep their timelines and
    /// both versions increase. Both cases must be open and distinct.
    ///
    /// Throws as ``apply(_:to:by:at:)`` does, for the source's state and the action's fields.
    public static func merge(
        _ source: Case, into target: Case, reason: String, by actor: ActorRef, at time: Date
    ) throws -> (source: Case, target: Case, events: [CaseEvent]) {
        let (merged, sourceEvents) = try apply(
            .mergeInto(target: CaseMergeTarget(target), reason: reason), to: source, by: actor, at: time)
        var change = CaseChange(target)
        change.emit(
            .mergedFrom, note: sourceEvents.first(where: { $0.type == .merged })?.note,
            data: ["source_id": source.id.uuidString, "source_number": source.number])
        let (absorbing, targetEvents) = change.finish(by: actor, at: time)
        return (merged, absorbing, sourceEvents + targetEvents)
    }
}
