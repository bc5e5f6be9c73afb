import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

/// The case ledger API (issue 3 §9): intake, the scoped list, one case, its timeline, its actions and its parties.
struct CasesController {
    let cases: CaseService
    let organisation: OrganisationService
    let routing: RoutingController

    struct NewCaseBody: Decodable {
        var kind: CaseKind
        var categoryCode: String
        var regionCode: String
        var source: SourceChannel
        var title: String
        var description: String
        var level: WarningLevel?
        var isPublic: Bool?
        var deadline: Date?
        var acceptDeadline: Date?
        var parties: [CaseService.Party]?
    }

    struct CaseDTO: ResponseEncodable {
        var `case`: Case
        var allowedActions: [String]
    }

    /// What intake answers besides the case and its allowed actions, which ``intakeResponse(_:allowedActions:rest:)``
    /// writes in front of it.
    struct IntakeDTO: Encodable {
        var deadlineExplanation: String?
        var possibleDuplicates: [DuplicateDTO]
        var routingProposal: RoutingController.ProposalDTO?
    }

    /// `201 Created` for a new case, its body written by ``intakeBody(_:allowedActions:rest:)``.
    static func intakeResponse(
        _ intake: CaseService.Intake, allowedActions: [String], rest: IntakeDTO
    ) throws
        -> Response
    {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        headers[.location] = "/api/v1/cases/\(intake.record.number)"
        return Response(
            status: .created, headers: headers,
            body: ResponseBody(byteBuffer: try intakeBody(intake, allowedActions: allowedActions, rest: rest)))
    }

    /// `{"allowed_actions":[…],"case":{…},"deadline_explanation":…,…}` with the case as stored
    /// (``CaseService/Intake/recordJSON``): byte for byte what encoding one object with all five keys would write
    /// (keys sorted), without encoding the case a second time.
    static func intakeBody(
        _ intake: CaseService.Intake, allowedActions: [String], rest: IntakeDTO
    ) throws
        -> ByteBuffer
    {
        let tail = try APIJSON.encoder.encode(rest)  // `{"possible_duplicates":…}`: never empty
        var buffer = ByteBuffer()
        buffer.reserveCapacity(intake.recordJSON.utf8.count + tail.count + 128)
        buffer.writeString("{\"allowed_actions\":")
        buffer.writeBytes(try APIJSON.encoder.encode(allowedActions))
        buffer.writeString(",\"case\":")
        buffer.writeString(intake.recordJSON)
        if tail.count > 2 {  // more than `{}`
            buffer.writeString(",")
            buffer.writeBytes(tail.dropFirst())
        } else {
            buffer.writeString("}")
        }
        return buffer
    }

    struct DuplicateDTO: Encodable {
        var caseId: UUID
        var number: String
        var score: Double
        var explanation: [String]
    }

    /// A page of the ledger, `{"items":[…],"next_cursor":"…"}`: the stored records go out as they are (they are kept in
    /// this very form, ``CaseRepository/listJSON(_:)``), byte for byte what encoding a `[Case]` would write.
    static func listResponse(items: [String], nextCursor: String?) throws -> Response {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(items.reduce(64) { $0 + $1.utf8.count + 1 })
        buffer.writeString("{\"items\":[")
        for (index, item) in items.enumerated() {
            if index > 0 { buffer.writeString(",") }
            buffer.writeString(item)
        }
        buffer.writeString("]")
        if let nextCursor {
            buffer.writeString(",\"next_cursor\":")
            buffer.writeBytes(try APIJSON.encoder.encode(nextCursor))
        }
        buffer.writeString("}")
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: buffer))
    }

    struct EventsDTO: ResponseEncodable {
        var items: [CaseEvent]
    }

    struct PartiesDTO: ResponseEncodable {
        var items: [CaseService.Party]
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("cases") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: NewCaseBody.self, context: context)
            let draft = CaseDraft(
                kind: body.kind, categoryCode: body.categoryCode, regionCode: body.regionCode, source: body.source,
                title: body.title, description: body.description, hasParties: !(body.parties ?? []).isEmpty,
                level: body.level ?? WarningLevel.none, isPublic: body.isPublic ?? false, deadline: body.deadline,
                acceptDeadline: body.acceptDeadline)
            let intake = try await cases.create(.init(draft: draft, parties: body.parties ?? []), by: principal)
            let proposal = try? await routing.dto(
                routing.routing.propose(category: intake.record.categoryCode, regionCodes: [intake.record.regionCode]))
            return try Self.intakeResponse(
                intake, allowedActions: Self.allowed(intake.record, principal),
                rest: IntakeDTO(
                    deadlineExplanation: intake.deadlineExplanation,
                    possibleDuplicates: intake.duplicates.map {
                        DuplicateDTO(
                            caseId: $0.caseID, number: $0.number, score: $0.score, explanation: $0.explanation)
                    }, routingProposal: proposal))
        }
        group.get("cases") { request, context -> Response in
            let principal = try context.requirePrincipal()
            let query = try CaseQueryParser.parse(request.uri.queryParameters, now: Date())
            let resolved = try await resolveUnit(query)
            let page = try await cases.listJSON(resolved, by: principal)
            return try Self.listResponse(items: page.cases, nextCursor: page.next.map(CaseQueryParser.cursor))
        }
        group.get("cases.csv", use: exportCSV)
        group.get("cases/{key}") { _, context -> CaseDTO in
            let principal = try context.requirePrincipal()
            let record = try await cases.find(try context.parameters.require("key"), by: principal)
            return CaseDTO(case: record, allowedActions: Self.allowed(record, principal))
        }
        group.get("cases/{key}/events") { _, context -> EventsDTO in
            let principal = try context.requirePrincipal()
            return EventsDTO(items: try await cases.events(try context.parameters.require("key"), by: principal))
        }
        group.get("cases/{key}/parties") { _, context -> PartiesDTO in
            let principal = try context.requirePrincipal()
            return PartiesDTO(items: try await cases.parties(try context.parameters.require("key"), by: principal))
        }
        group.post("cases/{key}/actions") { request, context -> CaseDTO in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: CaseActionBody.self, context: context)
            let action = try await body.action(resolvingUnits: { code in
                try await organisation.unit(code: code, for: .system("api")).id
            })
            let record = try await cases.apply(
                action, to: try context.parameters.require("key"), expectedVersion: body.version, by: principal)
            return CaseDTO(case: record, allowedActions: Self.allowed(record, principal))
        }
        group.post("cases/{key}/merge") { request, context -> MergeDTO in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: MergeBody.self, context: context)
            let (source, target) = try await cases.merge(
                try context.parameters.require("key"), into: body.into, reason: body.reason,
                sourceVersion: body.version, targetVersion: body.intoVersion, by: principal)
            return MergeDTO(merged: source, into: target)
        }
        group.get("categories") { _, context -> Page<CategoryDTO> in
            _ = try context.requirePrincipal()
            return Page(
                items: try await cases.categories().map {
                    CategoryDTO(code: $0.code, domain: $0.domain, nameZh: $0.nameZh, nameEn: $0.nameEn)
                })
        }
    }

    struct MergeBody: Decodable {
        var into: String
        var reason: String
        var version: Int
        var intoVersion: Int
    }

    struct MergeDTO: ResponseEncodable {
        var merged: Case
        var into: Case
    }

    struct CategoryDTO: Encodable {
        var code: String
        var domain: String
        var nameZh: String
        var nameEn: String
    }

    func resolveUnit(_ parsed: CaseQueryParser.Parsed) async throws -> CaseRepository.Query {
        var query = parsed.query
        if let code = parsed.unitCode {
            do {
                query.unitID = try await organisation.unit(code: code, for: .system("api")).id
            } catch PinganError.notFound {
                throw PinganError.invalid(field: "unit", rule: "not_found", detail: "there is no unit '\(code)'")
            }
        }
        if let code = parsed.regionCode {
            guard let region = try await organisation.regions(for: .system("api")).first(where: { $0.code == code })
            else {
                throw PinganError.invalid(field: "region", rule: "not_found", detail: "there is no region '\(code)'")
            }
            query.regionPath = region.path
        }
        return query
    }

    /// The actions the state table allows now, the caller's role permits, and this API takes (merging has no
    /// endpoint yet, so it is not offered).
    static func allowed(_ record: Case, _ principal: Principal) -> [String] {
        CaseLifecycle.allowedActions(for: record)
            .filter { $0 != .mergeInto && CasePermissions.may($0, on: record, by: principal) }
            .map(\.rawValue)
    }
}
