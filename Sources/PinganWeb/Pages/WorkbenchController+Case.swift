import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

extension WorkbenchController {
    /// The case page: every field, the parties on request (handling units only, each view audited by the service),
    /// the timeline, and a form for each action the user may take now. The server checks again on submit.
    @Sendable func casePage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let key = try context.parameters.require("key")
        let showParties = request.uri.queryParameters.get("parties") == "show"
        return try await renderCase(
            key, ctx: ctx, principal: principal, showParties: showParties, problem: nil,
            flash: Self.flash(request, ctx))
    }

    /// Takes an action from a case page form, then goes back (or shows the page again with the problem).
    @Sendable func caseAction(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let key = try context.parameters.require("key")
        let form = try await PageForm.read(request, context: context, keys: keys)
        do {
            var violations: [FieldViolation] = []
            var body = CaseActionBody(
                action: form.value("action") ?? "", version: Int(form.value("version") ?? "") ?? 0)
            body.unitCode = form.value("unit_code")
            body.participantCodes = form.values("participant_codes")
            body.reason = form.value("reason")
            body.note = form.value("note")
            body.deadline = PageForm.localTime(form.value("deadline"), field: "deadline", into: &violations)
            body.acceptDeadline = PageForm.localTime(
                form.value("accept_deadline"), field: "accept_deadline", into: &violations)
            body.channel = form.value("channel").flatMap(ResolutionChannel.init(rawValue:))
            body.result = form.value("result")
            body.feedback = form.value("feedback").flatMap(CaseFeedback.init(rawValue:))
            body.afterFeedbackPeriod = form.value("after_feedback_period") == "true"
            body.requester = form.value("requester").flatMap(ReopenRequester.init(rawValue:))
            body.level = form.value("level").flatMap(WarningLevel.init(rawValue:))
            if !violations.isEmpty { throw PinganError.invalid(violations) }
            let action = try await body.action(resolvingUnits: { code in
                try await organisation.unit(code: code, for: .system("web")).id
            })
            let record = try await cases.apply(action, to: key, expectedVersion: body.version, by: principal)
            let back = Self.localPath(form.value("back")) ?? "/cases/\(record.number)"
            let separator = back.contains("?") ? "&" : "?"
            return Layout.redirect("\(back)\(separator)done=\(action.name.rawValue)&case=\(record.number)")
        } catch {
            guard let problem = Problem.from(error), problem.status != 404 else { throw error }
            return try await renderCase(
                key, ctx: ctx, principal: principal, showParties: false, problem: problem, flash: nil)
        }
    }

    /// Merges (并单) this case into the one named in the form; both versions are checked (this one from the form, the
    /// other as the user sees it now), and the answer is the case that is worked on.
    @Sendable func caseMerge(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let key = try context.parameters.require("key")
        let form = try await PageForm.read(request, context: context, keys: keys)
        do {
            let into = form.value("into") ?? ""
            guard !into.isEmpty else {
                throw PinganError.invalid(field: "into", rule: "required", detail: "name the case to merge into")
            }
            let target = try await cases.find(into, by: principal)
            let merged = try await cases.merge(
                key, into: into, reason: form.value("reason") ?? "",
                sourceVersion: Int(form.value("version") ?? "") ?? 0, targetVersion: target.version, by: principal)
            return Layout.redirect("/cases/\(merged.target.number)?done=merge_into&case=\(merged.source.number)")
        } catch {
            guard let problem = Problem.from(error) else { throw error }
            return try await renderCase(
                key, ctx: ctx, principal: principal, showParties: false, problem: problem, flash: nil)
        }
    }

    private func renderCase(
        _ key: String, ctx: PageContext, principal: Principal, showParties: Bool, problem: Problem?, flash: HTML?
    ) async throws -> Response {
        let record = try await cases.find(key, by: principal)
        let events = try await cases.events(key, by: principal)
        let names = try await names()
        let allowed = CaseLifecycle.allowedActions(for: record).filter {
            CasePermissions.may($0, on: record, by: principal)
        }
        var proposal: RoutingProposal?
        if allowed.contains(.assign) {
            proposal = try? await routing.propose(category: record.categoryCode, regionCodes: [record.regionCode])
        }
        let parties = try await partiesSection(record, ctx: ctx, principal: principal, show: showParties)
        let row: (UIText, HTML) -> HTML = { key, value in
            "<tr><th scope=\"row\">\(ctx.t(key))</th><td>\(value)</td></tr>"
        }
        let participants = record.participatingUnitIDs.map { names.unit($0) }.joined(separator: "、")
        let fields: [HTML] = [
            row(.colKind, "\(ctx.locale.label(record.kind))"),
            row(.colCategory, "\(names.category(record.categoryCode, ctx.locale)) <code>\(record.categoryCode)</code>"),
            row(.colRegion, "\(names.region(record.regionCode))"),
            row(.colSource, "\(ctx.locale.label(record.source))"),
            row(.colLevel, Fragments.level(record.level, ctx)),
            row(.colStatus, Fragments.status(record.status, ctx)),
            row(
                .colUnit,
                "\(names.unit(record.responsibleUnitID))\(record.leadContested ? " (\(ctx.t(.leadContested)))" : "")"),
            row(.participants, "\(participants.isEmpty ? "—" : participants)"),
            row(.colDeadline, Fragments.deadline(record, ctx)),
            row(.acceptDeadline, "\(PageLocale.time(record.acceptDeadline))"),
            row(
                .supervised,
                record.supervision.map { "\(ctx.t(.yes)) · \(PageLocale.time($0.deadline)) · \($0.reason)" as HTML }
                    ?? "\(ctx.t(.no))"),
            row(
                .pendingExtension,
                record.pendingExtension.map { "\(PageLocale.time($0.requestedDeadline)) · \($0.reason)" as HTML } ?? "—"
            ),
            row(.resolution, record.resolution.map { "\(ctx.locale.label($0.channel)) · \($0.result)" as HTML } ?? "—"),
            row(.feedback, record.feedback.map { "\(ctx.locale.label($0))" as HTML } ?? "—"),
            row(.createdAt, "\(PageLocale.time(record.createdAt))"),
            row(.version, "\(record.version)"),
        ]
        let timeline = events.reversed().map { event -> HTML in
            let who =
                event.actor.kind == .user ? event.actor.name : ctx.locale.label("actor", event.actor.kind.rawValue)
            let unit: String = event.data["unit_id"].flatMap(UUID.init(uuidString:)).map { names.unit($0) } ?? ""
            return """
                <li><time>\(PageLocale.time(event.at))</time> <strong>\(ctx.locale.label(event.type))</strong> \
                <span class="who">\(who)</span>\(unit.isEmpty ? "" : " → \(unit)")\
                \(event.note.map { "<p>\($0)</p>" as HTML })</li>
                """
        }
        let actions = allowed.map { actionForm($0, record: record, names: names, proposal: proposal, ctx: ctx) }
        let proposalBox: HTML? = proposal.map { proposal in
            "<p class=\"notice\"><strong>\(ctx.t(.routerProposal)):</strong> \(names.unit(proposal.responsibleUnitID)) — \(proposal.reason)</p>"
        }
        let content: HTML = """
            \(flash)\(problem.map { Self.problemBox($0, ctx: ctx) })
            <p class="lead">\(Fragments.level(record.level, ctx)) \(Fragments.status(record.status, ctx)) \
            <strong>\(record.title)</strong></p>
            <div class="columns">
            <section class="card" aria-labelledby="fields"><h2 id="fields">\(ctx.t(.caseFields))</h2>
            <table class="fields">\(fields)</table>
            <h3>\(ctx.t(.description))</h3><p class="text">\(record.description)</p>
            \(parties)</section>
            <section class="card" aria-labelledby="actions"><h2 id="actions">\(ctx.t(.colActions))</h2>\(proposalBox)
            \(actions.isEmpty ? "<p class=\"empty\">\(ctx.t(.noActions))</p>" as HTML : HTML.join(actions))</section>
            </div>
            <section class="card" aria-labelledby="timeline"><h2 id="timeline">\(ctx.t(.timeline))</h2>
            <ol class="timeline">\(timeline)</ol></section>
            """
        let status: HTTPResponse.Status = problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok
        return Layout.page(ctx, title: "\(ctx.t(.caseTitle)) \(record.number)", status: status, content)
    }

    /// The parties block: a button for those who may see them; the data only on request, through the audited
    /// service; nothing at all for others.
    private func partiesSection(
        _ record: Case, ctx: PageContext, principal: Principal, show: Bool
    ) async throws -> HTML {
        guard record.hasParties else { return "<h3>\(ctx.t(.parties))</h3><p class=\"empty\">\(ctx.t(.noParties))</p>" }
        let handling =
            record.responsibleUnitID == principal.unitID || record.participatingUnitIDs.contains(principal.unitID)
        let mayRead =
            handling
            ? principal.has(.handler) || principal.has(.leader) || principal.has(.operator) : principal.has(.operator)
        guard mayRead else { return "<h3>\(ctx.t(.parties))</h3><p class=\"empty\">\(ctx.t(.partiesHidden))</p>" }
        guard show else {
            return """
                <h3>\(ctx.t(.parties))</h3><p><a class="button" href="/cases/\(record.number)?parties=show#parties">\
                \(ctx.t(.showParties))</a> <small>\(ctx.t(.partiesAudited))</small></p>
                """
        }
        let parties: [CaseService.Party]
        do {
            parties = try await cases.parties(record.number, by: principal)
        } catch PinganError.forbidden {
            return "<h3>\(ctx.t(.parties))</h3><p class=\"empty\">\(ctx.t(.partiesHidden))</p>"
        }
        let rows = parties.map { party -> HTML in
            """
            <tr><td>\(ctx.locale.label("party", party.role))</td><td>\(party.name)</td><td>\(party.phone ?? "—")</td>\
            <td>\(party.idNumber ?? "—")</td></tr>
            """
        }
        return """
            <h3 id="parties">\(ctx.t(.parties))</h3><p><small>\(ctx.t(.partiesAudited))</small></p>
            <div class="scroll"><table class="parties"><thead><tr><th scope="col">\(ctx.t(.partyRole))</th>\
            <th scope="col">\(ctx.t(.partyName))</th><th scope="col">\(ctx.t(.partyPhone))</th>\
            <th scope="col">\(ctx.t(.partyID))</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// The form of one action, with the fields that action needs.
    private func actionForm(
        _ action: CaseActionName, record: Case, names: PageNames, proposal: RoutingProposal?, ctx: PageContext
    ) -> HTML {
        let id = action.rawValue
        func text(_ name: String, _ label: UIText, required: Bool = true, value: String = "") -> HTML {
            """
            <p><label for="\(id)-\(name)">\(ctx.t(label))</label>\
            <textarea id="\(id)-\(name)" name="\(name)" rows="2"\(HTML.attribute("required", if: required))>\(value)</textarea></p>
            """
        }
        func time(_ name: String, _ label: UIText, required: Bool) -> HTML {
            """
            <p><label for="\(id)-\(name)">\(ctx.t(label))</label>\
            <input type="datetime-local" id="\(id)-\(name)" name="\(name)"\(HTML.attribute("required", if: required))></p>
            """
        }
        func choice(
            _ name: String, _ label: UIText, _ options: [(String, String)], selected: [String] = [],
            multiple: Bool = false
        ) -> HTML {
            """
            <p><label for="\(id)-\(name)">\(ctx.t(label))</label>\
            \(Fragments.select(name: name, id: "\(id)-\(name)", options: options, selected: selected, multiple: multiple, required: !multiple))</p>
            """
        }
        let units = names.units.values.sorted { $0.code < $1.code }.map { ($0.code, $0.name) }
        let code: (UUID?) -> [String] = { id in id.flatMap { names.units[$0]?.code }.map { [$0] } ?? [] }
        let fields: HTML
        switch action {
        case .assign:
            fields = """
                \(choice("unit_code", .colUnit, units, selected: code(proposal?.responsibleUnitID ?? record.responsibleUnitID)))\
                \(choice("participant_codes", .participants, units, selected: (proposal?.participantUnitIDs ?? record.participatingUnitIDs).flatMap { code($0) }, multiple: true))\
                \(text("reason", .reason, value: proposal?.reason ?? ""))\(time("deadline", .newDeadlineOptional, required: false))
                """
        case .accept, .approveExtension:
            fields = action == .approveExtension ? text("note", .note, required: false) : .empty
        case .addProgress, .addNote:
            fields = text("note", .note)
        case .returnToCentre, .superviseOff, .refuseExtension, .markContested:
            fields = text("reason", .reason)
        case .resolve:
            fields = """
                \(choice("channel", .channel, ResolutionChannel.allCases.map { ($0.rawValue, ctx.locale.label($0)) }))\
                \(text("result", .result))
                """
        case .close:
            fields = """
                \(choice("feedback", .feedback, CaseFeedback.allCases.map { ($0.rawValue, ctx.locale.label($0)) }))\
                <p class="check"><input type="checkbox" id="close-after" name="after_feedback_period" value="true">\
                <label for="close-after">\(ctx.t(.afterFeedbackPeriod))</label></p>
                """
        case .reopen:
            fields = """
                \(choice("requester", .requester, ReopenRequester.allCases.map { ($0.rawValue, ctx.locale.label($0)) }))\
                \(text("reason", .reason))\(time("deadline", .newDeadlineOptional, required: false))
                """
        case .superviseOn:
            fields = "\(time("deadline", .supervisionDeadline, required: true))\(text("reason", .reason))"
        case .requestExtension:
            fields = "\(time("deadline", .requestedDeadline, required: true))\(text("reason", .reason))"
        case .changeLevel:
            let levels = record.kind.warningScale.filter { $0 != record.level }.map {
                ($0.rawValue, ctx.locale.label($0))
            }
            fields = "\(choice("level", .colLevel, levels))\(text("reason", .reason))"
        case .designateLead:
            let candidates = ([record.responsibleUnitID].compactMap { $0 } + record.participatingUnitIDs).compactMap {
                names.units[$0]
            }.map { ($0.code, $0.name) }
            fields = "\(choice("unit_code", .colUnit, candidates))\(text("reason", .reason))"
        case .mergeInto:
            fields = """
                <p><label for="\(id)-into">\(ctx.t(.mergeTarget))</label>\
                <input id="\(id)-into" name="into" required placeholder="PA-2026-000123"></p>\(text("reason", .reason))
                """
        }
        let primary = action == .accept || action == .resolve || action == .assign
        return """
            <details class="action"\(HTML.attribute("open", if: primary))><summary>\(ctx.locale.label(action))</summary>
            <form method="post" action="/cases/\(record.number)/\(action == .mergeInto ? "merge" : "actions")" id="form-\(id)">\(ctx.csrfField)
            <input type="hidden" name="action" value="\(id)"><input type="hidden" name="version" value="\(record.version)">
            \(fields)<p><button type="submit" class="\(primary ? "primary" : "")">\(ctx.locale.label(action))</button></p>
            </form></details>
            """
    }
}
