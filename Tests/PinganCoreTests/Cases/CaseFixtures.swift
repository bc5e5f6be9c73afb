import Foundation

@testable import PinganCore

/// Cases, actors and times shared by the case tests. Nothing here reads the clock.
enum CaseFixtures {
    static let caseID = UUID(uuidString: "00000000-0000-4000-8000-0000000000C1")!
    static let otherCaseID = UUID(uuidString: "00000000-0000-4000-8000-0000000000C2")!
    static let streetUnit = UUID(uuidString: "00000000-0000-4000-8000-00000000A001")!
    static let policeUnit = UUID(uuidString: "00000000-0000-4000-8000-00000000A002")!
    static let housingUnit = UUID(uuidString: "00000000-0000-4000-8000-00000000A003")!
    static let handlerID = UUID(uuidString: "00000000-0000-4000-8000-00000000B001")!
    static let operatorID = UUID(uuidString: "00000000-0000-4000-8000-00000000B002")!
    static let centreUnit = UUID(uuidString: "00000000-0000-4000-8000-00000000A000")!

    /// 2026-11-20T00:00:00Z: when the fixture cases were opened.
    static let opened = Date(timeIntervalSince1970: 1_795_132_800)
    /// One day later: when the tests act.
    static let now = opened.addingTimeInterval(day)
    static let day: TimeInterval = 24 * 3600

    static let operatorActor = ActorRef.user(id: operatorID, name: "op.li", unitID: centreUnit)
    static let handlerActor = ActorRef.user(id: handlerID, name: "street.wang", unitID: streetUnit)

    static func draft(
        kind: CaseKind = .dispute, level: WarningLevel = .level3, title: String = "小区物业与业主停车费纠纷",
        description: String = "业主反映物业擅自上调停车费,双方多次协商未果。"
    ) -> CaseDraft {
        CaseDraft(
            kind: kind, categoryCode: "housing.property", regionCode: "990102001002003", source: .hotline,
            title: title, description: description, hasParties: true, level: level, isPublic: true)
    }

    /// A freshly opened dispute, status received.
    static func received() -> Case {
        let (record, _) = try! CaseLifecycle.open(
            draft(), id: caseID, number: "QS-2026-000123", by: operatorActor, at: opened)
        return record
    }

    /// A case in `status`, built directly (as the store would load it): assigned and later statuses have the street
    /// unit responsible, the police as participant and a deadline five days after `now`.
    static func make(_ status: CaseStatus) -> Case {
        var record = received()
        record.status = status
        if status != .received {
            record.responsibleUnitID = streetUnit
            record.participatingUnitIDs = [policeUnit]
            record.deadline = now.addingTimeInterval(5 * day)
            record.acceptDeadline = opened.addingTimeInterval(2 * day)
        }
        if status == .inProgress || status == .resolved || status == .closed {
            record.responsiblePersonID = handlerID
        }
        if status == .resolved || status == .closed {
            record.resolution = CaseResolution(
                channel: .peopleMediation, result: "经人民调解,双方达成协议", resolvedAt: opened,
                resolvedBy: handlerActor)
        }
        if status == .closed {
            record.feedback = .satisfied
            record.closedAt = opened
        }
        if status == .merged {
            record.mergedInto = otherCaseID
        }
        record.version = 4
        return record
    }

    /// A case in `status` whose extra requirements for `action` hold (supervised, a request pending, a contested
    /// lead …), so that only the state table decides whether `action` is allowed.
    static func prepared(_ status: CaseStatus, for action: CaseActionName) -> Case {
        var record = make(status)
        switch action {
        case .superviseOff:
            record.supervision = CaseSupervision(
                deadline: now.addingTimeInterval(3 * day), reason: "群众反映强烈", since: opened, by: operatorActor)
        case .approveExtension, .refuseExtension:
            record.deadline = now.addingTimeInterval(5 * day)
            record.pendingExtension = CaseExtensionRequest(
                requestedDeadline: now.addingTimeInterval(10 * day), reason: "需等待鉴定结果", requestedAt: opened,
                requestedBy: handlerActor)
        case .requestExtension:
            record.deadline = now.addingTimeInterval(5 * day)
        case .markContested:
            record.participatingUnitIDs = [policeUnit]
        case .designateLead:
            record.participatingUnitIDs = [policeUnit]
            record.leadContested = true
        default:
            break
        }
        return record
    }

    /// A valid action of each name (future deadlines, non-empty reasons).
    static func sample(_ name: CaseActionName) -> CaseAction {
        switch name {
        case .assign:
            .assign(
                unitID: housingUnit, personID: nil, participantIDs: [policeUnit], reason: "按路由表分派",
                deadline: now.addingTimeInterval(7 * day), acceptDeadline: now.addingTimeInterval(day))
        case .accept: .accept(personID: handlerID)
        case .addProgress: .addProgress(note: "已约双方到社区调解室")
        case .returnToCentre: .returnToCentre(reason: "不属于本街道辖区")
        case .resolve: .resolve(channel: .peopleMediation, result: "双方签订调解协议")
        case .close: .close(feedback: .satisfied, afterFeedbackPeriod: false)
        case .reopen: .reopen(reason: "当事人不认可调解结果", requester: .citizen, deadline: nil)
        case .superviseOn: .superviseOn(deadline: now.addingTimeInterval(3 * day), reason: "重点督办")
        case .superviseOff: .superviseOff(reason: "已取得进展")
        case .requestExtension: .requestExtension(newDeadline: now.addingTimeInterval(12 * day), reason: "需等待鉴定")
        case .approveExtension: .approveExtension(note: "同意")
        case .refuseExtension: .refuseExtension(reason: "理由不充分")
        case .changeLevel: .changeLevel(level: .level2, reason: "有聚集苗头")
        case .markContested: .markContested(reason: "两部门对牵头有争议")
        case .designateLead: .designateLead(unitID: policeUnit, reason: "中心指定公安牵头")
        case .mergeInto:
            .mergeInto(
                target: CaseMergeTarget(id: otherCaseID, number: "QS-2026-000122", status: .inProgress),
                reason: "同一事件重复反映")
        case .addNote: .addNote(note: "已电话回访")
        }
    }

    /// The state table as BRIEF §1 and docs/CASES.md state it, written out independently of the implementation.
    static let table: [CaseActionName: Set<CaseStatus>] = [
        .assign: [.received, .assigned, .inProgress],
        .accept: [.assigned],
        .addProgress: [.inProgress],
        .returnToCentre: [.assigned, .inProgress],
        .resolve: [.inProgress],
        .close: [.resolved],
        .reopen: [.resolved],
        .superviseOn: [.received, .assigned, .inProgress, .resolved],
        .superviseOff: [.received, .assigned, .inProgress, .resolved],
        .requestExtension: [.assigned, .inProgress],
        .approveExtension: [.assigned, .inProgress],
        .refuseExtension: [.assigned, .inProgress],
        .changeLevel: [.received, .assigned, .inProgress, .resolved],
        .markContested: [.assigned, .inProgress],
        .designateLead: [.assigned, .inProgress],
        .mergeInto: [.received, .assigned, .inProgress, .resolved],
        .addNote: [.received, .assigned, .inProgress, .resolved, .closed, .merged],
    ]

    /// The single element of `items`, or `nil` when there are none or several.
    static func only<Element>(_ items: [Element]) -> Element? {
        items.count == 1 ? items.first : nil
    }

    /// The violations of an error expected to be `PinganError.invalid`, or an empty list.
    static func violations(_ body: () throws -> Void) -> [FieldViolation] {
        do {
            try body()
        } catch let PinganError.invalid(violations) {
            return violations
        } catch {
            return []
        }
        return []
    }
}
