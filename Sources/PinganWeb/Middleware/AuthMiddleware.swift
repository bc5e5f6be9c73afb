import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices

/// Resolves the caller from a bearer token (`Authorization: Bearer …`) or the web session cookie, and sets the
/// request body limit.
///
/// A request with no credentials goes on anonymously (routes that need a caller ask for it); a request with bad
/// credentials is refused with 401 at once. With the cookie, unsafe methods under `/api/` need the `X-CSRF-Token`
/// header that the session endpoint returned, so another site cannot make the browser act; the workbench's forms
/// carry the same token as their `_csrf` field instead, checked by `PageForm.read`.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = PinganRequestContext

    let auth: AuthService
    let keys: Keys
    let maxBodyBytes: Int

    static let cookieName = "pingan_session"

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        var context = context
        context.bodyLimit = maxBodyBytes
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else {
                throw PinganError.unauthenticated("the Authorization header must be 'Bearer <token>'")
            }
            let (principal, tokenID) = try await auth.authenticate(token: String(parts[1]))
            context.principal = principal
            context.tokenID = tokenID
        } else if let cookie = request.cookies[Self.cookieName] {
            guard let (principal, tokenID) = try? await auth.authenticate(token: cookie.value) else {
                // A stale cookie (expired, revoked, after a password reset) must not lock the user out of signing in
                // again: carry on anonymously and tell the browser to drop it.
                var response: Response
                do {
                    response = try await next(request, context)
                } catch {
                    response = ProblemMiddleware.response(for: error, request: request, context: context)
                }
                response.headers.append(
                    HTTPField(name: .setCookie, value: "\(Self.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
                )
                return response
            }
            if ![.get, .head, .options].contains(request.method) {
                if let sent = request.headers[.csrfToken] {
                    guard Self.isValidCSRF(sent, tokenID: tokenID, keys: keys) else {
                        throw PinganError.forbidden("the X-CSRF-Token header is missing or wrong")
                    }
                    context.csrfVerified = true
                } else if request.uri.path.hasPrefix("/api/") {
                    throw PinganError.forbidden("the X-CSRF-Token header is missing or wrong")
                }
                // Otherwise a workbench form, which cannot send headers: `PageForm.read` checks its `_csrf` field.
            }
            context.principal = principal
            context.tokenID = tokenID
            context.viaCookie = true
        }
        return try await next(request, context)
    }

    /// Whether `sent` is the CSRF token of the session `tokenID`, compared in constant time.
    static func isValidCSRF(_ sent: String, tokenID: UUID, keys: Keys) -> Bool {
        var base64 = sent.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let mac = Data(base64Encoded: base64) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            mac, authenticating: Data(tokenID.uuidString.utf8), using: SymmetricKey(data: keys.signing))
    }

    /// The CSRF token of a session: an HMAC of its token id, so it needs no storage.
    static func csrfToken(tokenID: UUID, keys: Keys) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data(tokenID.uuidString.utf8), using: SymmetricKey(data: keys.signing))
        return Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}
