import Foundation
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

extension WorkbenchController {
    /// The most open cases "my work" reads at once; beyond, the ledger's filters take over.
    static let workLimit = 500

    /// 我的待办: what needs the user's unit (or, for the centre, the user's area) now — waiting for acceptance or
    /// triage, in progress, due within 24 hours, overdue, under supervision — and escalations addressed to the user.
    @Sendable func workPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        var query = CaseRepository.Query()
        query.statuses = [.received, .assigned, .inProgress, .resolved]
        query.sort = .deadline
        query.limit = Self.workLimit
        let page = try await cases.list(query, by: principal)
        let names = try await names()
        let open = page.cases
        let centre = principal.has(.operator) || principal.has(.admin)
        let mine = open.filter { $0.responsibleUnitID == principal.unitID }
        let waiting =
            centre
            ? open.filter { $0.status == .received || $0.status == .resolved }
            : mine.filter { $0.status == .assigned }
        let working = open.filter { $0.status == .inProgress && (centre || $0.responsibleUnitID == principal.unitID) }
        let unresolved = open.filter { $0.status != .resolved }
        let dueSoon = unresolved.filter {
            guard let deadline = $0.deadline else { return false }
            return deadline > ctx.now && deadline.timeIntervalSince(ctx.now) <= 86_400
        }
        let overdue = unresolved.filter { $0.isOverdue(at: ctx.now) }
        let supervised = unresolved.filter(\.isSupervised)
        let inbox = try await notifications.inbox(for: principal, unreadOnly: true, cursor: nil, limit: 20)
        let escalations = inbox.items.filter { $0.kind == "escalation" }

        let oneClick: (Case) -> HTML = { record in
            if record.status == .assigned, CasePermissions.may(.accept, on: record, by: principal) {
                return """
                    <form method="post" action="/cases/\(record.number)/actions" class="inline">\(ctx.csrfField)\
                    <input type="hidden" name="action" value="accept">\
                    <input type="hidden" name="version" value="\(record.version)">\
                    <input type="hidden" name="back" value="/work">\
                    <button type="submit" class="primary small">\(ctx.locale.label(CaseActionName.accept))</button></form>
                    """
            }
            return "<a class=\"button small\" href=\"/cases/\(record.number)\">\(ctx.t(.open))</a>"
        }
        func section(_ id: String, _ title: UIText, _ records: [Case], actions: Bool = true) -> HTML {
            """
            <section aria-labelledby="\(id)"><h2 id="\(id)">\(ctx.t(title)) <span class="count">\(records.count)</span></h2>\
            \(Fragments.caseTable(records, names: names, ctx, action: actions ? oneClick : nil))</section>
            """
        }
        let escalationList: HTML =
            escalations.isEmpty
            ? "<p class=\"empty\">\(ctx.t(.noEscalations))</p>"
            : """
            <ul class="notices">\(escalations.map { item -> HTML in
                let link: HTML = item.objectType == "case"
                    ? "<a href=\"/cases/\(item.objectID)\">\(item.title)</a>" : "\(item.title)"
                return "<li>\(link) <small>\(PageLocale.time(item.createdAt))</small><br>\(item.body)</li>"
            })</ul>
            """
        let truncated: HTML? =
            page.next == nil
            ? nil : "<p class=\"notice\">\(ctx.t(.workTruncated)) <a href=\"/ledger\">\(ctx.t(.navLedger))</a></p>"
        let content: HTML = """
            \(Self.flash(request, ctx))\(truncated)
            <div class="summary">\
            <a href="#waiting" class="tile"><strong>\(waiting.count)</strong>\(ctx.t(centre ? .workTriage : .workToAccept))</a>\
            <a href="#working" class="tile"><strong>\(working.count)</strong>\(ctx.t(.workInProgress))</a>\
            <a href="#due" class="tile soon"><strong>\(dueSoon.count)</strong>\(ctx.t(.workDueSoon))</a>\
            <a href="#overdue" class="tile late"><strong>\(overdue.count)</strong>\(ctx.t(.workOverdue))</a>\
            <a href="#supervised" class="tile"><strong>\(supervised.count)</strong>\(ctx.t(.workSupervised))</a>\
            <a href="#escalated" class="tile"><strong>\(escalations.count)</strong>\(ctx.t(.workEscalated))</a>\
            </div>
            \(section("waiting", centre ? .workTriage : .workToAccept, waiting))
            \(section("working", .workInProgress, working))
            \(section("due", .workDueSoon, dueSoon))
            \(section("overdue", .workOverdue, overdue))
            \(section("supervised", .workSupervised, supervised))
            <section aria-labelledby="escalated"><h2 id="escalated">\(ctx.t(.workEscalated)) \
            <span class="count">\(escalations.count)</span></h2>\(escalationList)</section>
            """
        return Layout.page(ctx, title: ctx.t(.navMyWork), content)
    }

    /// The confirmation of the action just taken (`?done=accept`).
    static func flash(_ request: Request, _ ctx: PageContext) -> HTML? {
        let query = request.uri.queryParameters
        if let done = query.get("done").flatMap(CaseActionName.init(rawValue:)) {
            let number = query.get("case") ?? ""
            return "<p class=\"notice\" role=\"status\">\(ctx.t(.done)): \(ctx.locale.label(done)) \(number)</p>"
        }
        if query.get("created") != nil {
            return "<p class=\"notice\" role=\"status\">\(ctx.t(.caseCreated))</p>"
        }
        return nil
    }
}
