import Foundation
import PinganCore

/// The body of `POST /api/v1/cases/{key}/actions`: the action's name, the version the client last saw, and the
/// fields that action needs. Units are named by code.
struct CaseActionBody: Decodable {
    var action: String
    var version: Int
    var unitCode: String?
    var personId: UUID?
    var participantCodes: [String]?
    var reason: String?
    var note: String?
    var deadline: Date?
    var acceptDeadline: Date?
    var channel: ResolutionChannel?
    var result: String?
    var feedback: CaseFeedback?
    var afterFeedbackPeriod: Bool?
    var requester: ReopenRequester?
    var level: WarningLevel?

    /// The lifecycle action, or every missing field at once.
    func action(resolvingUnits unitID: (String) async throws -> UUID) async throws -> CaseAction {
        guard let name = CaseActionName(rawValue: action) else {
            throw PinganError.invalid(
                field: "action", rule: "unknown_value",
                detail: "unknown action '\(action)'; allowed: "
                    + CaseActionName.allCases.filter { $0 != .mergeInto }.map(\.rawValue).joined(separator: ", "))
        }
        var missing: [FieldViolation] = []
        func required<T>(_ value: T?, _ field: String) -> T? {
            if value == nil {
                missing.append(.init(field: field, rule: "required", detail: "the \(action) action needs \(field)"))
            }
            return value
        }
        func unit(_ code: String, field: String) async throws -> UUID? {
            do {
                return try await unitID(code)
            } catch PinganError.notFound {
                missing.append(.init(field: field, rule: "not_found", detail: "there is no unit '\(code)'"))
                return nil
            }
        }
        let built: CaseAction?
        switch name {
        case .assign:
            var participants: [UUID] = []
            for (index, code) in (participantCodes ?? []).enumerated() {
                if let id = try await unit(code, field: "participant_codes[\(index)]") { participants.append(id) }
            }
            let lead = try await required(unitCode, "unit_code").asyncMap { try await unit($0, field: "unit_code") }
            built = lead.flatMap {
                $0.map {
                    .assign(
                        unitID: $0, personID: personId, participantIDs: participants, reason: reason ?? "",
                        deadline: deadline, acceptDeadline: acceptDeadline)
                }
            }
        case .accept: built = .accept(personID: personId)
        case .addProgress: built = required(note, "note").map { .addProgress(note: $0) }
        case .returnToCentre: built = required(reason, "reason").map { .returnToCentre(reason: $0) }
        case .resolve:
            let channel = required(self.channel, "channel")
            let result = required(self.result, "result")
            built = channel.flatMap { channel in result.map { .resolve(channel: channel, result: $0) } }
        case .close:
            built = required(feedback, "feedback").map {
                .close(feedback: $0, afterFeedbackPeriod: afterFeedbackPeriod ?? false)
            }
        case .reopen:
            let reason = required(self.reason, "reason")
            let requester = required(self.requester, "requester")
            built = reason.flatMap { reason in
                requester.map { .reopen(reason: reason, requester: $0, deadline: deadline) }
            }
        case .superviseOn:
            let deadline = required(self.deadline, "deadline")
            let reason = required(self.reason, "reason")
            built = deadline.flatMap { deadline in reason.map { .superviseOn(deadline: deadline, reason: $0) } }
        case .superviseOff: built = required(reason, "reason").map { .superviseOff(reason: $0) }
        case .requestExtension:
            let deadline = required(self.deadline, "deadline")
            let reason = required(self.reason, "reason")
            built = deadline.flatMap { deadline in reason.map { .requestExtension(newDeadline: deadline, reason: $0) } }
        case .approveExtension: built = .approveExtension(note: note)
        case .refuseExtension: built = required(reason, "reason").map { .refuseExtension(reason: $0) }
        case .changeLevel:
            let level = required(self.level, "level")
            let reason = required(self.reason, "reason")
            built = level.flatMap { level in reason.map { .changeLevel(level: level, reason: $0) } }
        case .markContested: built = required(reason, "reason").map { .markContested(reason: $0) }
        case .designateLead:
            let reason = required(self.reason, "reason")
            let lead = try await required(unitCode, "unit_code").asyncMap { try await unit($0, field: "unit_code") }
            built = lead.flatMap { lead in lead.flatMap { id in reason.map { .designateLead(unitID: id, reason: $0) } }
            }
        case .mergeInto:
            missing.append(
                .init(
                    field: "action", rule: "unsupported", detail: "merging is not available through this endpoint yet"))
            built = nil
        case .addNote: built = required(note, "note").map { .addNote(note: $0) }
        }
        guard missing.isEmpty, let built else { throw PinganError.invalid(missing) }
        return built
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
