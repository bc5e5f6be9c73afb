import Foundation
import PinganCore
import PinganStore

/// The languages of the workbench: Simplified Chinese by default, English second. The choice is remembered in the
/// `pingan_lang` cookie.
enum PageLocale: String, Sendable, CaseIterable {
    /// 简体中文 (the default).
    case zhHans = "zh-Hans"
    /// English.
    case en

    /// The cookie that remembers the choice.
    static let cookieName = "pingan_lang"

    /// The locale named by a cookie value, the default for anything else.
    init(cookie: String?) {
        self = cookie.flatMap(PageLocale.init(rawValue:)) ?? .zhHans
    }

    /// The table of this locale.
    var table: [UIText: String] {
        switch self {
        case .zhHans: UIText.zhHans
        case .en: UIText.english
        }
    }

    /// The text of `key` (the key itself if a translation were missing; a test makes sure none is).
    func text(_ key: UIText) -> String { table[key] ?? key.rawValue }

    /// The label of an enumeration value (`status.in_progress`, `kind.dispute` …).
    func label(_ family: String, _ raw: String) -> String {
        let key = family + "." + raw
        switch self {
        case .zhHans: return UIText.zhHansLabels[key] ?? raw
        case .en: return UIText.englishLabels[key] ?? raw
        }
    }

    func label(_ status: CaseStatus) -> String { label("status", status.rawValue) }
    func label(_ kind: CaseKind) -> String { label("kind", kind.rawValue) }
    func label(_ level: WarningLevel) -> String { label("level", level.rawValue) }
    func label(_ source: SourceChannel) -> String { label("source", source.rawValue) }
    func label(_ channel: ResolutionChannel) -> String { label("channel", channel.rawValue) }
    func label(_ feedback: CaseFeedback) -> String { label("feedback", feedback.rawValue) }
    func label(_ requester: ReopenRequester) -> String { label("requester", requester.rawValue) }
    func label(_ action: CaseActionName) -> String { label("action", action.rawValue) }
    func label(_ event: CaseEventType) -> String { label("event", event.rawValue) }

    /// Every label key the pages may ask for: each value of each enumeration shown.
    static var labelKeys: [String] {
        CaseStatus.allCases.map { "status." + $0.rawValue } + CaseKind.allCases.map { "kind." + $0.rawValue }
            + WarningLevel.allCases.map { "level." + $0.rawValue }
            + SourceChannel.allCases.map { "source." + $0.rawValue }
            + ResolutionChannel.allCases.map { "channel." + $0.rawValue }
            + CaseFeedback.allCases.map { "feedback." + $0.rawValue }
            + ReopenRequester.allCases.map { "requester." + $0.rawValue }
            + CaseActionName.allCases.map { "action." + $0.rawValue }
            + CaseEventType.allCases.map { "event." + $0.rawValue }
            + Role.allCases.map { "role." + $0.rawValue }
            + CaseRepository.Query.Sort.allCases.map { "sort." + $0.rawValue }
            + ["applicant", "respondent", "other"].map { "party." + $0 }
            + ActorRef.Kind.allCases.map { "actor." + $0.rawValue }
            + LeaderRole.allCases.map { "leader." + $0.rawValue } + UnitKind.allCases.map { "unitkind." + $0.rawValue }
    }

    /// A time in China Standard Time, `yyyy-MM-dd HH:mm`.
    static func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        return LocalTime.minutes(date)
    }

    /// A day in China Standard Time, `yyyy-MM-dd`.
    static func day(_ date: Date) -> String { String(time(date).prefix(10)) }

    /// The Gregorian calendar in China Standard Time.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .chinaStandard
        return calendar
    }()

    /// "in 5 h" / "2 d overdue": the time left until `deadline`, for a countdown badge.
    func countdown(to deadline: Date, now: Date) -> (text: String, overdue: Bool) {
        let seconds = deadline.timeIntervalSince(now)
        let magnitude = abs(seconds)
        let amount: String
        if magnitude >= 86_400 {
            amount = String(Int(magnitude / 86_400)) + text(.unitDays)
        } else if magnitude >= 3600 {
            amount = String(Int(magnitude / 3600)) + text(.unitHours)
        } else {
            amount = String(max(1, Int(magnitude / 60))) + text(.unitMinutes)
        }
        if seconds < 0 { return (text(.overdueBy) + amount, true) }
        return (text(.remaining) + amount, false)
    }
}
