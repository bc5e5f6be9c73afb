import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PinganCore
import PinganServices

/// The routing table (admin) and the router's proposals (issue 3 §3).
struct RoutingController {
    let routing: RoutingService

    struct ProposalBody: Decodable {
        var categoryCode: String
        var regionCodes: [String]
    }

    struct UnitRef: Encodable {
        var id: UUID
        var code: String
        var name: String
    }

    struct ProposalDTO: ResponseEncodable {
        var responsible: UnitRef?
        var participants: [UnitRef]
        var designatingCentre: UnitRef?
        var basis: String
        var reason: String
        var tableVersion: Int
        var effectiveRegionCode: String
    }

    struct TableDTO: ResponseEncodable {
        var table: RoutingTable
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("policies/routing") { _, context -> TableDTO in
            _ = try context.requirePrincipal()
            return TableDTO(table: try await routing.table())
        }
        group.put("policies/routing") { request, context -> TableDTO in
            let actor = try context.actor()
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            return TableDTO(table: try await routing.replace(json: Data(body.readableBytesView), by: actor))
        }
        group.post("routing/proposals") { request, context -> ProposalDTO in
            _ = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: ProposalBody.self, context: context)
            return try await dto(routing.propose(category: body.categoryCode, regionCodes: body.regionCodes))
        }
    }

    /// The proposal with unit codes and names, for people.
    func dto(_ proposal: RoutingProposal) async throws -> ProposalDTO {
        let units = try await routing.unitsByID()
        func ref(_ id: UUID?) -> UnitRef? {
            id.flatMap { units[$0] }.map { UnitRef(id: $0.id, code: $0.code, name: $0.name) }
        }
        return ProposalDTO(
            responsible: ref(proposal.responsibleUnitID), participants: proposal.participantUnitIDs.compactMap(ref),
            designatingCentre: ref(proposal.designatingCentreID), basis: proposal.basis.rawValue,
            reason: proposal.reason, tableVersion: proposal.tableVersion,
            effectiveRegionCode: proposal.effectiveRegionCode)
    }
}
