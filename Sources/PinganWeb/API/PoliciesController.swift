import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// The SLA policy, the escalation policy and the working-day calendar as admin-edited, versioned documents
/// (issue 3 §4–5): read the one in force, list the stored versions, store a new one, load one year of holidays, and
/// preview the chain a warning level would follow.
struct PoliciesController {
    let policies: PolicyService

    /// A version of a policy document.
    struct VersionDTO<Document: Encodable & Sendable>: ResponseEncodable {
        var kind: String
        var version: Int
        var shipped: Bool
        var createdAt: Date?
        var createdBy: String?
        var document: Document
    }

    struct HistoryDTO<Document: Encodable & Sendable>: ResponseEncodable {
        var items: [VersionDTO<Document>]
    }

    struct PreviewDTO: ResponseEncodable {
        var level: WarningLevel
        var policyVersion: Int
        var steps: [EscalationPreviewStep]
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        add(.sla, SLAPolicy.self, to: group)
        add(.escalation, EscalationPolicy.self, to: group)
        add(.calendar, WorkCalendar.Document.self, to: group)
        group.put("policies/calendar/years/:year") { request, context -> VersionDTO<WorkCalendar.Document> in
            let actor = try context.actor()
            guard let text = context.parameters.get("year"), text.utf8.count == 4, let year = Int(text) else {
                throw PinganError.invalid(field: "year", rule: "format", detail: "a year is 4 digits, such as 2027")
            }
            let entry = try await request.decodeJSON(as: WorkCalendar.Year.self, context: context)
            return try dto(try await policies.loadCalendarYear(year, entry, by: actor))
        }
        group.get("policies/escalation/preview") { request, context -> PreviewDTO in
            _ = try context.requirePrincipal()
            let text = request.uri.queryParameters.get("level") ?? WarningLevel.level2.rawValue
            guard let level = WarningLevel(rawValue: text), level != .none else {
                throw PinganError.invalid(
                    field: "level", rule: "unknown_value",
                    detail: "level is one of "
                        + WarningLevel.allCases.filter { $0 != .none }.map(\.rawValue).joined(separator: ", "))
            }
            let preview = try await policies.escalationPreview(level: level)
            return PreviewDTO(level: level, policyVersion: preview.version, steps: preview.steps)
        }
    }

    /// GET (in force), PUT (store the next version) and GET …/versions for one kind of document.
    private func add<Document: Codable & Sendable>(
        _ kind: PolicyService.Kind, _ type: Document.Type, to group: RouterGroup<PinganRequestContext>
    ) {
        let path = "policies/\(kind.rawValue)"
        group.get(RouterPath(path)) { _, context -> VersionDTO<Document> in
            _ = try context.requirePrincipal()
            return try dto(try await policies.current(kind))
        }
        group.put(RouterPath(path)) { request, context -> VersionDTO<Document> in
            let actor = try context.actor()
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            return try dto(try await policies.replace(kind, json: Data(body.readableBytesView), by: actor))
        }
        group.get(RouterPath(path + "/versions")) { _, context -> HistoryDTO<Document> in
            _ = try context.requirePrincipal()
            return HistoryDTO(items: try await policies.history(kind).map(dto))
        }
    }

    private func dto<Document: Decodable & Sendable>(_ version: PolicyService.Version) throws -> VersionDTO<Document> {
        VersionDTO(
            kind: version.kind.rawValue, version: version.version, shipped: version.isShipped,
            createdAt: version.createdAt, createdBy: version.createdBy,
            document: try JSONDecoder().decode(Document.self, from: version.document))
    }
}
