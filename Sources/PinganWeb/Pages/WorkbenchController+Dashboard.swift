import Foundation
import Hummingbird
import PinganCore
import PinganServices
import PinganStore

extension WorkbenchController {
    /// 态势: the leaders' and the centre's overview of the cases in their area — counts by status, level and kind,
    /// overdue by unit, this month's on-time and first-time resolution rates by unit, a 90-day trend and the last
    /// 7 days' escalations.
    @Sendable func dashboardPage(
        _ request: Request, context: PinganRequestContext, ctx: PageContext, principal: Principal
    ) async throws -> Response {
        guard ctx.has(.leader, .operator, .admin, .assessor) else {
            throw PinganError.forbidden("the dashboard is for leaders, the centre and assessors")
        }
        let names = try await names()
        let tally = try await cases.tally(CaseRepository.Query(), by: principal)
        func totals<K: Hashable>(_ key: (CaseRepository.Tally) -> K) -> [K: Int] {
            tally.reduce(into: [:]) { $0[key($1), default: 0] += $1.count }
        }
        let byStatus = totals(\.status)
        let byKind = totals(\.kind)
        let byLevel = totals(\.level)
        let overdueByUnit = tally.reduce(into: [UUID?: Int]()) { $0[$1.unitID, default: 0] += $1.overdue }
            .filter { $0.value > 0 }.sorted { $0.value > $1.value }
        let statusBars = CaseStatus.allCases.map {
            Charts.Bar(ctx.locale.label($0), Double(byStatus[$0] ?? 0), style: "bar st-\($0.rawValue)")
        }
        let kindBars = CaseKind.allCases.map { Charts.Bar(ctx.locale.label($0), Double(byKind[$0] ?? 0)) }
        let levelBars = WarningLevel.allCases.filter { $0 != .none }.map {
            Charts.Bar(ctx.locale.label($0), Double(byLevel[$0] ?? 0), style: "bar lv-\($0.rawValue)")
        }
        let overdueBars = overdueByUnit.prefix(12).map {
            Charts.Bar($0.key.map { names.unit($0) } ?? ctx.t(.unassigned), Double($0.value), style: "bar late")
        }
        let rates = try await monthlyRates(principal: principal, ctx: ctx)
        let trend = try await trend(principal: principal, ctx: ctx)
        let escalations = try await cases.eventsPerHour(
            .escalated, since: ctx.now.addingTimeInterval(-7 * 86_400), by: principal)
        let escalationsByLevel = escalations.reduce(into: [WarningLevel: Int]()) {
            $0[$1.level, default: 0] += $1.count
        }
        let escalationBars = WarningLevel.allCases.filter { $0 != .none }.map {
            Charts.Bar(ctx.locale.label($0), Double(escalationsByLevel[$0] ?? 0), style: "bar lv-\($0.rawValue)")
        }
        let total = tally.reduce(0) { $0 + $1.count }
        let overdueTotal = tally.reduce(0) { $0 + $1.overdue }
        let content: HTML = """
            <div class="summary">\
            <span class="tile"><strong id="total-cases">\(total)</strong>\(ctx.t(.dashTotal))</span>\
            <span class="tile"><strong>\(byStatus.filter { $0.key.isOpen && $0.key != .resolved }.values.reduce(0, +))</strong>\(ctx.t(.dashOpen))</span>\
            <span class="tile late"><strong>\(overdueTotal)</strong>\(ctx.t(.workOverdue))</span>\
            <span class="tile"><strong>\(escalations.reduce(0) { $0 + $1.count })</strong>\(ctx.t(.dashEscalations7))</span>\
            </div>
            <div class="columns">
            <section class="card"><h2>\(ctx.t(.dashByStatus))</h2>\(Charts.bars(statusBars, title: ctx.t(.dashByStatus)))</section>
            <section class="card"><h2>\(ctx.t(.dashByLevel))</h2>\(Charts.bars(levelBars, title: ctx.t(.dashByLevel)))</section>
            <section class="card"><h2>\(ctx.t(.dashByKind))</h2>\(Charts.bars(kindBars, title: ctx.t(.dashByKind)))</section>
            <section class="card"><h2>\(ctx.t(.dashOverdueByUnit))</h2>\(Charts.bars(overdueBars, title: ctx.t(.dashOverdueByUnit)))</section>
            </div>
            <section class="card"><h2>\(ctx.t(.dashRates))</h2>\(rates)</section>
            <section class="card"><h2>\(ctx.t(.dashTrend))</h2>\(trend)</section>
            <section class="card"><h2>\(ctx.t(.dashEscalations7))</h2>\(Charts.bars(escalationBars, title: ctx.t(.dashEscalations7)))</section>
            """
        return Layout.page(ctx, title: ctx.t(.navDashboard), content)
    }

    /// This month's (China Standard Time) on-time and first-time resolution rates of each unit the user may see that
    /// received or resolved cases, from the ledger metrics service.
    private func monthlyRates(principal: Principal, ctx: PageContext) async throws -> HTML {
        let parts = PageLocale.calendar.dateComponents([.year, .month], from: ctx.now)
        guard let from = PageLocale.calendar.date(from: parts),
            let to = PageLocale.calendar.date(byAdding: .month, value: 1, to: from)
        else { return .empty }
        var rows: [(name: String, metrics: LedgerMetrics)] = []
        for unit in try await organisation.units(for: .user(principal)) {
            let report = try await metrics.ledger(
                unit: unit.code, region: nil, from: from, to: to, by: .user(principal))
            if !report.metrics.receivedCases.isEmpty || !report.metrics.resolvedCases.isEmpty {
                rows.append((unit.name, report.metrics))
            }
        }
        guard !rows.isEmpty else { return "<p class=\"empty\">\(ctx.t(.noCases))</p>" }
        func percent(_ value: Double?) -> String { value.map { String(Int(($0 * 100).rounded())) + "%" } ?? "—" }
        let onTime = rows.map { row -> Charts.Bar in
            let resolved = row.metrics.resolvedCases.count
            let rate = resolved == 0 ? nil : Double(row.metrics.onTimeCases.count) / Double(resolved)
            return Charts.Bar(row.name, rate ?? 0, text: percent(rate), style: "bar ok")
        }
        let firstTime = rows.map { row -> Charts.Bar in
            let rate = row.metrics.firstTimeResolutionRate
            return Charts.Bar(row.name, rate ?? 0, text: percent(rate), style: "bar")
        }
        let table = rows.map { row -> HTML in
            "<tr><th scope=\"row\">\(row.name)</th><td>\(row.metrics.receivedCases.count)</td><td>\(row.metrics.resolvedCases.count)</td><td>\(row.metrics.overdueCases.count)</td></tr>"
        }
        return """
            <p><small>\(PageLocale.day(from)) – \(PageLocale.day(to.addingTimeInterval(-1)))</small></p>
            <div class="columns"><div><h3>\(ctx.t(.dashOnTime))</h3>\(Charts.bars(onTime, title: ctx.t(.dashOnTime), maximum: 1))</div>\
            <div><h3>\(ctx.t(.dashFirstTime))</h3>\(Charts.bars(firstTime, title: ctx.t(.dashFirstTime), maximum: 1))</div></div>
            <div class="scroll"><table><thead><tr><th scope="col">\(ctx.t(.colUnit))</th><th scope="col">\(ctx.t(.dashReceived))</th>\
            <th scope="col">\(ctx.t(.dashResolved))</th><th scope="col">\(ctx.t(.workOverdue))</th></tr></thead><tbody>\(table)</tbody></table></div>
            """
    }

    /// Cases received and resolved per day (China Standard Time) over the last 90 days.
    private func trend(principal: Principal, ctx: PageContext) async throws -> HTML {
        let since = ctx.now.addingTimeInterval(-90 * 86_400)
        let created = try await cases.createdPerHour(since: since, by: principal)
        let resolved = try await cases.eventsPerHour(.resolved, since: since, by: principal)
        func day(ofHour hour: String) -> String? {
            Timestamp.parse(hour + ":00:00.000Z").map { PageLocale.day($0) }
        }
        var createdByDay: [String: Int] = [:]
        for (hour, count) in created { if let day = day(ofHour: hour) { createdByDay[day, default: 0] += count } }
        var resolvedByDay: [String: Int] = [:]
        for entry in resolved { if let day = day(ofHour: entry.hour) { resolvedByDay[day, default: 0] += entry.count } }
        let days = (0...90).map { PageLocale.day(since.addingTimeInterval(Double($0) * 86_400)) }
        return Charts.trend(
            days: days,
            series: [
                (ctx.t(.dashReceived), days.map { createdByDay[$0] ?? 0 }, "line-received"),
                (ctx.t(.dashResolved), days.map { resolvedByDay[$0] ?? 0 }, "line-resolved"),
            ], title: ctx.t(.dashTrend))
    }
}
