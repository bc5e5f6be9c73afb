import Foundation

extension PlannedStep {
    /// How long a supervision (督办) raised by an escalation runs when the case's own deadline has already passed.
    public static let supervisionGrace: TimeInterval = 3 * 86_400

    /// The lifecycle action this step takes on `record` beyond notifying its recipients (BRIEF §2 dispositions), or
    /// nil when the effect only notifies or the case is no longer in a state the action allows.
    ///
    /// - `raise_supervision` (提请督办): puts the case under supervision until its deadline, or for
    ///   ``supervisionGrace`` when the deadline has passed; nothing when it is already supervised.
    /// - `reassign_upward` (提级交办): assigns the case to the recipient unit (the parent unit or the next higher
    ///   centre), keeping the previous unit as a participant; the upper unit must accept it.
    /// - `take_over` (亲自包案): the recipient leader becomes the responsible person, when the leader belongs to the
    ///   responsible unit (a leader of another unit is only notified).
    /// - `notify`, `monitor`, `joint_response`: notification only (the joint response group is the set of units the
    ///   step notified, on the timeline).
    public func caseAction(on record: Case, at now: Date) -> CaseAction? {
        let reason = String("预警升级:\(explanation)".prefix(2_000))
        let working: Set<CaseStatus> = [.received, .assigned, .inProgress]
        switch effect {
        case .notify, .monitor, .jointResponse:
            return nil
        case .raiseSupervision:
            guard !record.isSupervised, working.contains(record.status) || record.status == .resolved else {
                return nil
            }
            let until = record.deadline.flatMap { $0 > now ? $0 : nil } ?? now.addingTimeInterval(Self.supervisionGrace)
            return .superviseOn(deadline: until, reason: reason)
        case .reassignUpward:
            guard working.contains(record.status), let upper = recipients.first?.unitID,
                upper != record.responsibleUnitID
            else { return nil }
            var participants = record.participatingUnitIDs
            if let previous = record.responsibleUnitID, !participants.contains(previous) {
                participants.append(previous)
            }
            return .assign(
                unitID: upper, personID: nil, participantIDs: participants.filter { $0 != upper }, reason: reason,
                deadline: nil, acceptDeadline: nil)
        case .takeOver:
            guard [.assigned, .inProgress].contains(record.status), let unit = record.responsibleUnitID,
                let leader = recipients.first(where: { $0.capacity == .leader && $0.unitID == unit }),
                let person = leader.userID, person != record.responsiblePersonID
            else { return nil }
            return .assign(
                unitID: unit, personID: person, participantIDs: record.participatingUnitIDs, reason: reason,
                deadline: nil, acceptDeadline: nil)
        }
    }
}
