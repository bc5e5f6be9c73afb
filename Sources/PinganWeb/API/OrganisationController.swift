import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices

/// The admin API for regions, units and their leaders, and users (issue 2 §5). Reads are scoped to what the caller
/// may see; writes are for admins.
struct OrganisationController {
    let organisation: OrganisationService

    struct LeadersBody: Decodable {
        var leaders: [String: String?]
    }

    struct PasswordBody: Decodable {
        var password: String?
    }

    struct PasswordDTO: ResponseEncodable {
        var generatedPassword: String?
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.get("regions") { _, context -> Page<Region> in
            Page(items: try await organisation.regions(for: try context.actor()))
        }
        group.post("regions") { request, context -> EditedResponse<Created<Region>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: OrganisationService.NewRegion.self, context: context)
            let region = try await organisation.createRegion(body, by: actor)
            return created(region, at: "/api/v1/regions/\(region.code)")
        }
        group.get("regions/{code}") { _, context -> Region in
            let code = try context.parameters.require("code")
            guard
                let region = try await organisation.regions(for: try context.actor()).first(where: { $0.code == code })
            else { throw PinganError.notFound(entity: "region", id: code) }
            return region
        }

        group.get("units") { _, context -> Page<UnitDTO> in
            let actor = try context.actor()
            let names = try await usernames()
            return Page(items: try await organisation.units(for: actor).map { UnitDTO($0, usernames: names) })
        }
        group.post("units") { request, context -> EditedResponse<Created<UnitDTO>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: OrganisationService.NewUnit.self, context: context)
            let unit = try await organisation.createUnit(body, by: actor)
            return created(UnitDTO(unit, usernames: [:]), at: "/api/v1/units/\(unit.code)")
        }
        group.get("units/{code}") { _, context -> UnitDTO in
            let unit = try await organisation.unit(code: try context.parameters.require("code"), for: context.actor())
            return UnitDTO(unit, usernames: try await usernames())
        }
        group.put("units/{code}/leaders") { request, context -> UnitDTO in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: LeadersBody.self, context: context)
            let unit = try await organisation.setLeaders(
                unitCode: try context.parameters.require("code"), leaders: body.leaders, by: actor)
            return UnitDTO(unit, usernames: try await usernames())
        }

        group.get("users") { _, context -> Page<UserDTO> in
            Page(items: try await organisation.users(for: try context.actor()).map(UserDTO.init))
        }
        group.post("users") { request, context -> EditedResponse<Created<CreatedUserDTO>> in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: OrganisationService.NewUser.self, context: context)
            let (user, generated) = try await organisation.createUser(body, by: actor)
            return created(
                CreatedUserDTO(user: UserDTO(user), generatedPassword: generated), at: "/api/v1/users/\(user.username)")
        }
        group.get("users/{username}") { _, context -> UserDTO in
            UserDTO(
                try await organisation.user(username: try context.parameters.require("username"), for: context.actor()))
        }
        group.post("users/{username}/disable") { _, context -> UserDTO in
            UserDTO(
                try await organisation.setDisabled(
                    true, username: try context.parameters.require("username"), by: context.actor()))
        }
        group.post("users/{username}/enable") { _, context -> UserDTO in
            UserDTO(
                try await organisation.setDisabled(
                    false, username: try context.parameters.require("username"), by: context.actor()))
        }
        group.post("users/{username}/reset-password") { request, context -> PasswordDTO in
            let actor = try context.actor()
            let body = try await request.decodeJSON(as: PasswordBody.self, context: context)
            let generated = try await organisation.resetPassword(
                username: try context.parameters.require("username"), password: body.password, by: actor)
            return PasswordDTO(generatedPassword: generated)
        }
    }

    private func usernames() async throws -> [UUID: String] {
        Dictionary(uniqueKeysWithValues: try await organisation.users(for: .system("api")).map { ($0.id, $0.username) })
    }

    private func created<T: Encodable & Sendable>(_ value: T, at location: String) -> EditedResponse<Created<T>> {
        var headers = HTTPFields()
        headers[.location] = location
        return EditedResponse(status: .created, headers: headers, response: Created(value: value))
    }
}

/// Wraps an encodable value so it can be returned as a response body.
struct Created<T: Encodable & Sendable>: ResponseEncodable {
    var value: T

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

extension Region: ResponseEncodable {}
extension UnitDTO: ResponseEncodable {}
extension UserDTO: ResponseEncodable {}
extension Page: ResponseGenerator, ResponseEncodable {}
