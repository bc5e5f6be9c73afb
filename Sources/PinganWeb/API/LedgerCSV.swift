import Foundation
import PinganCore

/// The ledger export (台账导出, issue 3 §9): one CSV row per case, for people who open it in Excel.
///
/// UTF-8 with a byte-order mark (Excel otherwise reads Chinese as the local code page), CRLF line ends and RFC 4180
/// quoting. The header names each column in Chinese with its English key in parentheses (`案件编号 (number)`), so
/// that officials read it and scripts can find columns by the key. Values are for people: Chinese labels for the
/// kinds, statuses, sources, levels, channels and feedback, units, categories and regions by name, times in China
/// Standard Time as `yyyy-MM-dd HH:mm`. Parties' personal data is never exported (BRIEF §6): only whether a case has
/// parties. A cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) is
/// prefixed with `'`.
struct LedgerCSV: Sendable {
    /// Where the export is served.
    static let path = "/api/v1/cases.csv"

    /// Cases read per page from the store; memory stays bounded by one page whatever the ledger's size.
    static let pageSize = 500

    /// The byte-order mark that makes Excel read UTF-8.
    static let byteOrderMark = "\u{FEFF}"

    /// What the OpenAPI document says about the export.
    static var documentation: String {
        """
        Takes the filters of `GET /api/v1/cases` (not `cursor` or `limit`: every matching case within the caller's \
        scope is exported, read in pages of \(pageSize) and streamed). UTF-8 with a byte-order mark, CRLF line ends, \
        RFC 4180 quoting. The header row names each column in Chinese with its English key in parentheses: \
        \(columns.map { "`\($0)`" }.joined(separator: ", ")). Times are China Standard Time (`yyyy-MM-dd HH:mm`); \
        yes/no columns are 是/否. Parties' personal data is never exported, only `has_parties`. Cells that a \
        spreadsheet would treat as a formula are prefixed with `'`.
        """
    }

    /// The names the rows show instead of ids and codes.
    struct Names: Sendable {
        /// Unit id → (code, name).
        var units: [UUID: (code: String, name: String)] = [:]
        /// Category code → Chinese name.
        var categories: [String: String] = [:]
        /// Region code → name.
        var regions: [String: String] = [:]
    }

    let names: Names
    /// The time "overdue" is judged at.
    let now: Date

    /// The columns, in order: Chinese name (English key).
    static let columns: [String] = [
        "案件编号 (number)", "类型 (kind)", "类别代码 (category_code)", "类别 (category)", "区域代码 (region_code)",
        "区域 (region)", "来源 (source)", "标题 (title)", "描述 (description)", "预警等级 (level)", "状态 (status)",
        "责任单位代码 (responsible_unit_code)", "责任单位 (responsible_unit)", "参与单位 (participating_units)",
        "办理期限 (deadline)", "签收期限 (accept_deadline)", "是否超期 (overdue)", "是否督办 (supervised)",
        "督办期限 (supervision_deadline)", "化解途径 (resolution_channel)", "办理结果 (resolution_result)",
        "评价 (feedback)", "重办次数 (reopen_count)", "退回次数 (return_count)", "有当事人 (has_parties)",
        "登记时间 (created_at)", "更新时间 (updated_at)", "结案时间 (closed_at)",
    ]

    /// The header row, with its line end.
    static var header: String { line(columns) }

    /// The row of `record`, with its line end.
    func row(_ record: Case) -> String {
        let unit = record.responsibleUnitID.flatMap { names.units[$0] }
        let cells: [String] = [
            record.number, Self.label(record.kind), record.categoryCode,
            names.categories[record.categoryCode] ?? "", record.regionCode, names.regions[record.regionCode] ?? "",
            Self.label(record.source), record.title, record.description, record.level.label,
            Self.label(record.status), unit?.code ?? "", unit?.name ?? "",
            record.participatingUnitIDs.map { names.units[$0]?.name ?? $0.uuidString }.joined(separator: "、"),
            Self.time(record.deadline), Self.time(record.acceptDeadline), Self.yesNo(record.isOverdue(at: now)),
            Self.yesNo(record.isSupervised), Self.time(record.supervision?.deadline),
            record.resolution.map { Self.label($0.channel) } ?? "", record.resolution?.result ?? "",
            record.feedback.map { Self.label($0) } ?? "", String(record.reopenCount), String(record.returnCount),
            Self.yesNo(record.hasParties), Self.time(record.createdAt), Self.time(record.updatedAt),
            Self.time(record.closedAt),
        ]
        return Self.line(cells)
    }

    /// The file name for an export made at `time`: `ledger-YYYYMMDD.csv`, the date in China Standard Time.
    static func filename(at time: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: time)
        return String(format: "ledger-%04d%02d%02d.csv", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// One CSV line: the cells, escaped, joined by commas, ended by CRLF.
    static func line(_ cells: [String]) -> String {
        cells.map(escape).joined(separator: ",") + "\r\n"
    }

    /// A cell as RFC 4180 writes it: quoted when it holds a quote, comma, CR or LF, with quotes doubled; and
    /// prefixed with `'` when a spreadsheet would otherwise run it as a formula (CSV injection).
    static func escape(_ cell: String) -> String {
        var text = cell
        if let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "\"" || $0 == "," || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .gmt
        return calendar
    }()

    private static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        return LocalTime.minutes(date)
    }

    private static func yesNo(_ value: Bool) -> String { value ? "是" : "否" }

    private static func label(_ kind: CaseKind) -> String {
        switch kind {
        case .dispute: "矛盾纠纷"
        case .hazard: "安全隐患"
        case .request: "群众诉求"
        case .opinionWarning: "舆情预警"
        case .incident: "突发事件"
        }
    }

    private static func label(_ status: CaseStatus) -> String {
        switch status {
        case .received: "已受理"
        case .assigned: "已分流"
        case .inProgress: "办理中"
        case .resolved: "已办理待反馈"
        case .closed: "已结案"
        case .merged: "已并单"
        }
    }

    private static func label(_ source: SourceChannel) -> String {
        switch source {
        case .grid: "网格上报"
        case .hotline: "12345热线"
        case .walkIn: "来访"
        case .online: "网上"
        case .signal: "舆情监测"
        case .open311: "Open311"
        }
    }

    private static func label(_ channel: ResolutionChannel) -> String {
        switch channel {
        case .directHandling: "直接办理"
        case .settlement: "和解"
        case .peopleMediation: "人民调解"
        case .administrativeMediation: "行政调解"
        case .judicialMediation: "司法调解"
        case .arbitration: "仲裁"
        case .administrativeRuling: "行政裁决"
        case .administrativeReconsideration: "行政复议"
        case .litigation: "诉讼"
        }
    }

    private static func label(_ feedback: CaseFeedback) -> String {
        switch feedback {
        case .satisfied: "满意"
        case .unsatisfied: "不满意"
        case .none: "未评价"
        }
    }
}
