import Foundation
import PinganCore
import PinganServices

/// Names the pages show instead of ids and codes.
struct PageNames: Sendable {
    /// Units by id.
    var units: [UUID: OrgUnit]
    /// Categories by code: Chinese and English names.
    var categories: [String: (zh: String, en: String)]
    /// Category codes in order.
    var categoryCodes: [String]
    /// Regions by code.
    var regions: [String: Region]

    /// The unit's name, or a dash.
    func unit(_ id: UUID?) -> String { id.flatMap { units[$0]?.name } ?? "—" }

    /// The category's name in the page's language.
    func category(_ code: String, _ locale: PageLocale) -> String {
        guard let names = categories[code] else { return code }
        return locale == .en ? names.en : names.zh
    }

    /// The region's name.
    func region(_ code: String) -> String { regions[code]?.name ?? code }
}

extension WorkbenchController {
    /// Unit, category and region names. Names are not secret; which cases a user sees is decided by the services.
    func names() async throws -> PageNames {
        let system = Actor.system("web")
        let units = try await organisation.units(for: system)
        let categories = try await cases.categories()
        let regions = try await organisation.regions(for: system)
        return PageNames(
            units: Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            categories: Dictionary(
                categories.map { ($0.code, (zh: $0.nameZh, en: $0.nameEn)) }, uniquingKeysWith: { first, _ in first }),
            categoryCodes: categories.map(\.code),
            regions: Dictionary(regions.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}

/// Small pieces shared by the pages.
enum Fragments {
    /// The warning level as a coloured badge (三级/二级/一级; 蓝/黄/橙/红), nothing for no level.
    static func level(_ level: WarningLevel, _ ctx: PageContext) -> HTML {
        guard level != .none else { return .empty }
        return "<span class=\"badge lv-\(level.rawValue)\">\(ctx.locale.label(level))</span>"
    }

    /// The status as a badge.
    static func status(_ status: CaseStatus, _ ctx: PageContext) -> HTML {
        "<span class=\"badge st-\(status.rawValue)\">\(ctx.locale.label(status))</span>"
    }

    /// The deadline with a countdown ("剩余 5小时" / "超期 2天").
    static func deadline(_ record: Case, _ ctx: PageContext) -> HTML {
        guard let deadline = record.deadline else { return "—" }
        let time = PageLocale.time(deadline)
        guard record.status.isOpen, record.status != .resolved else { return "\(time)" }
        let countdown = ctx.locale.countdown(to: deadline, now: ctx.now)
        let soon = !countdown.overdue && deadline.timeIntervalSince(ctx.now) < 86_400
        let kind = countdown.overdue ? "late" : soon ? "soon" : "ok"
        return "\(time) <span class=\"badge due-\(kind)\">\(countdown.text)</span>"
    }

    /// A table of cases; `action` adds a last column (one-click actions).
    static func caseTable(
        _ records: [Case], names: PageNames, _ ctx: PageContext, caption: String? = nil,
        action: ((Case) -> HTML)? = nil
    ) -> HTML {
        guard !records.isEmpty else { return "<p class=\"empty\">\(ctx.t(.noCases))</p>" }
        let rows = records.map { record -> HTML in
            """
            <tr><td><a href="/cases/\(record.number)">\(record.number)</a></td>\
            <td>\(record.title)</td><td>\(ctx.locale.label(record.kind))</td>\
            <td>\(Fragments.level(record.level, ctx))</td><td>\(status(record.status, ctx))\
            \(record.isSupervised ? " <span class=\"badge supervised\">\(ctx.t(.supervised))</span>" as HTML : .empty)</td>\
            <td>\(names.unit(record.responsibleUnitID))</td><td>\(deadline(record, ctx))</td>\
            \(action.map { "<td>\($0(record))</td>" as HTML })</tr>
            """
        }
        let head: HTML = """
            <tr><th scope="col">\(ctx.t(.colNumber))</th><th scope="col">\(ctx.t(.colTitle))</th>\
            <th scope="col">\(ctx.t(.colKind))</th><th scope="col">\(ctx.t(.colLevel))</th>\
            <th scope="col">\(ctx.t(.colStatus))</th><th scope="col">\(ctx.t(.colUnit))</th>\
            <th scope="col">\(ctx.t(.colDeadline))</th>\
            \(action == nil ? HTML.empty : "<th scope=\"col\">\(ctx.t(.colActions))</th>")</tr>
            """
        return """
            <div class="scroll"><table class="cases">\(caption.map { "<caption>\($0)</caption>" as HTML })\
            <thead>\(head)</thead><tbody>\(rows)</tbody></table></div>
            """
    }

    /// A select of `options` (value, label) with `selected` chosen and an optional empty choice.
    static func select(
        name: String, id: String? = nil, options: [(String, String)], selected: [String], empty: String? = nil,
        multiple: Bool = false, required: Bool = false
    ) -> HTML {
        let choices = options.map { HTML.option($0.0, $0.1, selected: selected.contains($0.0)) }
        return """
            <select name="\(name)" id="\(id ?? name)"\(HTML.attribute("multiple", if: multiple))\
            \(HTML.attribute("required", if: required))>\
            \(empty.map { HTML.option("", $0, selected: selected.isEmpty) })\(choices)</select>
            """
    }
}
