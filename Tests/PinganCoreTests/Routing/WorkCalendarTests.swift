import Foundation
import PinganCore
import Testing

@Suite("Working-day calendar (工作日历)")
struct WorkCalendarTests {
    let calendar: WorkCalendar
    let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .gmt

    init() throws {
        calendar = try WorkCalendar.chinaMainland()
    }

    func day(_ text: String) -> CalendarDay {
        CalendarDay(text) ?? CalendarDay(ordinal: 0)
    }

    @Test("the shipped calendar is the State Council's 2026 notice plus a provisional 2027")
    func shippedCalendarCovers2026() throws {
        #expect(calendar.coveredYears == [2026, 2027])
        #expect(!calendar.isProvisional(2026))
        #expect(calendar.isProvisional(2027))
        #expect(calendar.timeZone.identifier == "Asia/Shanghai")
        #expect(calendar.document.years["2026"]?.source?.contains("国务院办公厅关于2026年部分节假日安排的通知") == true)
        #expect(calendar.document.years["2026"]?.holidays.count == 33)
        #expect(calendar.document.years["2026"]?.workdays.count == 6)
    }

    @Test("Spring Festival days are off and the adjusted Saturdays 14 and 28 February are working days")
    func springFestivalDays() throws {
        #expect(try calendar.isWorkingDay(day("2026-02-13")))
        #expect(try calendar.isWorkingDay(day("2026-02-14")))
        for offset in 0..<9 {
            #expect(try !calendar.isWorkingDay(day("2026-02-15").adding(days: offset)))
        }
        #expect(try calendar.isWorkingDay(day("2026-02-24")))
        #expect(try calendar.isWorkingDay(day("2026-02-28")))
        #expect(try !calendar.isWorkingDay(day("2026-03-01")))
    }

    @Test("five working days from a Thursday before the Spring Festival end at 24:00 on 26 February")
    func fiveWorkingDaysAcrossSpringFestival() throws {
        // Fri 13 (1), Sat 14 adjusted (2), 15–23 off, Tue 24 (3), Wed 25 (4), Thu 26 (5).
        let deadline = try calendar.addingWorkingDays(5, to: beijing("2026-02-12T10:00"), in: shanghai)
        #expect(deadline == beijing("2026-02-27T00:00"))
        #expect(Timestamp.format(deadline) == "2026-02-26T16:00:00.000Z")
    }

    @Test("National Day is skipped and the adjusted Saturday 10 October counts")
    func nationalDay() throws {
        // Oct 1–7 off, Thu 8 (1), Fri 9 (2), Sat 10 adjusted (3).
        let deadline = try calendar.addingWorkingDays(3, to: beijing("2026-09-30T15:00"), in: shanghai)
        #expect(deadline == beijing("2026-10-11T00:00"))
        // Sun 20 September is an adjusted working day.
        let sunday = try calendar.addingWorkingDays(1, to: beijing("2026-09-18T09:00"), in: shanghai)
        #expect(sunday == beijing("2026-09-21T00:00"))
    }

    @Test("working days run across a month end and the Labour Day holiday")
    func acrossMonthEnd() throws {
        // Thu 30 April: 1–5 May off, Wed 6 May is the first working day.
        let deadline = try calendar.addingWorkingDays(1, to: beijing("2026-04-30T08:00"), in: shanghai)
        #expect(deadline == beijing("2026-05-07T00:00"))
    }

    @Test("a case received on New Year's Eve 2025 counts from the loaded 2026 days, with Sunday 4 January working")
    func acrossYearStart() throws {
        let deadline = try calendar.addingWorkingDays(1, to: beijing("2025-12-31T11:00"), in: shanghai)
        #expect(deadline == beijing("2026-01-05T00:00"))
    }

    @Test("the start day never counts, and the day is the local Beijing day")
    func startDayIsLocal() throws {
        // 17:00 UTC on Monday 2 March is 01:00 on Tuesday 3 March in Beijing.
        let start = try #require(Timestamp.parse("2026-03-02T17:00:00Z"))
        let deadline = try calendar.addingWorkingDays(1, to: start, in: shanghai)
        #expect(deadline == beijing("2026-03-05T00:00"))
    }

    @Test("a deadline that reaches into 2028 is refused until the 2028 calendar is loaded")
    func refusesBeyondLoadedRange() throws {
        let start = beijing("2027-12-30T10:00")
        #expect(try calendar.addingWorkingDays(1, to: start, in: shanghai) == beijing("2028-01-01T00:00"))
        let error = #expect(throws: PinganError.self) {
            try calendar.addingWorkingDays(2, to: start, in: shanghai)
        }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        #expect(violations.first?.rule == "calendar_out_of_range")
        #expect(violations.first?.detail.contains("2028") == true)
        #expect(throws: PinganError.self) { try calendar.isWorkingDay(day("2028-01-04")) }
        #expect(!calendar.covers(day("2028-01-04")))
    }

    @Test("provisional 2027: the statutory days fall on the lunar dates Foundation's Chinese calendar gives")
    func provisional2027LunarHolidays() throws {
        var chinese = Calendar(identifier: .chinese)
        chinese.timeZone = shanghai
        var gregorian = Calendar(identifier: .gregorian)
        gregorian.timeZone = shanghai
        // 春节 (first day of the first month), 端午 (5/5), 中秋 (8/15) of 2027, found by walking the year.
        var found: [String: CalendarDay] = [:]
        var date = try #require(gregorian.date(from: DateComponents(year: 2027, month: 1, day: 1)))
        while gregorian.component(.year, from: date) == 2027 {
            let lunar = chinese.dateComponents([.month, .day, .isLeapMonth], from: date)
            if lunar.isLeapMonth == false {
                switch (lunar.month, lunar.day) {
                case (1, 1): found["spring"] = CalendarDay(containing: date, in: shanghai)
                case (5, 5): found["dragon"] = CalendarDay(containing: date, in: shanghai)
                case (8, 15): found["autumn"] = CalendarDay(containing: date, in: shanghai)
                default: break
                }
            }
            date = try #require(gregorian.date(byAdding: .day, value: 1, to: date))
        }
        let spring = try #require(found["spring"])
        #expect(spring == day("2027-02-06"))
        // 除夕 and the first three days are off; the two weekend days among them are made up on the next working days.
        for offset in -1...4 { #expect(try !calendar.isWorkingDay(spring.adding(days: offset))) }
        #expect(try calendar.isWorkingDay(spring.adding(days: 5)))
        for name in ["dragon", "autumn"] {
            #expect(try !calendar.isWorkingDay(try #require(found[name])))
        }
        #expect(try !calendar.isWorkingDay(day("2027-04-05")))
        #expect(try !calendar.isWorkingDay(day("2027-05-04")))
        #expect(try calendar.isWorkingDay(day("2027-05-05")))
        #expect(try !calendar.isWorkingDay(day("2027-10-05")))
        #expect(try calendar.isWorkingDay(day("2027-10-06")))
    }

    @Test("a calendar document with a weekday 'workday', a date in the wrong year and a bad zone names each field")
    func documentValidation() throws {
        let json = """
            {"name": "cn", "version": 1, "time_zone": "Mars/Olympus",
             "years": {"2026": {"holidays": ["2026-01-01", "2025-12-31", "2026-01-01"], "workdays": ["2026-01-05"]}}}
            """
        let error = #expect(throws: PinganError.self) { try WorkCalendar.load(json: Data(json.utf8)) }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        let rules = Dictionary(violations.map { ($0.field, $0.rule) }, uniquingKeysWith: { first, _ in first })
        #expect(rules["time_zone"] == "unknown_value")
        #expect(rules["years.2026.holidays[1]"] == "year")
        #expect(rules["years.2026.holidays[2]"] == "duplicate")
        #expect(rules["years.2026.workdays[0]"] == "weekday")
    }

    @Test("a malformed date is reported at its field path")
    func malformedDate() throws {
        let json = """
            {"name": "cn", "version": 1, "time_zone": "Asia/Shanghai",
             "years": {"2026": {"holidays": ["2026-01-01", "2026-02-30"], "workdays": []}}}
            """
        let error = #expect(throws: PinganError.self) { try WorkCalendar.load(json: Data(json.utf8)) }
        guard case .invalid(let violations) = error else {
            Issue.record("expected invalid")
            return
        }
        #expect(violations.map(\.field) == ["years.2026.holidays[1]"])
        #expect(violations.first?.rule == "format")
    }

    @Test("civil dates round-trip through day numbers and know their weekday")
    func calendarDayArithmetic() throws {
        let newYear = try #require(CalendarDay(year: 2026, month: 1, day: 1))
        #expect(newYear.weekday == 4)
        #expect(newYear.description == "2026-01-01")
        #expect(newYear.adding(days: -1).description == "2025-12-31")
        #expect(CalendarDay("2028-02-29")?.weekday == 2)
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay(ordinal: 0).description == "1970-01-01")
    }
}
