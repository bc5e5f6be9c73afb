import Foundation

/// Local wall-clock text for people.
public enum LocalTime {
    /// For explanations: `2026-02-26 24:00` for the end of a day, `2026-02-26 09:30` otherwise.
    static func text(_ date: Date, in timeZone: TimeZone) -> String {
        let day = CalendarDay(containing: date, in: timeZone)
        let seconds = Int(date.timeIntervalSince(day.start(in: timeZone)).rounded(.down))
        if seconds == 0 { return "\(day.adding(days: -1)) 24:00" }
        let hours = seconds / 3_600
        let minutes = seconds % 3_600 / 60
        return "\(day) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }

    /// `date` as officials read it, to the minute: `2026-11-20 09:15` (China Standard Time unless told otherwise).
    public static func minutes(_ date: Date, in timeZone: TimeZone = .chinaStandard) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0,
            parts.minute ?? 0)
    }
}

extension TimeZone {
    /// China Standard Time (Asia/Shanghai).
    public static var chinaStandard: TimeZone { TimeZone(identifier: "Asia/Shanghai") ?? .gmt }
}
