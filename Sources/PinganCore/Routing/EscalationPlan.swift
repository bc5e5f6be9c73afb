import Foundation

/// The concrete escalation plan of one case (BRIEF §2; issue 3 "Escalation engine"): the steps of its level's chain,
/// with due times and resolved recipients, made from the policy version the case started under.
///
/// Pure: the scheduler asks ``steps(due:alreadyFired:resolved:)`` which steps fire in a pass at time T, records their
/// keys, and passes the recorded keys back next time, so each step fires exactly once. A plan keeps its policy, so
/// editing the policy never rewrites a running chain; raising the level re-plans with
/// ``replan(from:newLevel:at:units:alreadyFired:deadline:)``.
public struct EscalationPlan: Sendable, Hashable, Codable {
    /// The policy the plan was made from (its name and version are part of every step key).
    public var policy: EscalationPolicy
    /// The facts the plan was made from.
    public var facts: EscalationFacts
    /// When the current level took effect: the case start, or the time of the last level change.
    public var levelSince: Date
    /// The steps of the current level's chain, in chain order.
    public var steps: [PlannedStep]
    /// Steps of earlier levels that had fired before a level change; kept for the record, never due again.
    public var history: [PlannedStep]

    /// The policy name.
    public var policyName: String { policy.name }
    /// The policy version the plan follows.
    public var policyVersion: Int { policy.version }
    /// The current level.
    public var level: WarningLevel { facts.level }

    /// Creates a plan from its parts; use ``make(policy:facts:units:)``.
    public init(
        policy: EscalationPolicy, facts: EscalationFacts, levelSince: Date, steps: [PlannedStep],
        history: [PlannedStep] = []
    ) {
        self.policy = policy
        self.facts = facts
        self.levelSince = levelSince
        self.steps = steps
        self.history = history
    }

    /// Makes the plan of a case: its level's chain with due times and recipients. A level without a chain (or
    /// `none`) gives a plan with no steps. Fails when the responsible or a participating unit is unknown.
    public static func make(
        policy: EscalationPolicy, facts: EscalationFacts, units: [OrgUnit]
    ) throws(PinganError) -> EscalationPlan {
        try make(policy: policy, facts: facts, units: units, levelSince: facts.start, history: [])
    }

    /// Which steps fire in a scheduler pass at `time`: none if the case is resolved; otherwise every step that is due
    /// at or before `time` and not in `alreadyFired`, earliest first. On-demand steps never fire here.
    public func steps(due time: Date, alreadyFired: Set<StepKey>, resolved: Bool) -> [PlannedStep] {
        guard !resolved else { return [] }
        return
            steps
            .filter { step in
                guard let dueAt = step.dueAt else { return false }
                return dueAt <= time && !alreadyFired.contains(step.key)
            }
            .sorted { ($0.dueAt ?? .distantFuture, $0.key) < ($1.dueAt ?? .distantFuture, $1.key) }
    }

    /// When the next unfired step is due, for the scheduler's index of "next escalation at"; `nil` when nothing is
    /// left to fire on time.
    public func nextDueAt(alreadyFired: Set<StepKey>) -> Date? {
        steps.filter { !alreadyFired.contains($0.key) }.compactMap(\.dueAt).min()
    }

    /// The on-demand steps not yet fired — "if a deputy cannot resolve it, the principal takes it personally" —
    /// that the lifecycle may fire on a handler's request.
    public func onDemandSteps(alreadyFired: Set<StepKey>) -> [PlannedStep] {
        steps.filter { $0.dueAt == nil && !alreadyFired.contains($0.key) }
    }

    /// Re-plans a case whose level changed at `time` (issue 3 "Raising a case's level re-plans its chain
    /// immediately"), under the old plan's policy version.
    ///
    /// The new level's chain replaces the old one: its `at_once` steps are due at `time`; `after_start` steps stay
    /// counted from the case start, and deadline steps from the deadline (a new one if given), so any already past
    /// are due in the next pass. Old steps in `alreadyFired` move to ``history``; old steps not fired are dropped.
    /// Keys include the level, so steps that fired stay fired and none fires twice.
    public static func replan(
        from old: EscalationPlan, newLevel: WarningLevel, at time: Date, units: [OrgUnit],
        alreadyFired: Set<StepKey> = [], deadline: Date? = nil
    ) throws(PinganError) -> EscalationPlan {
        if old.level != .none, newLevel != .none, old.level.isDisputeLevel != newLevel.isDisputeLevel {
            throw .invalid(
                field: "level", rule: "scale",
                detail: "a case cannot change from \(old.level.rawValue) to \(newLevel.rawValue): the scales differ")
        }
        var facts = old.facts
        facts.level = newLevel
        if let deadline { facts.deadline = deadline }
        let fired = (old.history + old.steps).filter { alreadyFired.contains($0.key) }
        return try make(policy: old.policy, facts: facts, units: units, levelSince: time, history: fired)
    }

    /// The same plan with a new resolution deadline — after an approved extension (延期) moves it (issue 3
    /// "Deadlines"). Level, policy version, `at_once` due times and history stay; deadline steps move.
    public func movingDeadline(to deadline: Date, units: [OrgUnit]) throws(PinganError) -> EscalationPlan {
        var facts = facts
        facts.deadline = deadline
        return try Self.make(policy: policy, facts: facts, units: units, levelSince: levelSince, history: history)
    }

    private static func make(
        policy: EscalationPolicy, facts: EscalationFacts, units: [OrgUnit], levelSince: Date, history: [PlannedStep]
    ) throws(PinganError) -> EscalationPlan {
        let directory = UnitDirectory(units: units)
        guard let responsible = directory.unit(facts.responsibleUnitID) else {
            throw .invalid(
                field: "responsible_unit_id", rule: "not_found", detail: "no unit has the id \(facts.responsibleUnitID)"
            )
        }
        var participants: [OrgUnit] = []
        for (index, id) in facts.participantUnitIDs.enumerated() {
            guard let unit = directory.unit(id) else {
                throw .invalid(
                    field: "participant_unit_ids[\(index)]", rule: "not_found", detail: "no unit has the id \(id)")
            }
            participants.append(unit)
        }
        var planned: [PlannedStep] = []
        for step in policy.chain(for: facts.level)?.steps ?? [] {
            guard let trigger = step.trigger else { continue }
            let dueAt: Date? =
                switch trigger {
                case .atOnce: levelSince
                case .afterStart(let delay): facts.start.addingTimeInterval(delay.interval)
                case .atDeadline: facts.deadline
                case .afterDeadline(let delay): facts.deadline.addingTimeInterval(delay.interval)
                case .onDemand: nil
                }
            let resolution = directory.recipients(
                of: step.target, responsible: responsible, participants: participants)
            let explanation = explain(
                step: step, trigger: trigger, level: facts.level, dueAt: dueAt, resolution: resolution,
                directory: directory)
            planned.append(
                PlannedStep(
                    key: StepKey(policy: policy, level: facts.level, step: step), level: facts.level, step: step,
                    dueAt: dueAt, recipients: resolution.recipients, explanation: explanation))
        }
        return EscalationPlan(policy: policy, facts: facts, levelSince: levelSince, steps: planned, history: history)
    }

    private static func explain(
        step: EscalationStep, trigger: EscalationTrigger, level: WarningLevel, dueAt: Date?,
        resolution: UnitDirectory.Resolution, directory: UnitDirectory
    ) -> String {
        let zone = TimeZone.chinaStandard
        var when = trigger.chineseText
        if let dueAt { when += "(\(LocalTime.text(dueAt, in: zone)) 北京时间)" }
        let names = resolution.recipients.map { directory.describe($0) }.joined(separator: "、")
        var text = "\(level.label)预警 · \(when):\(step.effect.chineseText) \(names)。"
        if let note = step.note { text += "依据:\(note)。" }
        for fallback in resolution.fallbacks { text += fallback }
        return text
    }
}

/// Resolves escalation targets to recipients over the unit tree (BRIEF §2).
struct UnitDirectory {
    struct Resolution {
        var recipients: [EscalationRecipient] = []
        var fallbacks: [String] = []
    }

    let byID: [UUID: OrgUnit]

    init(units: [OrgUnit]) {
        var byID: [UUID: OrgUnit] = [:]
        for unit in units { byID[unit.id] = unit }
        self.byID = byID
    }

    func unit(_ id: UUID) -> OrgUnit? { byID[id] }

    /// The units above `unit`, nearest first (stopping at a cycle).
    func ancestors(of unit: OrgUnit) -> [OrgUnit] {
        var result: [OrgUnit] = []
        var seen: Set<UUID> = [unit.id]
        var next = unit.parentID.flatMap { byID[$0] }
        while let current = next, seen.insert(current.id).inserted {
            result.append(current)
            next = current.parentID.flatMap { byID[$0] }
        }
        return result
    }

    /// The next higher level's centre: the first centre above `unit` whose region is not the unit's own.
    func higherCentre(above unit: OrgUnit) -> OrgUnit? {
        ancestors(of: unit).first { $0.kind == .centre && $0.regionCode != unit.regionCode }
    }

    /// The centre that convenes a joint response: the unit itself if it is a centre, else the nearest centre above.
    func convenor(for unit: OrgUnit) -> OrgUnit? {
        unit.kind == .centre ? unit : ancestors(of: unit).first { $0.kind == .centre }
    }

    func recipients(of target: EscalationTarget, responsible: OrgUnit, participants: [OrgUnit]) -> Resolution {
        var resolution = Resolution()
        switch target {
        case .leader(let role, let holder):
            let holderUnit: OrgUnit? =
                holder == .responsibleUnit ? responsible : responsible.parentID.flatMap { byID[$0] }
            if let holderUnit, let user = holderUnit.leaders[role] {
                resolution.recipients.append(.init(unitID: holderUnit.id, userID: user, role: role, capacity: .leader))
            } else {
                let vacant = holderUnit.map { "\($0.name)未设置\(role.chineseText)" } ?? "\(responsible.name)没有上级单位"
                let base = holderUnit ?? responsible
                if let centre = higherCentre(above: base) {
                    resolution.recipients.append(.init(unitID: centre.id, capacity: .fallbackCentre))
                    resolution.fallbacks.append("\(vacant),改为通知上级中心\(centre.name)。")
                } else {
                    resolution.recipients.append(.init(unitID: base.id, capacity: .unit))
                    resolution.fallbacks.append("\(vacant),且没有上级中心,改为通知\(base.name)经办人。")
                }
            }
        case .responsibleUnit:
            resolution.recipients.append(.init(unitID: responsible.id, capacity: .unit))
        case .nextHigherCentre:
            if let centre = higherCentre(above: responsible) {
                resolution.recipients.append(.init(unitID: centre.id, capacity: .higherCentre))
            } else {
                resolution.recipients.append(.init(unitID: responsible.id, capacity: .unit))
                resolution.fallbacks.append("\(responsible.name)之上没有上一级中心,改为通知\(responsible.name)。")
            }
        case .leadAndParticipants:
            if let centre = convenor(for: responsible), centre.id != responsible.id {
                resolution.recipients.append(.init(unitID: centre.id, capacity: .convenor))
            }
            resolution.recipients.append(.init(unitID: responsible.id, capacity: .lead))
            for unit in participants where unit.id != responsible.id {
                resolution.recipients.append(.init(unitID: unit.id, capacity: .participant))
            }
        }
        return resolution
    }

    func describe(_ recipient: EscalationRecipient) -> String {
        let name = byID[recipient.unitID]?.name ?? recipient.unitID.uuidString
        switch recipient.capacity {
        case .leader:
            let role = recipient.role?.chineseText ?? "领导"
            let user = recipient.userID.map { "(用户 \($0.uuidString.lowercased()))" } ?? ""
            return "\(name)\(role)\(user)"
        case .unit: return "\(name)经办人"
        case .higherCentre: return "上一级中心\(name)"
        case .fallbackCentre: return "\(name)(代为接收)"
        case .lead: return "牵头单位\(name)"
        case .participant: return "参与单位\(name)"
        case .convenor: return "召集中心\(name)"
        }
    }
}
