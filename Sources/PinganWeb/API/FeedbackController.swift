import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

/// Open311 client systems and their API keys (issue 4 §1), and citizen feedback (好差评, issue 4 §2).
struct FeedbackController {
    let open311: Open311Service
    let feedback: FeedbackService

    struct NewClient: Decodable {
        var name: String
        var username: String
    }

    struct ClientDTO: Encodable, Sendable {
        var id: UUID
        var name: String
        var userId: UUID
        var createdAt: Date
        var createdBy: String
        var revokedAt: Date?

        init(_ client: Open311Repository.Client) {
            (id, name, userId) = (client.id, client.name, client.userID)
            (createdAt, createdBy, revokedAt) = (client.createdAt, client.createdBy, client.revokedAt)
        }
    }

    struct IssuedClientDTO: ResponseEncodable {
        var client: ClientDTO
        var apiKey: String
    }

    struct LinkDTO: ResponseEncodable {
        var token: String
        var caseNumber: String
        var expiresAt: Date
    }

    struct RatingBody: Decodable {
        var score: Int
        var solved: Bool
        var comment: String?
    }

    struct LinkRatingBody: Decodable {
        var token: String
        var score: Int
        var solved: Bool
        var comment: String?
    }

    struct RatedDTO: ResponseEncodable {
        var caseNumber: String
        var status: CaseStatus
        var supervised: Bool
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("open311/clients") { request, context -> EditedResponse<IssuedClientDTO> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: NewClient.self, context: context)
            let issued = try await open311.issueKey(name: body.name, username: body.username, by: actor)
            return EditedResponse(
                status: .created, response: IssuedClientDTO(client: ClientDTO(issued.client), apiKey: issued.apiKey))
        }
        group.get("open311/clients") { _, context -> Page<ClientDTO> in
            Page(items: try await open311.clients(by: try context.actor()).map(ClientDTO.init))
        }
        group.delete("open311/clients/{id}") { _, context -> HTTPResponse.Status in
            try await open311.revokeKey(
                clientID: try context.uuidParameter("id", entity: "open311 client"), by: try context.actor())
            return .noContent
        }
        group.post("cases/{key}/feedback-link") { _, context -> EditedResponse<LinkDTO> in
            let link = try await feedback.issueLink(
                for: try context.parameters.require("key"), by: try context.requirePrincipal())
            return EditedResponse(
                status: .created,
                response: LinkDTO(token: link.token, caseNumber: link.caseNumber, expiresAt: link.expiresAt))
        }
        group.post("cases/{key}/rating") { request, context -> RatedDTO in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(as: RatingBody.self, context: context)
            let record = try await feedback.rate(
                caseKey: try context.parameters.require("key"),
                CitizenRating(score: body.score, solved: body.solved, comment: body.comment), by: principal)
            return RatedDTO(caseNumber: record.number, status: record.status, supervised: record.isSupervised)
        }
        group.post("feedback") { request, context -> RatedDTO in
            let body = try await request.decodeJSON(as: LinkRatingBody.self, context: context)
            let record = try await feedback.rate(
                token: body.token, CitizenRating(score: body.score, solved: body.solved, comment: body.comment))
            return RatedDTO(caseNumber: record.number, status: record.status, supervised: record.isSupervised)
        }
    }
}
