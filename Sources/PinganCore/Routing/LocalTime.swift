import Foundation

/// Local wall-clock text for explanations: `2026-02-26 24:00` for the end of a day, `2026-02-26 09:30` otherwise.
enum LocalTime {
    static func text(_ date: Date, in timeZone: TimeZone) -> String {
        let day = CalendarDay(containing: date, in: timeZone)
        let seconds = Int(date.timeIntervalSince(day.start(in: timeZone)).rounded(.down))
        if seconds == 0 { return "\(day.adding(days: -1)) 24:00" }
        let hours = seconds / 3_600
        let minutes = seconds % 3_600 / 60
        return "\(day) \(hours < 10 ? "0" : "")\(hours):\(minutes < 10 ? "0" : "")\(minutes)"
    }
}
