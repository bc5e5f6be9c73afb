import Foundation

/// The working-day calendar (工作日历) that deadlines in working days follow (BRIEF issue 3 "Deadlines"; DESIGN "working
/// days follow the loaded holiday calendar").
///
/// China's public holidays (放假) and adjusted working days (调休上班, weekends that are working days) differ every year,
/// so they are data: a JSON document, validated on load. A day is a working day when it is an adjusted working day,
/// or a Monday to Friday that is not a holiday. Days of a year that is not loaded are unknown: every computation that
/// needs one fails with `calendar_out_of_range` instead of guessing Monday to Friday.
///
/// Document form:
/// ```json
/// {"name": "cn-mainland", "version": 1, "time_zone": "Asia/Shanghai",
///  "years": {"2026": {"source": "国务院办公厅关于2026年部分节假日安排的通知", "holidays": ["2026-01-01"], "workdays": ["2026-01-04"]}}}
/// ```
public struct WorkCalendar: Sendable, Equatable {
    /// The holidays and adjusted working days of one year, with the notice they come from.
    public struct Year: Sendable, Equatable, Codable {
        /// Where the dates come from (the State Council General Office notice, 国务院办公厅通知).
        public var source: String?
        /// Days off (放假), including weekend days inside a holiday period.
        public var holidays: [CalendarDay]
        /// Weekend days that are working days (调休上班).
        public var workdays: [CalendarDay]
        /// Whether the year is provisional: derived from the statutory rules before the year's official notice was
        /// loaded, so deadlines in it may move once the notice (with its 调休 adjustments) replaces it.
        public var provisional: Bool?

        /// Creates a year entry.
        public init(source: String?, holidays: [CalendarDay], workdays: [CalendarDay], provisional: Bool? = nil) {
            self.source = source
            self.holidays = holidays
            self.workdays = workdays
            self.provisional = provisional
        }
    }

    /// The document as loaded.
    public struct Document: Sendable, Equatable, Codable {
        /// A name for the calendar (`cn-mainland`).
        public var name: String
        /// The document version.
        public var version: Int
        /// The IANA time zone that days are counted in (`Asia/Shanghai`).
        public var timeZone: String
        /// The loaded years, keyed by the year as text (`"2026"`).
        public var years: [String: Year]

        /// Creates a document.
        public init(name: String, version: Int, timeZone: String, years: [String: Year]) {
            self.name = name
            self.version = version
            self.timeZone = timeZone
            self.years = years
        }

        enum CodingKeys: String, CodingKey {
            case name, version, years
            case timeZone = "time_zone"
        }
    }

    /// The validated document.
    public let document: Document
    /// The time zone days are counted in.
    public let timeZone: TimeZone
    /// The years the calendar knows, ascending.
    public let coveredYears: [Int]
    private let holidays: Set<CalendarDay>
    private let workdays: Set<CalendarDay>

    /// Validates a document and builds the calendar from it; every error names its field path
    /// (`years.2026.workdays[1]`).
    public init(document: Document) throws(PinganError) {
        var violations: [FieldViolation] = []
        if document.name.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(.init(field: "name", rule: "required", detail: "a calendar has a name"))
        }
        if document.version < 1 {
            violations.append(.init(field: "version", rule: "range", detail: "the version is a whole number from 1"))
        }
        let zone = TimeZone(identifier: document.timeZone)
        if zone == nil {
            violations.append(
                .init(field: "time_zone", rule: "unknown_value", detail: "'\(document.timeZone)' is not a time zone"))
        }
        if document.years.isEmpty {
            violations.append(.init(field: "years", rule: "required", detail: "a calendar lists at least one year"))
        }
        var holidays: Set<CalendarDay> = []
        var workdays: Set<CalendarDay> = []
        var years: [Int] = []
        for key in document.years.keys.sorted() {
            guard let entry = document.years[key] else { continue }
            guard key.utf8.count == 4, let year = Int(key), (1900...2999).contains(year) else {
                violations.append(
                    .init(
                        field: "years.\(key)", rule: "format", detail: "a year key is a 4-digit year such as \"2026\""))
                continue
            }
            years.append(year)
            for (index, day) in entry.holidays.enumerated() {
                let field = "years.\(key).holidays[\(index)]"
                if day.year != year {
                    violations.append(.init(field: field, rule: "year", detail: "\(day) is not in \(year)"))
                } else if !holidays.insert(day).inserted {
                    violations.append(.init(field: field, rule: "duplicate", detail: "\(day) is listed twice"))
                }
            }
            for (index, day) in entry.workdays.enumerated() {
                let field = "years.\(key).workdays[\(index)]"
                if day.year != year {
                    violations.append(.init(field: field, rule: "year", detail: "\(day) is not in \(year)"))
                } else if holidays.contains(day) {
                    violations.append(
                        .init(field: field, rule: "conflict", detail: "\(day) is both a holiday and a working day"))
                } else if !day.isWeekend {
                    violations.append(
                        .init(
                            field: field, rule: "weekday",
                            detail: "\(day) is a weekday; an adjusted working day (调休上班) is a Saturday or Sunday"))
                } else if !workdays.insert(day).inserted {
                    violations.append(.init(field: field, rule: "duplicate", detail: "\(day) is listed twice"))
                }
            }
        }
        guard violations.isEmpty, let zone else { throw .invalid(violations) }
        self.document = document
        self.timeZone = zone
        self.coveredYears = years
        self.holidays = holidays
        self.workdays = workdays
    }

    /// Decodes and validates a calendar document.
    public static func load(json: Data) throws(PinganError) -> WorkCalendar {
        try WorkCalendar(document: JSONDocument.decode(Document.self, from: json))
    }

    /// Whether the calendar knows `day`'s year.
    public func covers(_ day: CalendarDay) -> Bool { coveredYears.contains(day.year) }

    /// Whether `year` is loaded only provisionally (see ``Year/provisional``).
    public func isProvisional(_ year: Int) -> Bool { document.years[String(year)]?.provisional == true }

    /// Whether `day` is a working day; fails with `calendar_out_of_range` for a year the calendar does not know.
    public func isWorkingDay(_ day: CalendarDay) throws(PinganError) -> Bool {
        guard covers(day) else { throw outOfRange(day) }
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return !day.isWeekend
    }

    /// The end of the `count`-th working day after the local day of `start` — 24:00 local time, i.e. the start of
    /// the next day — in `timeZone`.
    ///
    /// The start day itself never counts, whatever the hour (as in "受理后5个工作日内办结": a request received on
    /// Monday 09:00 is due by the end of the following Monday, with no holidays between). `count` is at least 1.
    /// Fails with `calendar_out_of_range` when a day that must be examined lies in a year the calendar does not know.
    public func addingWorkingDays(_ count: Int, to start: Date, in timeZone: TimeZone) throws(PinganError) -> Date {
        guard count >= 1 else {
            throw .invalid(field: "working_days", rule: "range", detail: "a number of working days is at least 1")
        }
        var day = CalendarDay(containing: start, in: timeZone)
        var remaining = count
        while remaining > 0 {
            day = day.adding(days: 1)
            if try isWorkingDay(day) { remaining -= 1 }
        }
        return day.adding(days: 1).start(in: timeZone)
    }

    /// ``addingWorkingDays(_:to:in:)`` in the calendar's own time zone.
    public func addingWorkingDays(_ count: Int, to start: Date) throws(PinganError) -> Date {
        try addingWorkingDays(count, to: start, in: timeZone)
    }

    private func outOfRange(_ day: CalendarDay) -> PinganError {
        let loaded = coveredYears.map(String.init).joined(separator: ", ")
        return .invalid(
            field: "calendar", rule: "calendar_out_of_range",
            detail: "the working-day calendar '\(document.name)' covers \(loaded) only; "
                + "\(day) needs the \(day.year) calendar to be loaded")
    }
}
