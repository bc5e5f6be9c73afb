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
        var reader = QueryReader(parameters)
        var query = AuditLog.Query(
            actor: reader.text("actor"), action: reader.text("action"), objectType: reader.text("object_type"),
            objectID: reader.text("object_id"))
        query.since = reader.date("since")
        query.until = reader.date("until")
        query.beforeSeq = reader.integer("cursor", in: 1...Int.max).map(Int64.init)
        query.limit = reader.integer("limit", in: 1...1000) ?? query.limit
        try reader.finish()
        return query
    }
}
