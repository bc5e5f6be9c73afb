import Foundation
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

/// Reading and verifying the audit log (issue 2 §7); auditors (admins) only.
struct AuditController {
    let audit: AuditService

    struct VerificationDTO: ResponseEncodable {
        var intact: Bool
        var checked: Int
        var firstBrokenSeq: Int64?
        var reason: String?
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("audit") { request, context -> Page<AuditEntryDTO> in
            let actor = try context.actor()
            let query = try Self.query(request.uri.queryParameters)
            let entries = try await audit.entries(query, by: actor)
            let next = entries.count == query.limit ? entries.last.map { String($0.seq) } : nil
            return Page(items: entries.map(AuditEntryDTO.init), nextCursor: next)
        }
        group.get("audit/verify") { _, context -> VerificationDTO in
            let actor = try context.actor()
            guard case .user(let principal) = actor, AccessPolicy.canReadAudit(principal) else {
                throw PinganError.forbidden("you may not read the audit log")
            }
            let result = try await audit.verify()
            return VerificationDTO(
                intact: result.isIntact, checked: result.checked, firstBrokenSeq: result.firstBroken?.seq,
                reason: result.firstBroken?.reason)
        }
    }

    static func query(_ parameters: Parameters) throws(PinganError) -> AuditLog.Query {
        var violations: [FieldViolation] = []
        func date(_ name: String) -> Date? {
            guard let text = parameters.get(name) else { return nil }
            guard let date = Timestamp.parse(text) else {
                violations.append(
                    .init(field: name, rule: "format", detail: "expected an ISO 8601 time with an offset"))
                return nil
            }
            return date
        }
        var query = AuditLog.Query(
            actor: parameters.get("actor"), action: parameters.get("action"),
            objectType: parameters.get("object_type"), objectID: parameters.get("object_id"))
        query.since = date("since")
        query.until = date("until")
        if let text = parameters.get("cursor") {
            if let seq = Int64(text), seq > 0 {
                query.beforeSeq = seq
            } else {
                violations.append(.init(field: "cursor", rule: "format", detail: "a cursor is a positive integer"))
            }
        }
        if let text = parameters.get("limit") {
            if let limit = Int(text), (1...1000).contains(limit) {
                query.limit = limit
            } else {
                violations.append(.init(field: "limit", rule: "range", detail: "limit is from 1 to 1000"))
            }
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        return query
    }
}
