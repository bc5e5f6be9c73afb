import Foundation
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

extension WorkbenchController {
    /// 台账: the ledger with the API's filters (same names, same parser, same scope), sort, keyset pages and the CSV
    /// export of the same filters.
    @Sendable func ledgerPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let parameters = Self.apiParameters(request.uri.queryParameters)
        let names = try await names()
        let parsed = try CaseQueryParser.parse(
            Parameters(parameters.map { (key: Substring($0.0), value: Substring($0.1)) }), now: ctx.now)
        let query = try await casesAPI.resolveUnit(parsed)
        let page = try await cases.list(query, by: principal)
        let visibleUnits = try await organisation.units(for: .user(principal))
        let regions = try await organisation.regions(for: .user(principal))
        func chosen(_ name: String) -> [String] {
            request.uri.queryParameters.getAll(name).filter { !$0.isEmpty }
        }
        let filterQuery = Self.encode(parameters.filter { $0.0 != "cursor" && $0.0 != "limit" })
        let next: HTML? = page.next.map { position in
            let query = Self.encode(
                request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter { $0.0 != "cursor" }
                    + [("cursor", CaseQueryParser.cursor(position))])
            return "<a class=\"button\" rel=\"next\" href=\"/ledger?\(query)\">\(ctx.t(.nextPage))</a>"
        }
        func field(_ name: String, _ key: UIText, _ options: [(String, String)], empty: Bool = true) -> HTML {
            let control = Fragments.select(
                name: name, options: options, selected: chosen(name), empty: empty ? ctx.t(.any) : nil)
            return "<p><label for=\"\(name)\">\(ctx.t(key))</label>\(control)</p>"
        }
        func date(_ name: String, _ key: UIText) -> HTML {
            """
            <p><label for="\(name)">\(ctx.t(key))</label>\
            <input type="date" id="\(name)" name="\(name)" value="\(chosen(name).first ?? "")"></p>
            """
        }
        let statuses: [(String, String)] = CaseStatus.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let kinds: [(String, String)] = CaseKind.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let levels: [(String, String)] = WarningLevel.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let sources: [(String, String)] = SourceChannel.allCases.map { ($0.rawValue, ctx.locale.label($0)) }
        let categories: [(String, String)] = names.categoryCodes.map { ($0, names.category($0, ctx.locale)) }
        let units: [(String, String)] = visibleUnits.map { ($0.code, $0.name) }
        let sorts: [(String, String)] = CaseRepository.Query.Sort.allCases.map {
            ($0.rawValue, ctx.locale.label("sort", $0.rawValue))
        }
        let controls: [HTML] = [
            field("status", .colStatus, statuses), field("kind", .colKind, kinds), field("level", .colLevel, levels),
            field("category", .colCategory, categories), field("unit", .colUnit, units),
            field("region", .colRegion, Self.regionOptions(regions)), field("source", .colSource, sources),
            date("from", .filterFrom), date("to", .filterTo),
            field("supervised", .supervised, [("true", ctx.t(.yes)), ("false", ctx.t(.no))]),
            field("sort", .filterSort, sorts, empty: false),
        ]
        let overdueChecked = HTML.attribute("checked", if: chosen("overdue") == ["true"])
        let filters: HTML = """
            <form method="get" action="/ledger" class="filters card">
            \(controls)
            <p class="check"><input type="checkbox" id="overdue" name="overdue" value="true"\(overdueChecked)>\
            <label for="overdue">\(ctx.t(.workOverdue))</label></p>
            <p class="buttons"><button type="submit" class="primary">\(ctx.t(.filter))</button> \
            <a class="button" href="/ledger">\(ctx.t(.reset))</a> \
            <a class="button" href="/api/v1/cases.csv?\(filterQuery)" download>\(ctx.t(.exportCSV))</a></p>
            </form>
            """
        let current = Self.encode(
            request.uri.queryParameters.map { (String($0.key), String($0.value)) }.filter {
                !$0.1.isEmpty && $0.0 != "cursor" && $0.0 != "limit"
            })
        let saved = try await savedFilters(principal: principal, ctx: ctx, current: current)
        let content: HTML = """
            \(Self.flash(request, ctx))\(saved)
            \(filters)
            \(Fragments.caseTable(page.cases, names: names, ctx))
            <p class="pager">\(next)</p>
            """
        return Layout.page(ctx, title: ctx.t(.navLedger), content)
    }

    /// The user's saved filters as links, each with a delete button, and a form that saves the current filter.
    private func savedFilters(principal: Principal, ctx: PageContext, current: String) async throws -> HTML {
        let saved = try await filters.filters(for: principal)
        let items = saved.map { filter -> HTML in
            """
            <li><a href="/ledger?\(filter.query)">\(filter.name)</a> \
            <form method="post" action="/ledger/filters/\(filter.id.uuidString)/delete" class="inline">\(ctx.csrfField)\
            <button type="submit" class="link small" aria-label="\(ctx.t(.deleteFilter)) \(filter.name)">×</button></form></li>
            """
        }
        return """
            <div class="saved card"><strong>\(ctx.t(.savedFilters))</strong>\
            \(items.isEmpty ? "<span class=\"empty\"> \(ctx.t(.noSavedFilters))</span>" as HTML : "<ul class=\"saved-list\">\(items)</ul>")\
            <form method="post" action="/ledger/filters" class="inline save-filter">\(ctx.csrfField)\
            <input type="hidden" name="query" value="\(current)">\
            <label for="filter-name" class="inline-label">\(ctx.t(.filterName))</label>\
            <input id="filter-name" name="name" required maxlength="40">\
            <button type="submit">\(ctx.t(.saveFilter))</button></form></div>
            """
    }

    /// Saves the current ledger filter under a name.
    @Sendable func saveFilter(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        let form = try await PageForm.read(request, context: context, keys: keys)
        let query = form.value("query") ?? ""
        _ = try await filters.save(name: form.value("name") ?? "", query: query, by: principal)
        return Layout.redirect("/ledger?" + query)
    }

    /// Deletes one of the user's saved filters.
    @Sendable func deleteFilter(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        _ = try await PageForm.read(request, context: context, keys: keys)
        try await filters.delete(id: try context.uuidParameter("id", entity: "saved filter"), by: principal)
        return Layout.redirect("/ledger")
    }

    /// The query as the API reads it: blank values dropped, dates (`2026-11-01`) turned into the start of that day in
    /// China Standard Time (`to` into the start of the next day, so the day is included).
    static func apiParameters(_ parameters: Parameters) -> [(String, String)] {
        parameters.compactMap { key, value -> (String, String)? in
            let (name, text) = (String(key), String(value).trimmingCharacters(in: .whitespaces))
            guard !text.isEmpty else { return nil }
            if name == "from" || name == "to", text.count == 10, let day = dayStart(text) {
                let start = name == "to" ? day.addingTimeInterval(86_400) : day
                return (name, Timestamp.format(start))
            }
            return (name, text)
        }
    }

    /// The start of a `yyyy-MM-dd` day in China Standard Time.
    static func dayStart(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return PageLocale.calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// A query string of name/value pairs, percent-encoded.
    static func encode(_ pairs: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return pairs.map {
            ($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "") + "="
                + ($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
    }

    /// Regions as a tree in a select: each indented by its depth.
    static func regionOptions(_ regions: [Region]) -> [(String, String)] {
        let minimum = regions.map { $0.path.split(separator: "/").count }.min() ?? 1
        return regions.sorted { $0.path < $1.path }.map { region in
            let depth = region.path.split(separator: "/").count - minimum
            return (region.code, String(repeating: "\u{3000}", count: depth) + region.name)
        }
    }
}
