import Foundation
import Hummingbird
import PinganCore
import PinganServices

/// The rule documents an administrator edits (issue 6 §7, issue 3 §4–5): the SLA policy, the escalation policy and
/// the working-day calendar, each shown in force with its version and edited as a validated JSON document, and the
/// chain a level-2 dispute would follow under the escalation policy in force.
extension WorkbenchController {
    @Sendable func policiesPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let saved = request.uri.queryParameters.get("saved")
        return try await renderPolicies(ctx: ctx, principal: principal, problem: nil, edited: nil, saved: saved)
    }

    @Sendable func savePolicy(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        guard let kind = PolicyService.Kind(rawValue: try context.parameters.require("kind")) else {
            throw PinganError.notFound(entity: "policy", id: context.parameters.get("kind") ?? "")
        }
        let form = try await PageForm.read(request, context: context, keys: keys)
        let text = form.value("document") ?? ""
        do {
            let stored = try await policies.replace(kind, json: Data(text.utf8), by: .user(principal))
            return Layout.redirect("/admin/policies?saved=\(kind.rawValue)-\(stored.version)#\(kind.rawValue)")
        } catch {
            guard let problem = Problem.from(error), problem.status != 404 else { throw error }
            return try await renderPolicies(
                ctx: ctx, principal: principal, problem: problem, edited: (kind, text), saved: nil)
        }
    }

    private func renderPolicies(
        ctx: PageContext, principal: Principal, problem: Problem?, edited: (kind: PolicyService.Kind, text: String)?,
        saved: String?
    ) async throws -> Response {
        guard AccessPolicy.canManageOrganisation(principal) else {
            throw PinganError.forbidden("the administration pages are for administrators")
        }
        var sections: [HTML] = []
        for kind in PolicyService.Kind.allCases {
            let current = try await policies.current(kind)
            let failed = edited?.kind == kind
            let text = failed ? edited?.text ?? "" : Self.pretty(current.document)
            let origin = current.isShipped ? ctx.t(.policyShipped) : (current.createdBy ?? "")
            let title: UIText =
                switch kind {
                case .sla: .policySLA
                case .escalation: .policyEscalation
                case .calendar: .policyCalendar
                }
            var preview: HTML = .empty
            if kind == .escalation {
                let chain = try await policies.escalationPreview(level: .level2)
                let steps = chain.steps.map { step -> HTML in "<li>\(step.text)</li>" }
                preview = "<h3>\(ctx.t(.policyPreviewLevel2))</h3><ol>\(steps)</ol>"
            }
            let box: HTML = failed ? (problem.map { Self.problemBox($0, ctx: ctx) } ?? .empty) : .empty
            let notice: HTML =
                saved?.hasPrefix(kind.rawValue + "-") == true
                ? "<p class=\"notice\" role=\"status\">\(ctx.t(.policySaved))</p>" : .empty
            sections.append(
                """
                <section class="card" id="\(kind.rawValue)" aria-labelledby="h-\(kind.rawValue)">\
                <h2 id="h-\(kind.rawValue)">\(ctx.t(title))</h2>\(notice)\(box)
                <p>\(ctx.t(.policyVersion)) \(current.version) · \(origin)</p>\(preview)
                <form method="post" action="/admin/policies/\(kind.rawValue)">\(ctx.csrfField)
                <label for="doc-\(kind.rawValue)">\(ctx.t(.policyDocument))</label>
                <textarea id="doc-\(kind.rawValue)" name="document" rows="16" spellcheck="false" class="code">\(text)</textarea>
                <p><button type="submit">\(ctx.t(.policySave))</button></p></form></section>
                """)
        }
        let content: HTML = """
            <p><a href="/admin">\(ctx.t(.navAdmin))</a></p>
            \(HTML.join(sections, separator: "\n"))
            """
        let status = problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok
        return Layout.page(ctx, title: ctx.t(.adminPolicies), status: status, content)
    }

    /// A JSON document indented for editing (keys sorted), or the text as it is when it is not JSON.
    static func pretty(_ document: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: document),
            let data = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return String(decoding: document, as: UTF8.self) }
        return String(decoding: data, as: UTF8.self)
    }
}
