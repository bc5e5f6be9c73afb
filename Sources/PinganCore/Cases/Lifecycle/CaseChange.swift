import Foundation

/// One change to a case in the making: the case as it becomes and the events recorded so far. Used by
/// ``CaseLifecycle`` only; `finish` stamps the version, the time and the event ids.
struct CaseChange {
    private(set) var record: Case
    private var pending: [(type: CaseEventType, note: String?, data: [String: String])] = []

    init(_ record: Case) {
        self.record = record
    }

    /// Records an event of this change.
    mutating func emit(_ type: CaseEventType, note: String?, data: [String: String] = [:]) {
        pending.append((type, note, data))
    }

    /// The changed case (version + 1, `updatedAt` = `time`) and its events.
    func finish(by actor: ActorRef, at time: Date) -> (Case, [CaseEvent]) {
        var result = record
        result.version += 1
        result.updatedAt = time
        let events = pending.enumerated().map { index, item in
            CaseEvent(
                id: CaseEvent.derivedID(caseID: result.id, version: result.version, index: index), caseID: result.id,
                at: time, actor: actor, type: item.type, note: item.note, data: item.data, version: result.version)
        }
        return (result, events)
    }

    /// Checks `action`'s fields and changes the case; throws ``PinganError/invalid(_:)`` with every broken rule.
    mutating func perform(_ action: CaseAction, by actor: ActorRef, at time: Date) throws(PinganError) {
        var check = FieldCheck(time: time)
        switch action {
        case .assign(let unitID, let personID, let participantIDs, let reason, let deadline, let acceptDeadline):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            check.participants(participantIDs, lead: unitID, field: "participant_ids")
            check.future(deadline, field: "deadline")
            check.future(acceptDeadline, field: "accept_deadline")
            if let acceptDeadline, acceptDeadline > time, let limit = deadline ?? record.deadline,
                acceptDeadline > limit
            {
                check.fail("accept_deadline", "order", "the acceptance deadline cannot be later than the deadline")
            }
            try check.done()
            assign(
                unitID: unitID, personID: personID, participantIDs: participantIDs, reason: reason, deadline: deadline,
                acceptDeadline: acceptDeadline, at: time)

        case .accept(let personID):
            let person = personID ?? record.responsiblePersonID ?? (actor.kind == .user ? actor.userID : nil)
            record.status = .inProgress
            record.responsiblePersonID = person
            var data: [String: String] = [:]
            data["person_id"] = person?.uuidString
            data["unit_id"] = record.responsibleUnitID?.uuidString
            if let acceptDeadline = record.acceptDeadline {
                data["accept_deadline"] = Timestamp.format(acceptDeadline)
                data["accepted_late"] = String(acceptDeadline < time)
            }
            emit(.accepted, note: nil, data: data)

        case .addProgress(let note):
            let note = check.text(note, field: "note", limit: FieldCheck.noteLimit)
            try check.done()
            emit(.progress, note: note)

        case .returnToCentre(let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            try check.done()
            let previous = record.responsibleUnitID
            dropExtension(cause: "returned")
            record.status = .received
            record.responsibleUnitID = nil
            record.responsiblePersonID = nil
            record.participatingUnitIDs = []
            record.leadContested = false
            record.returnCount += 1
            var data = ["return_count": String(record.returnCount)]
            data["previous_unit_id"] = previous?.uuidString
            emit(.returned, note: reason, data: data)

        case .resolve(let channel, let result):
            let result = check.text(result, field: "result", limit: FieldCheck.noteLimit)
            try check.done()
            dropExtension(cause: "resolved")
            record.status = .resolved
            record.resolution = CaseResolution(channel: channel, result: result, resolvedAt: time, resolvedBy: actor)
            var data = ["channel": channel.rawValue, "non_litigation": String(channel.isNonLitigation)]
            if let deadline = record.deadline {
                data["deadline"] = Timestamp.format(deadline)
                data["on_time"] = String(time <= deadline)
            }
            emit(.resolved, note: result, data: data)

        case .close(let feedback, let afterFeedbackPeriod):
            if feedback == .none && !afterFeedbackPeriod {
                check.fail(
                    "feedback", "required", "a case can be closed without feedback only after the feedback period")
            }
            try check.done()
            endSupervision(cause: "closed")
            record.status = .closed
            record.feedback = feedback
            record.closedAt = time
            emit(
                .closed, note: nil,
                data: ["feedback": feedback.rawValue, "after_feedback_period": String(afterFeedbackPeriod)])

        case .reopen(let reason, let requester, let deadline):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            check.future(deadline, field: "deadline")
            try check.done()
            var data = ["requester": requester.rawValue]
            data["previous_channel"] = record.resolution?.channel.rawValue
            record.status = .inProgress
            record.resolution = nil
            record.reopenCount += 1
            if let deadline {
                data["previous_deadline"] = record.deadline.map(Timestamp.format)
                data["deadline"] = Timestamp.format(deadline)
                record.deadline = deadline
            }
            data["reopen_count"] = String(record.reopenCount)
            emit(.reopened, note: reason, data: data)

        case .superviseOn(let deadline, let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            check.future(deadline, field: "deadline")
            try check.done()
            var data = ["deadline": Timestamp.format(deadline), "renewed": String(record.supervision != nil)]
            data["previous_deadline"] = record.supervision.map { Timestamp.format($0.deadline) }
            record.supervision = CaseSupervision(deadline: deadline, reason: reason, since: time, by: actor)
            emit(.supervisionOn, note: reason, data: data)

        case .superviseOff(let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            try check.done()
            endSupervision(cause: "ended", note: reason)

        case .requestExtension(let newDeadline, let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            check.future(newDeadline, field: "new_deadline")
            if let current = record.deadline, newDeadline <= current {
                check.fail("new_deadline", "not_later", "the new deadline must be later than the current deadline")
            }
            try check.done()
            record.pendingExtension = CaseExtensionRequest(
                requestedDeadline: newDeadline, reason: reason, requestedAt: time, requestedBy: actor)
            var data = ["requested_deadline": Timestamp.format(newDeadline)]
            data["current_deadline"] = record.deadline.map(Timestamp.format)
            emit(.extensionRequested, note: reason, data: data)

        case .approveExtension(let note):
            let note = check.optionalText(note, field: "note", limit: FieldCheck.reasonLimit)
            if let request = record.pendingExtension, request.requestedDeadline <= time {
                check.fail(
                    "requested_deadline", "past",
                    "the requested deadline has already passed; refuse the request and ask for a new one")
            }
            try check.done()
            guard let request = record.pendingExtension else { return }
            var data = [
                "deadline": Timestamp.format(request.requestedDeadline),
                "requested_at": Timestamp.format(request.requestedAt),
                "requested_by": request.requestedBy.auditName,
            ]
            data["previous_deadline"] = record.deadline.map(Timestamp.format)
            record.deadline = request.requestedDeadline
            record.pendingExtension = nil
            emit(.extensionApproved, note: note, data: data)

        case .refuseExtension(let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            try check.done()
            var data: [String: String] = [:]
            data["requested_deadline"] = record.pendingExtension.map { Timestamp.format($0.requestedDeadline) }
            record.pendingExtension = nil
            emit(.extensionRefused, note: reason, data: data)

        case .changeLevel(let level, let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            if !record.kind.permits(level) {
                check.fail(
                    "level", "scale",
                    "a case of kind \(record.kind.rawValue) takes one of: "
                        + record.kind.warningScale.map(\.rawValue).joined(separator: ", "))
            } else if level == record.level {
                check.fail("level", "unchanged", "the case already has level \(level.rawValue)")
            }
            try check.done()
            let previous = record.level
            record.level = level
            emit(
                .levelChanged, note: reason,
                data: [
                    "from": previous.rawValue, "to": level.rawValue,
                    "direction": level.severity > previous.severity ? "raised" : "lowered",
                ])

        case .markContested(let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            try check.done()
            record.leadContested = true
            var data = ["participant_ids": Self.list(record.participatingUnitIDs)]
            data["unit_id"] = record.responsibleUnitID?.uuidString
            emit(.leadContested, note: reason, data: data)

        case .designateLead(let unitID, let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            try check.done()
            designateLead(unitID, reason: reason)

        case .mergeInto(let target, let reason):
            let reason = check.text(reason, field: "reason", limit: FieldCheck.reasonLimit)
            if target.id == record.id {
                check.fail("target_id", "self", "a case cannot be merged into itself")
            } else if !target.status.isOpen {
                check.fail(
                    "target_id", "not_open", "only open cases can be merged; the target is \(target.status.rawValue)")
            }
            try check.done()
            let previousStatus = record.status
            dropExtension(cause: "merged")
            endSupervision(cause: "merged")
            record.status = .merged
            record.mergedInto = target.id
            emit(
                .merged, note: reason,
                data: [
                    "target_id": target.id.uuidString, "target_number": target.number,
                    "previous_status": previousStatus.rawValue,
                ])

        case .addNote(let note):
            let note = check.text(note, field: "note", limit: FieldCheck.noteLimit)
            try check.done()
            emit(.note, note: note)
        }
    }

    private mutating func assign(
        unitID: UUID, personID: UUID?, participantIDs: [UUID], reason: String, deadline: Date?, acceptDeadline: Date?,
        at time: Date
    ) {
        let previous = record.responsibleUnitID
        let sameUnit = previous == unitID
        if !sameUnit { dropExtension(cause: "reassigned") }
        record.status = sameUnit && record.status == .inProgress ? .inProgress : .assigned
        record.responsibleUnitID = unitID
        record.responsiblePersonID = personID ?? (sameUnit ? record.responsiblePersonID : nil)
        record.participatingUnitIDs = participantIDs
        record.leadContested = false
        if let deadline { record.deadline = deadline }
        if let acceptDeadline { record.acceptDeadline = acceptDeadline }
        var data = [
            "unit_id": unitID.uuidString, "participant_ids": Self.list(participantIDs),
            "reassignment": String(previous != nil),
        ]
        data["previous_unit_id"] = previous?.uuidString
        data["person_id"] = record.responsiblePersonID?.uuidString
        data["deadline"] = record.deadline.map(Timestamp.format)
        data["accept_deadline"] = record.acceptDeadline.map(Timestamp.format)
        emit(.assigned, note: reason, data: data)
    }

    private mutating func designateLead(_ unitID: UUID, reason: String) {
        let previous = record.responsibleUnitID
        var participants: [UUID] = []
        for id in (previous.map { [$0] } ?? []) + record.participatingUnitIDs
        where id != unitID && !participants.contains(id) {
            participants.append(id)
        }
        if previous != unitID {
            dropExtension(cause: "lead_changed")
            record.status = .assigned
            record.responsiblePersonID = nil
        }
        record.responsibleUnitID = unitID
        record.participatingUnitIDs = participants
        record.leadContested = false
        var data = [
            "unit_id": unitID.uuidString, "participant_ids": Self.list(participants),
            "lead_changed": String(previous != unitID),
        ]
        data["previous_unit_id"] = previous?.uuidString
        emit(.leadDesignated, note: reason, data: data)
    }

    private mutating func dropExtension(cause: String) {
        guard let request = record.pendingExtension else { return }
        record.pendingExtension = nil
        emit(
            .extensionDropped, note: nil,
            data: ["cause": cause, "requested_deadline": Timestamp.format(request.requestedDeadline)])
    }

    private mutating func endSupervision(cause: String, note: String? = nil) {
        guard let supervision = record.supervision else { return }
        record.supervision = nil
        emit(
            .supervisionOff, note: note,
            data: [
                "cause": cause, "since": Timestamp.format(supervision.since),
                "deadline": Timestamp.format(supervision.deadline),
            ])
    }

    private static func list(_ ids: [UUID]) -> String {
        ids.map(\.uuidString).joined(separator: ",")
    }
}
