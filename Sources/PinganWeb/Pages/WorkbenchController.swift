import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PinganCore
import PinganServices

/// The web workbench (issue 6): server-rendered pages in Simplified Chinese (English second) over the same services
/// as the API, so scoping, authorisation and auditing stay in one place. Pages use the API's session cookie; their
/// forms carry the session's CSRF token as `_csrf`.
struct WorkbenchController: Sendable {
    let auth: AuthService
    let cases: CaseService
    let organisation: OrganisationService
    let notifications: NotificationService
    let metrics: LedgerMetricsService
    let routing: RoutingService
    let audit: AuditService
    let filters: SavedFilterService
    let policies: PolicyService
    let casesAPI: CasesController
    let keys: Keys
    let secureCookies: Bool
    let clock: @Sendable () -> Date

    /// The cookie of the login form's own CSRF token (double submit: there is no session yet).
    static let loginCookie = "pingan_login"

    /// A page handler for a signed-in user.
    typealias SignedIn = @Sendable (Request, PinganRequestContext, PageContext, Principal) async throws -> Response

    func addRoutes(to router: Router<PinganRequestContext>) {
        router.get("/") { _, context -> Response in
            Layout.redirect(context.principal == nil ? "/login" : "/work")
        }
        router.get("static/pingan.css") { _, _ in Self.asset(Stylesheet.css, type: "text/css; charset=utf-8") }
        router.get("static/pingan.js") { _, _ in Self.asset(Stylesheet.script, type: "text/javascript; charset=utf-8") }
        router.get("locale/{code}") { request, context -> Response in
            let locale = PageLocale(cookie: context.parameters.get("code"))
            var headers = HTTPFields()
            headers[.setCookie] = "\(PageLocale.cookieName)=\(locale.rawValue); Path=/; Max-Age=31536000; SameSite=Lax"
            return Layout.redirect(Self.localPath(request.uri.queryParameters.get("back")) ?? "/", headers: headers)
        }
        router.get("login", use: loginPage)
        router.post("login", use: login)
        router.post("logout") { request, context -> Response in
            guard let principal = context.principal else { return Layout.redirect("/login") }
            _ = try await PageForm.read(request, context: context, keys: keys)
            if let tokenID = context.tokenID { try await auth.revoke(tokenID: tokenID, by: .user(principal)) }
            var headers = HTTPFields()
            headers[.setCookie] = AuthController.sessionCookie(value: "", maxAge: 0, secure: secureCookies)
            return Layout.redirect("/login?bye=1", headers: headers)
        }
        router.get("work", use: signedIn(workPage))
        router.get("ledger", use: signedIn(ledgerPage))
        router.post("ledger/filters", use: signedIn(saveFilter))
        router.post("ledger/filters/{id}/delete", use: signedIn(deleteFilter))
        router.get("cases/{key}", use: signedIn(casePage))
        router.post("cases/{key}/actions", use: signedIn(caseAction))
        router.post("cases/{key}/merge", use: signedIn(caseMerge))
        router.get("intake", use: signedIn(intakePage))
        router.post("intake", use: signedIn(intake))
        router.get("dashboard", use: signedIn(dashboardPage))
        router.get("inbox", use: signedIn(inboxPage))
        router.post("inbox/read-all", use: signedIn(inboxReadAll))
        router.get("audit", use: signedIn(auditPage))
        router.get("admin", use: signedIn(adminPage))
        router.post("admin/users", use: signedIn(addUser))
        router.post("admin/users/{username}/disabled", use: signedIn(setUserDisabled))
        router.get("admin/policies", use: signedIn(policiesPage))
        router.post("admin/policies/{kind}", use: signedIn(savePolicy))
    }

    // MARK: Frame

    /// The page context of a request.
    func pageContext(_ request: Request, _ context: PinganRequestContext) -> PageContext {
        let csrf = context.tokenID.map { AuthMiddleware.csrfToken(tokenID: $0, keys: keys) } ?? ""
        var path = request.uri.path
        if let query = request.uri.query, !query.isEmpty { path += "?" + query }
        return PageContext(
            locale: PageLocale(cookie: request.cookies[PageLocale.cookieName]?.value), principal: context.principal,
            csrf: csrf, path: path, now: clock())
    }

    /// Wraps a page that needs a signed-in user: anyone else goes to the login page (told when the session expired);
    /// errors become an error page in the user's language.
    func signedIn(_ body: @escaping SignedIn) -> @Sendable (Request, PinganRequestContext) async throws -> Response {
        { request, context in
            let ctx = pageContext(request, context)
            guard let principal = context.principal else {
                let expired = request.cookies[AuthMiddleware.cookieName] != nil
                let next = ctx.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/work"
                return Layout.redirect("/login?next=\(next)" + (expired ? "&expired=1" : ""))
            }
            do {
                return try await body(request, context, ctx, principal)
            } catch {
                return errorPage(error, ctx: ctx, context: context)
            }
        }
    }

    /// The page for an error: the problem's status with a title in the user's language and the details.
    func errorPage(_ error: any Error, ctx: PageContext, context: PinganRequestContext) -> Response {
        guard let problem = Problem.from(error) else {
            context.logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            let content: HTML = "<p class=\"error\">\(ctx.t(.errorServer)) \(ctx.t(.requestID)): \(context.id)</p>"
            return Layout.page(ctx, title: ctx.t(.errorTitle), status: .internalServerError, content)
        }
        let title: UIText =
            switch problem.status {
            case 404: .errorNotFound
            case 403: .errorForbidden
            case 409: .errorConflict
            default: .errorInvalid
            }
        let content: HTML = """
            \(Self.problemBox(problem, ctx: ctx))
            <p><a href="/work">\(ctx.t(.backToWork))</a></p>
            """
        return Layout.page(ctx, title: ctx.t(title), status: HTTPResponse.Status(code: problem.status), content)
    }

    /// A problem as a message box listing every field and rule.
    static func problemBox(_ problem: Problem, ctx: PageContext) -> HTML {
        let items = (problem.errors ?? []).map { violation -> HTML in
            "<li><code>\(violation.field)</code> (\(violation.rule)): \(violation.detail)</li>"
        }
        let allowed: HTML? = problem.allowed.map { names in
            let labels = names.map { ctx.locale.label("action", $0) }.joined(separator: "、")
            return "<p>\(ctx.t(.allowedNow)): \(labels)</p>"
        }
        return """
            <div class="error" role="alert"><p><strong>\(problem.title)</strong> — \(problem.detail)</p>\
            \(items.isEmpty ? HTML.empty : "<ul>\(items)</ul>")\(allowed)</div>
            """
    }

    /// A local path to go back to, or `nil` for anything that could leave the site.
    static func localPath(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
            !candidate.contains("\r"), !candidate.contains("\n")
        else { return nil }
        return candidate
    }

    private static func asset(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    // MARK: Signing in and out

    @Sendable func loginPage(_ request: Request, context: PinganRequestContext) async throws -> Response {
        if context.principal != nil { return Layout.redirect("/work") }
        let query = request.uri.queryParameters
        var notice: HTML?
        if query.get("expired") != nil {
            notice = "<p class=\"notice\" role=\"status\">\(pageContext(request, context).t(.sessionExpired))</p>"
        } else if query.get("bye") != nil {
            notice = "<p class=\"notice\" role=\"status\">\(pageContext(request, context).t(.loggedOut))</p>"
        }
        return loginForm(
            request, context: context, username: "", next: Self.localPath(query.get("next")), message: notice,
            status: .ok)
    }

    @Sendable func login(_ request: Request, context: PinganRequestContext) async throws -> Response {
        let form = try await PageForm.readUnchecked(request, context: context)
        let ctx = pageContext(request, context)
        let username = form.value("username") ?? ""
        let next = Self.localPath(form.value("next"))
        guard let sent = form.value("_csrf"), let expected = request.cookies[Self.loginCookie]?.value,
            !expected.isEmpty, sent == expected
        else {
            let message: HTML = "<p class=\"error\" role=\"alert\">\(ctx.t(.loginFormExpired))</p>"
            return loginForm(
                request, context: context, username: username, next: next, message: message, status: .forbidden)
        }
        do {
            let issued = try await auth.login(
                username: username, password: form.value("password") ?? "", kind: "session")
            var headers = HTTPFields()
            headers[.setCookie] = AuthController.sessionCookie(
                value: issued.token, maxAge: Int(issued.expiresAt.timeIntervalSince(clock())), secure: secureCookies)
            return Layout.redirect(next ?? "/work", headers: headers)
        } catch let error as PinganError {
            let text: String
            let status: HTTPResponse.Status
            switch error {
            case .throttled(let seconds):
                text = ctx.t(.loginThrottled).replacingOccurrences(of: "{seconds}", with: String(seconds))
                status = .tooManyRequests
            case .locked(let until):
                text = ctx.t(.loginLocked).replacingOccurrences(of: "{time}", with: PageLocale.time(until))
                status = HTTPResponse.Status(code: 423, reasonPhrase: "Locked")
            case .unauthenticated:
                text = ctx.t(.loginWrong)
                status = .unauthorized
            default:
                throw error
            }
            let message: HTML = "<p class=\"error\" role=\"alert\">\(text)</p>"
            return loginForm(
                request, context: context, username: username, next: next, message: message, status: status)
        }
    }

    private func loginForm(
        _ request: Request, context: PinganRequestContext, username: String, next: String?, message: HTML?,
        status: HTTPResponse.Status
    ) -> Response {
        let ctx = pageContext(request, context)
        var token = request.cookies[Self.loginCookie]?.value ?? ""
        var headers = HTTPFields()
        if token.isEmpty {
            token = UUID().uuidString + UUID().uuidString
            headers[.setCookie] =
                "\(Self.loginCookie)=\(token); Path=/login; HttpOnly; SameSite=Strict"
                + (secureCookies ? "; Secure" : "")
        }
        let content: HTML = """
            \(message)
            <form method="post" action="/login" class="card narrow">
            <input type="hidden" name="_csrf" value="\(token)">
            \(next.map { "<input type=\"hidden\" name=\"next\" value=\"\($0)\">" as HTML })
            <p><label for="username">\(ctx.t(.username))</label>
            <input id="username" name="username" autocomplete="username" required autofocus value="\(username)"></p>
            <p><label for="password">\(ctx.t(.password))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required></p>
            <p><button type="submit" class="primary">\(ctx.t(.login))</button></p>
            </form>
            """
        return Layout.page(ctx, title: ctx.t(.loginTitle), status: status, headers: headers, content)
    }
}
