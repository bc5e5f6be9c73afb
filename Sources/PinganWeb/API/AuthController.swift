import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices

/// Signing in and out, sessions for the web, and API tokens (issue 2 §6).
struct AuthController {
    let auth: AuthService
    let keys: Keys
    let secureCookies: Bool

    struct Credentials: Decodable {
        var username: String
        var password: String
    }

    struct TokenDTO: ResponseEncodable {
        var token: String
        var tokenType = "Bearer"
        var tokenId: UUID
        var expiresAt: Date
    }

    struct SessionDTO: ResponseEncodable {
        var username: String
        var expiresAt: Date
        var csrfToken: String
    }

    struct NewToken: Decodable {
        var username: String
        var name: String
        var lifetimeDays: Int?
    }

    struct MeDTO: ResponseEncodable {
        var username: String
        var roles: [String]
        var unitId: UUID
        var regionPath: String
    }

    func addRoutes(to group: RouterGroup<PinganRequestContext>) {
        group.post("auth/token") { request, context -> EditedResponse<TokenDTO> in
            let credentials = try await request.decodeJSON(as: Credentials.self, context: context)
            let issued = try await auth.login(username: credentials.username, password: credentials.password)
            return EditedResponse(
                status: .created,
                response: TokenDTO(token: issued.token, tokenId: issued.id, expiresAt: issued.expiresAt))
        }
        group.delete("auth/token") { _, context -> HTTPResponse.Status in
            let actor = try context.actor()
            guard let tokenID = context.tokenID else { throw PinganError.unauthenticated("no token in use") }
            try await auth.revoke(tokenID: tokenID, by: actor)
            return .noContent
        }
        group.post("auth/session") { request, context -> EditedResponse<SessionDTO> in
            let credentials = try await request.decodeJSON(as: Credentials.self, context: context)
            let issued = try await auth.login(
                username: credentials.username, password: credentials.password, kind: "session")
            var headers = HTTPFields()
            headers[.setCookie] = sessionCookie(value: issued.token, maxAge: Int(issued.expiresAt.timeIntervalSinceNow))
            return EditedResponse(
                status: .created, headers: headers,
                response: SessionDTO(
                    username: issued.username, expiresAt: issued.expiresAt,
                    csrfToken: AuthMiddleware.csrfToken(tokenID: issued.id, keys: keys)))
        }
        group.delete("auth/session") { _, context -> Response in
            let actor = try context.actor()
            if let tokenID = context.tokenID { try await auth.revoke(tokenID: tokenID, by: actor) }
            var headers = HTTPFields()
            headers[.setCookie] = sessionCookie(value: "", maxAge: 0)
            return Response(status: .noContent, headers: headers)
        }
        group.get("me") { _, context -> MeDTO in
            let principal = try context.requirePrincipal()
            return MeDTO(
                username: principal.username, roles: principal.roles.sorted().map(\.rawValue),
                unitId: principal.unitID, regionPath: principal.regionPath)
        }
        group.post("tokens") { request, context -> EditedResponse<TokenDTO> in
            let actor = try context.actor()
            guard case .user(let principal) = actor, AccessPolicy.canManageOrganisation(principal) else {
                throw PinganError.forbidden("you may not create API tokens")
            }
            let body = try await request.decodeJSON(as: NewToken.self, context: context)
            let days = body.lifetimeDays ?? 365
            guard (1...1830).contains(days) else {
                throw PinganError.invalid(
                    field: "lifetime_days", rule: "range", detail: "a token lives from 1 to 1830 days")
            }
            let issued = try await auth.createToken(
                username: body.username, name: body.name, lifetime: TimeInterval(days) * 86_400, by: actor)
            return EditedResponse(
                status: .created,
                response: TokenDTO(token: issued.token, tokenId: issued.id, expiresAt: issued.expiresAt))
        }
        group.delete("tokens/{id}") { _, context -> HTTPResponse.Status in
            let actor = try context.actor()
            try await auth.revoke(tokenID: try context.uuidParameter("id", entity: "token"), by: actor)
            return .noContent
        }
    }

    private func sessionCookie(value: String, maxAge: Int) -> String {
        Self.sessionCookie(value: value, maxAge: maxAge, secure: secureCookies)
    }

    /// The `Set-Cookie` value of the session cookie (the API's session endpoint and the workbench's login form).
    static func sessionCookie(value: String, maxAge: Int, secure: Bool) -> String {
        var cookie = "\(AuthMiddleware.cookieName)=\(value); Path=/; Max-Age=\(max(0, maxAge)); HttpOnly; SameSite=Lax"
        if secure { cookie += "; Secure" }
        return cookie
    }
}
