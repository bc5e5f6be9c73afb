import Foundation
import Hummingbird
import PinganCore
import PinganServices

extension WorkbenchController {
    /// 消息: the user's notifications (escalations, assignments), newest first, with "mark all read".
    @Sendable func inboxPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let cursor = request.uri.queryParameters.get("cursor")
        let page = try await notifications.inbox(for: principal, unreadOnly: false, cursor: cursor, limit: 50)
        let items = page.items.map { item -> HTML in
            let title: HTML =
                item.objectType == "case" ? "<a href=\"/cases/\(item.objectID)\">\(item.title)</a>" : "\(item.title)"
            return """
                <li class="\(item.readAt == nil ? "unread" : "read")">\(title) <small>\(PageLocale.time(item.createdAt))</small>\
                <p>\(item.body)</p></li>
                """
        }
        let next: HTML? = page.nextCursor.map { cursor in
            "<p class=\"pager\"><a class=\"button\" rel=\"next\" href=\"/inbox?cursor=\(cursor)\">\(ctx.t(.nextPage))</a></p>"
        }
        let content: HTML = """
            <p>\(ctx.t(.unread)): <strong>\(page.unread)</strong></p>
            <form method="post" action="/inbox/read-all" class="inline">\(ctx.csrfField)\
            <button type="submit">\(ctx.t(.markAllRead))</button></form>
            \(items.isEmpty ? "<p class=\"empty\">\(ctx.t(.noNotifications))</p>" as HTML : "<ul class=\"notices\">\(items)</ul>")
            \(next)
            """
        return Layout.page(ctx, title: ctx.t(.navInbox), content)
    }

    /// Marks every notification read.
    @Sendable func inboxReadAll(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        _ = try await PageForm.read(request, context: context, keys: keys)
        _ = try await notifications.markAllRead(for: principal)
        return Layout.redirect("/inbox")
    }
}
