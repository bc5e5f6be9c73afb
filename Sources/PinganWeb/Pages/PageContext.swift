import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import PinganCore
import PinganServices

/// What every page needs to render: the language, the signed-in user, the CSRF token for its forms, where it is,
/// and the time.
struct PageContext: Sendable {
    /// The language.
    var locale: PageLocale
    /// The signed-in user, if any.
    var principal: Principal?
    /// The session's CSRF token, put in every form as `_csrf`.
    var csrf: String
    /// The path and query of the request (the language switch comes back here).
    var path: String
    /// The time the page is rendered at.
    var now: Date

    /// The text of `key` in the page's language.
    func t(_ key: UIText) -> String { locale.text(key) }

    /// The hidden CSRF field of a form.
    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">" }

    /// Whether the signed-in user holds any of `roles`.
    func has(_ roles: Role...) -> Bool {
        guard let principal else { return false }
        return roles.contains { principal.has($0) }
    }
}

/// The page frame: header with navigation, user and language switch; one stylesheet; the content.
enum Layout {
    /// A full page as a response.
    static func page(
        _ ctx: PageContext, title: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:],
        _ content: HTML
    ) -> Response {
        let document: HTML = """
            <!doctype html>
            <html lang="\(ctx.locale.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(ctx.t(.appName))</title>
            <link rel="stylesheet" href="/static/pingan.css">
            <script src="/static/pingan.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">\(ctx.t(.skipToContent))</a>
            <header class="top">
            <a class="brand" href="/">\(ctx.t(.appName))</a>
            \(navigation(ctx))
            <div class="tools">\(user(ctx))\(languages(ctx))</div>
            </header>
            <main id="main">
            <h1>\(title)</h1>
            \(content)
            </main>
            </body>
            </html>
            """
        return response(document, status: status, headers: extra)
    }

    /// An HTML response that is never cached (pages may show personal data) and may not be framed.
    static func response(_ document: HTML, status: HTTPResponse.Status, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.referrerPolicy] = "same-origin"
        return Response(
            status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document.description)))
    }

    /// A redirect after a form (303, so the browser follows with GET).
    static func redirect(_ location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: .seeOther, headers: headers)
    }

    private static func navigation(_ ctx: PageContext) -> HTML {
        guard let principal = ctx.principal else { return .empty }
        var links: [(String, UIText)] = [("/work", .navMyWork), ("/ledger", .navLedger)]
        if CasePermissions.mayCreate(principal) { links.append(("/intake", .navNewCase)) }
        if ctx.has(.leader, .operator, .admin, .assessor) { links.append(("/dashboard", .navDashboard)) }
        links.append(("/inbox", .navInbox))
        if AccessPolicy.canManageOrganisation(principal) { links.append(("/admin", .navAdmin)) }
        if AccessPolicy.canReadAudit(principal) { links.append(("/audit", .navAudit)) }
        let current = ctx.path.split(separator: "?").first.map(String.init) ?? ctx.path
        let items = links.map { path, key -> HTML in
            let here = current == path || (path != "/" && current.hasPrefix(path + "/"))
            return "<li><a href=\"\(path)\"\(HTML.attribute("aria-current=\"page\"", if: here))>\(ctx.t(key))</a></li>"
        }
        return "<nav aria-label=\"\(ctx.t(.navLabel))\"><ul>\(items)</ul></nav>"
    }

    private static func user(_ ctx: PageContext) -> HTML {
        guard let principal = ctx.principal else { return .empty }
        let roles = principal.roles.sorted().map { ctx.locale.label("role", $0.rawValue) }.joined(separator: "、")
        return """
            <span class="who">\(principal.username) · \(roles)</span>
            <form method="post" action="/logout" class="inline">\(ctx.csrfField)\
            <button type="submit" class="link">\(ctx.t(.logout))</button></form>
            """
    }

    private static func languages(_ ctx: PageContext) -> HTML {
        let back = ctx.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
        let links = PageLocale.allCases.map { locale -> HTML in
            let name = locale == .zhHans ? "中文" : "English"
            if locale == ctx.locale { return "<strong lang=\"\(locale.rawValue)\">\(name)</strong>" }
            return "<a lang=\"\(locale.rawValue)\" href=\"/locale/\(locale.rawValue)?back=\(back)\">\(name)</a>"
        }
        return "<span class=\"lang\" aria-label=\"\(ctx.t(.language))\">\(HTML.join(links, separator: " | "))</span>"
    }
}

extension HTTPField.Name {
    /// `Referrer-Policy`: pages do not leak their URLs (case numbers, filters) to other sites.
    static let referrerPolicy = Self("Referrer-Policy")!
}
