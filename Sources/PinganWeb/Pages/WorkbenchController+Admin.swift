import Foundation
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

extension WorkbenchController {
    /// 审计日志: the audit log with the API's filters (actor, action, object type and id), newest first; admins only
    /// (the service checks).
    @Sendable func auditPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let pairs = Self.apiParameters(request.uri.queryParameters)
        let query = try AuditController.query(Parameters(pairs.map { (key: Substring($0.0), value: Substring($0.1)) }))
        let entries = try await audit.entries(query, by: .user(principal))
        func value(_ name: String) -> String { request.uri.queryParameters.get(name) ?? "" }
        let inputs = [
            ("actor", UIText.auditActor), ("action", .auditAction), ("object_type", .auditObjectType),
            ("object_id", .auditObjectID),
        ].map { name, key -> HTML in
            "<p><label for=\"\(name)\">\(ctx.t(key))</label><input id=\"\(name)\" name=\"\(name)\" value=\"\(value(name))\"></p>"
        }
        let rows = entries.map { entry -> HTML in
            """
            <tr><td>\(Int(entry.seq))</td><td>\(PageLocale.time(entry.at))</td><td>\(entry.actor)</td>\
            <td><code>\(entry.action)</code></td><td>\(entry.objectType) \(entry.objectID)</td>\
            <td><code class="wrap">\(entry.change)</code></td></tr>
            """
        }
        let next: HTML? =
            entries.count == query.limit
            ? entries.last.map { last in
                let rest = Self.encode(pairs.filter { $0.0 != "cursor" } + [("cursor", String(last.seq))])
                return
                    "<p class=\"pager\"><a class=\"button\" rel=\"next\" href=\"/audit?\(rest)\">\(ctx.t(.nextPage))</a></p>"
            } : nil
        let content: HTML = """
            <form method="get" action="/audit" class="filters card">\(inputs)\
            <p class="buttons"><button type="submit" class="primary">\(ctx.t(.filter))</button> \
            <a class="button" href="/audit">\(ctx.t(.reset))</a></p></form>
            <div class="scroll"><table><thead><tr><th scope="col">#</th><th scope="col">\(ctx.t(.auditTime))</th>\
            <th scope="col">\(ctx.t(.auditActor))</th><th scope="col">\(ctx.t(.auditAction))</th>\
            <th scope="col">\(ctx.t(.auditObject))</th><th scope="col">\(ctx.t(.auditChange))</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>\(next)
            """
        return Layout.page(ctx, title: ctx.t(.navAudit), content)
    }

    /// 管理: the organisation and the rules as they stand — regions, units and their leaders, users, the routing
    /// table and the categories — read-only; admins only. Changes go through the API for now.
    @Sendable func adminPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        try await renderAdmin(ctx: ctx, principal: principal, flash: nil, problem: nil)
    }

    /// Adds a user (添加用户) from the admin page's form; a generated password is shown once, on the answer itself.
    @Sendable func addUser(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let form = try await PageForm.read(request, context: context, keys: keys)
        do {
            let (user, password) = try await organisation.createUser(
                .init(
                    username: form.value("username") ?? "", displayName: form.value("display_name") ?? "",
                    roles: form.values("roles"), unitCode: form.value("unit_code") ?? "",
                    password: form.value("password")),
                by: .user(principal))
            var flash: HTML = "<p class=\"notice\" role=\"status\">\(ctx.t(.adminUserAdded)) \(user.username)"
            if let password {
                flash = "\(flash) · \(ctx.t(.adminGeneratedPassword)) <code>\(password)</code>"
            }
            return try await renderAdmin(ctx: ctx, principal: principal, flash: "\(flash)</p>", problem: nil)
        } catch {
            guard let problem = Problem.from(error), problem.status != 404 else { throw error }
            return try await renderAdmin(ctx: ctx, principal: principal, flash: nil, problem: problem)
        }
    }

    /// Disables or enables a user (停用/启用); disabling revokes the user's sessions and tokens (the service does).
    @Sendable func setUserDisabled(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let username = try context.parameters.require("username")
        let form = try await PageForm.read(request, context: context, keys: keys)
        _ = try await organisation.setDisabled(
            form.value("disabled") == "true", username: username, by: .user(principal))
        return Layout.redirect("/admin#users")
    }

    private func renderAdmin(
        ctx: PageContext, principal: Principal, flash: HTML?, problem: Problem?
    ) async throws -> Response {
        guard AccessPolicy.canManageOrganisation(principal) else {
            throw PinganError.forbidden("the administration pages are for administrators")
        }
        let actor = Actor.user(principal)
        let names = try await names()
        let regions = try await organisation.regions(for: actor)
        let units = try await organisation.units(for: actor).sorted { $0.code < $1.code }
        let users = try await organisation.users(for: actor).sorted { $0.username < $1.username }
        let table = try await routing.table()
        let usernames = Dictionary(users.map { ($0.id, $0.username) }, uniquingKeysWith: { first, _ in first })
        let regionRows = Self.regionOptions(regions).map { code, name -> HTML in
            "<tr><td><code>\(code)</code></td><td>\(name)</td></tr>"
        }
        let unitRows = units.map { unit -> HTML in
            let leaders = LeaderRole.allCases.compactMap { role in
                unit.leaders[role].map { "\(ctx.locale.label("leader", role.rawValue)):\(usernames[$0] ?? "?")" }
            }.joined(separator: "、")
            return """
                <tr><td><code>\(unit.code)</code></td><td>\(unit.name)</td><td>\(ctx.locale.label("unitkind", unit.kind.rawValue))</td>\
                <td>\(names.region(unit.regionCode))</td><td>\(leaders)</td></tr>
                """
        }
        let userRows = users.map { user -> HTML in
            let roles = user.roles.sorted().map { ctx.locale.label("role", $0.rawValue) }.joined(separator: "、")
            let toggle: HTML = """
                <form method="post" action="/admin/users/\(user.username)/disabled" class="inline">\(ctx.csrfField)\
                <input type="hidden" name="disabled" value="\(user.disabled ? "false" : "true")">\
                <button type="submit">\(ctx.t(user.disabled ? .adminEnable : .adminDisable))</button></form>
                """
            return """
                <tr><td>\(user.username)</td><td>\(user.displayName)</td><td>\(roles)</td><td>\(names.unit(user.unitID))</td>\
                <td>\(user.disabled ? ctx.t(.yes) : ctx.t(.no))</td><td>\(user.username == principal.username ? HTML.empty : toggle)</td></tr>
                """
        }
        func unitName(_ reference: UnitReference) -> String {
            switch reference {
            case .territorial: return ctx.t(.territorial)
            case .code(let code): return units.first { $0.code == code }?.name ?? code
            case .id(let id): return names.unit(id)
            }
        }
        let ruleRows = table.rules.enumerated().map { index, rule -> HTML in
            """
            <tr><td>\(index)</td><td><code>\(rule.category.text)</code></td><td>\(names.region(rule.regionCode))</td>\
            <td>\(unitName(rule.responsible))</td><td>\(rule.participants.map(unitName).joined(separator: "、"))</td>\
            <td>\(rule.priority)</td><td>\(rule.note ?? "")</td></tr>
            """
        }
        let categoryRows = names.categoryCodes.map { code -> HTML in
            "<tr><td><code>\(code)</code></td><td>\(names.categories[code]?.zh ?? "")</td><td>\(names.categories[code]?.en ?? "")</td></tr>"
        }
        func block(_ id: String, _ title: UIText, _ headers: [UIText], _ rows: [HTML]) -> HTML {
            let head = headers.map { key -> HTML in "<th scope=\"col\">\(ctx.t(key))</th>" }
            return """
                <section class="card" aria-labelledby="\(id)"><h2 id="\(id)">\(ctx.t(title)) <span class="count">\(rows.count)</span></h2>\
                <div class="scroll"><table><thead><tr>\(head)</tr></thead><tbody>\(rows)</tbody></table></div></section>
                """
        }
        let unitOptions = units.map { unit -> HTML in "<option value=\"\(unit.code)\">\(unit.name)</option>" }
        let roleBoxes = Role.allCases.map { role -> HTML in
            """
            <label class="inline"><input type="checkbox" name="roles" value="\(role.rawValue)"> \
            \(ctx.locale.label("role", role.rawValue))</label>
            """
        }
        let addUserForm: HTML = """
            <section class="card" aria-labelledby="add-user"><h2 id="add-user">\(ctx.t(.adminAddUser))</h2>\
            <form method="post" action="/admin/users">\(ctx.csrfField)
            <p><label for="new-username">\(ctx.t(.username))</label><input id="new-username" name="username" required></p>
            <p><label for="new-name">\(ctx.t(.adminName))</label><input id="new-name" name="display_name" required></p>
            <p><label for="new-unit">\(ctx.t(.colUnit))</label><select id="new-unit" name="unit_code">\(unitOptions)</select></p>
            <fieldset><legend>\(ctx.t(.adminRoles))</legend>\(roleBoxes)</fieldset>
            <p><label for="new-password">\(ctx.t(.adminPasswordOptional))</label>\
            <input id="new-password" name="password" type="password" autocomplete="new-password"></p>
            <p><button type="submit" class="primary">\(ctx.t(.adminAddUser))</button></p></form></section>
            """
        let content: HTML = """
            \(flash)\(problem.map { Self.problemBox($0, ctx: ctx) })
            <p class="notice">\(ctx.t(.adminReadOnly)) <code>/api/v1/openapi.json</code></p>
            <p><a href="/admin/policies">\(ctx.t(.adminPolicies))</a></p>
            \(block("units", .adminUnits, [.adminCode, .adminName, .colKind, .colRegion, .adminLeaders], unitRows))
            \(block("users", .adminUsers, [.username, .adminName, .adminRoles, .colUnit, .adminDisabled, .colActions], userRows))
            \(addUserForm)
            \(block("routing", .adminRouting, [.adminRule, .colCategory, .colRegion, .colUnit, .participants, .adminPriority, .note], ruleRows))
            <p><small>\(ctx.t(.adminTableVersion)) \(table.version)</small></p>
            \(block("categories", .adminCategories, [.adminCode, .adminName, .adminNameEnglish], categoryRows))
            \(block("regions", .adminRegions, [.adminCode, .adminName], regionRows))
            """
        let status = problem.map { HTTPResponse.Status(code: $0.status) } ?? .ok
        return Layout.page(ctx, title: ctx.t(.navAdmin), status: status, content)
    }
}
