import Foundation

extension Case {
    /// The Open311 status: `open` while the case is received, assigned or in progress; `closed` once it is resolved,
    /// closed or merged (a resolved case that the citizen rejects opens again).
    public var open311Status: String {
        switch status {
        case .received, .assigned, .inProgress: "open"
        case .resolved, .closed, .merged: "closed"
        }
    }

    /// The fine state for Open311's `status_notes`, in plain Chinese. It never carries the unit's written result or
    /// anything about the parties.
    public var open311StatusNotes: String {
        var note: String
        switch status {
        case .received: note = "已受理,等待分派责任单位"
        case .assigned: note = "已分派至责任单位,等待签收"
        case .inProgress: note = reopenCount > 0 ? "群众评价未解决,已重新办理" : "责任单位正在办理"
        case .resolved: note = "已办结,等待群众评价"
        case .closed:
            switch feedback {
            case .satisfied: note = "已办结,群众评价满意"
            case .unsatisfied: note = "已办结,群众评价不满意"
            case .some(.none), nil: note = "已办结"
            }
        case .merged: note = "已与同一诉求合并办理"
        }
        if isSupervised, status.isOpen { note += "(督办中)" }
        return note
    }
}

/// Times as Open311 prints them: W3C ISO 8601 with the China Standard Time offset, to the second
/// (`2026-11-22T08:00:00+08:00`).
public enum Open311Time {
    /// `date` as W3C ISO 8601 with `+08:00`.
    public static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3_600) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
