import Foundation
import HTTPTypes
import Hummingbird
import PinganCore
import PinganServices

extension WorkbenchController {
    /// How many party rows the intake form offers.
    static let partyRows = 3

    /// 受理登记: the new-case form for operators and grid workers.
    @Sendable func intakePage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        guard CasePermissions.mayCreate(principal) else { throw PinganError.forbidden("you may not open cases") }
        return try await renderIntake(PageForm(fields: []), ctx: ctx, principal: principal, proposal: nil, problem: nil)
    }

    /// Previews the router's proposal (`intent=preview`) or opens the case (`intent=save`); an operator's case is
    /// then assigned as proposed when "assign as proposed" is ticked.
    @Sendable func intake(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let form = try await PageForm.read(request, context: context, keys: keys)
        var violations: [FieldViolation] = []
        let kind = Self.enumValue(form, "kind", CaseKind.self, into: &violations)
        let source = Self.enumValue(form, "source", SourceChannel.self, into: &violations)
        let level = form.value("level").flatMap(WarningLevel.init(rawValue:)) ?? WarningLevel.none
        let category = form.value("category_code") ?? ""
        let region = form.value("region_code") ?? ""
        var proposal: RoutingProposal?
        do {
            if !category.isEmpty, !region.isEmpty {
                proposal = try? await routing.propose(category: category, regionCodes: [region])
            }
            guard form.value("intent") == "save" else {
                return try await renderIntake(form, ctx: ctx, principal: principal, proposal: proposal, problem: nil)
            }
            let parties = (0..<Self.partyRows).compactMap { index -> CaseService.Party? in
                guard let name = form.value("party\(index)_name") else { return nil }
                return CaseService.Party(
                    role: form.value("party\(index)_role") ?? "applicant", name: name,
                    phone: form.value("party\(index)_phone"), idNumber: form.value("party\(index)_id"))
            }
            guard violations.isEmpty, let kind, let source else { throw PinganError.invalid(violations) }
            let draft = CaseDraft(
                kind: kind, categoryCode: category, regionCode: region, source: source,
                title: form.value("title") ?? "", description: form.value("description") ?? "",
                hasParties: !parties.isEmpty, level: level, isPublic: form.value("is_public") == "true", deadline: nil,
                acceptDeadline: nil)
            let intake = try await cases.create(.init(draft: draft, parties: parties), by: principal)
            var record = intake.record
            if form.value("assign_now") == "true", let proposal,
                CasePermissions.may(.assign, on: record, by: principal)
            {
                record = try await cases.apply(
                    .assign(
                        unitID: proposal.responsibleUnitID, personID: nil, participantIDs: proposal.participantUnitIDs,
                        reason: proposal.reason, deadline: nil, acceptDeadline: nil),
                    to: record.number, expectedVersion: record.version, by: principal)
            }
            return Layout.redirect("/cases/\(record.number)?created=1")
        } catch {
            guard let problem = Problem.from(error) else { throw error }
            return try await renderIntake(form, ctx: ctx, principal: principal, proposal: proposal, problem: problem)
        }
    }

    private static func enumValue<E: RawRepresentable>(
        _ form: PageForm, _ name: String, _: E.Type, into violations: inout [FieldViolation]
    ) -> E? where E.RawValue == String {
        guard let value = form.value(name).flatMap(E.init(rawValue:)) else {
            violations.append(.init(field: name, rule: "required", detail: "choose a value"))
            return nil
        }
        return value
    }

    private func renderIntake(
        _ form: PageForm, ctx: PageContext, principal: Principal, proposal: RoutingProposal?, problem: Problem?
    ) async throws -> Response {
        let names = try await names()
        let regions = try await organisation.regions(for: .user(principal))
        func selected(_ name: String) -> [String] { form.value(name).map { [$0] } ?? [] }
        let categories = names.categoryCodes.map { code -> HTML in
            "<option value=\"\(code)\">\(names.category(code, ctx.locale))</option>"
        }
        let partyRows = (0..<Self.partyRows).map { index -> HTML in
            let roles = ["applicant", "respondent", "other"].map { ($0, ctx.locale.label("party", $0)) }
            return """
                <tr><td>\(Fragments.select(name: "party\(index)_role", options: roles, selected: selected("party\(index)_role")))</td>\
                <td><input name="party\(index)_name" aria-label="\(ctx.t(.partyName))" value="\(form.value("party\(index)_name") ?? "")"></td>\
                <td><input name="party\(index)_phone" aria-label="\(ctx.t(.partyPhone))" inputmode="tel" value="\(form.value("party\(index)_phone") ?? "")"></td>\
                <td><input name="party\(index)_id" aria-label="\(ctx.t(.partyID))" value="\(form.value("party\(index)_id") ?? "")"></td></tr>
                """
        }
        let proposalBox: HTML
        if let proposal {
            let participants = proposal.participantUnitIDs.map { names.unit($0) }.joined(separator: "、")
            proposalBox = """
                <div class="notice" role="status" id="proposal"><p><strong>\(ctx.t(.routerProposal)):</strong> \
                <span class="proposed-unit">\(names.unit(proposal.responsibleUnitID))</span>\
                \(participants.isEmpty ? "" : " · \(ctx.t(.participants)): \(participants)")</p><p>\(proposal.reason)</p></div>
                """
        } else {
            proposalBox = "<p class=\"empty\">\(ctx.t(.proposalHint))</p>"
        }
        let mayAssign = principal.has(.operator) || principal.has(.admin)
        let assignNow = form.fields.isEmpty || form.value("assign_now") == "true"
        let kinds: [(String, String)] = CaseKind.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let levels: [(String, String)] = WarningLevel.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let sources: [(String, String)] = SourceChannel.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let kindSelect = Fragments.select(name: "kind", options: kinds, selected: selected("kind"), required: true)
        let levelSelect = Fragments.select(name: "level", options: levels, selected: selected("level"))
        let regionSelect = Fragments.select(
            name: "region_code", options: Self.regionOptions(regions), selected: selected("region_code"),
            required: true)
        let sourceSelect = Fragments.select(
            name: "source", options: sources, selected: selected("source"), required: true)
        let publicChecked = HTML.attribute("checked", if: form.value("is_public") == "true")
        let assignBox: HTML =
            mayAssign
            ? """
            <p class="check"><input type="checkbox" id="assign_now" name="assign_now" value="true"\
            \(HTML.attribute("checked", if: assignNow))><label for="assign_now">\(ctx.t(.assignAsProposed))</label></p>
            """ : .empty
        let content: HTML = """
            \(problem.map { Self.problemBox($0, ctx: ctx) })
            <form method="post" action="/intake" class="card intake">\(ctx.csrfField)
            <div class="grid2">
            <p><label for="kind">\(ctx.t(.colKind))</label>\(kindSelect)</p>
            <p><label for="level">\(ctx.t(.colLevel))</label>\(levelSelect)</p>
            <p><label for="category_code">\(ctx.t(.colCategory))</label>\
            <input id="category_code" name="category_code" list="categories" required autocomplete="off" \
            placeholder="\(ctx.t(.categorySearch))" value="\(form.value("category_code") ?? "")">\
            <datalist id="categories">\(categories)</datalist></p>
            <p><label for="region_code">\(ctx.t(.colRegion))</label>\(regionSelect)</p>
            <p><label for="source">\(ctx.t(.colSource))</label>\(sourceSelect)</p>
            <p class="check"><input type="checkbox" id="is_public" name="is_public" value="true"\(publicChecked)>\
            <label for="is_public">\(ctx.t(.isPublic))</label></p>
            </div>
            <p><label for="title">\(ctx.t(.colTitle))</label><input id="title" name="title" required maxlength="200" value="\(form.value("title") ?? "")"></p>
            <p><label for="description">\(ctx.t(.description))</label>\
            <textarea id="description" name="description" rows="4">\(form.value("description") ?? "")</textarea></p>
            <fieldset><legend>\(ctx.t(.parties))</legend><p><small>\(ctx.t(.partiesNotice))</small></p>
            <div class="scroll"><table class="parties"><thead><tr><th scope="col">\(ctx.t(.partyRole))</th>\
            <th scope="col">\(ctx.t(.partyName))</th><th scope="col">\(ctx.t(.partyPhone))</th>\
            <th scope="col">\(ctx.t(.partyID))</th></tr></thead><tbody>\(partyRows)</tbody></table></div></fieldset>
            \(proposalBox)
            \(assignBox)
            <p class="buttons"><button type="submit" name="intent" value="preview" formnovalidate>\(ctx.t(.previewRouting))</button> \
            <button type="submit" name="intent" value="save" class="primary">\(ctx.t(.saveCase))</button></p>
            </form>
            """
        let status: HTTPResponse.Status = problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok
        return Layout.page(ctx, title: ctx.t(.navNewCase), status: status, content)
    }
}
