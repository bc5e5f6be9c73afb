import Foundation
import PinganCore
import Testing

@Suite("Hotline import rules")
struct HotlineImportRulesTests {
    @Test func csvHandlesQuotesLineBreaksBOMAndBlankLines() throws {
        // act
        let table = try #require(
            CSVTable.parse("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n2,,last\n"))
        // verify
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.cells) == [["1", "x, \"y\"", "two\nlines"], ["2", "", "last"]])
        #expect(table.rows.map(\.line) == [2, 5])
        #expect(CSVTable.parse("") == nil)
    }

    @Test func rowsAreReadWithTheMappingAndBadRowsReportedWithTheirLine() throws {
        // setup
        let csv = """
            工单编号,来电时间,诉求内容,所属区域,办理时限
            GD001,2026-11-20 09:15,路灯不亮,990102002,2026-11-27
            ,2026-11-20 09:20,没有编号,990102
            GD003,昨天,时间不对,990102,
            GD001,2026-11-20 10:00,重复编号,990102,
            GD004,2026/11/21 8:05:30,ok,官园街道,2026-11-27 18:00
            """
        let table = try #require(CSVTable.parse(csv))
        // act
        let (tickets, problems) = try HotlineTicket.read(table, mapping: .standard)
        // verify
        #expect(tickets.map(\.row) == [2, 6])
        let first = try #require(tickets.first?.ticket)
        #expect(first.ticketNumber == "GD001")
        #expect(first.category == "service.complaint")
        #expect(first.receivedAt == Date(timeIntervalSince1970: 1_795_137_300))  // 2026-11-20 01:15 UTC
        #expect(first.deadline.map { LocalTime.minutes($0) } == "2026-11-28 00:00")  // end of the 27th
        #expect(tickets.last?.ticket.region == "官园街道")
        #expect(problems.map { "\($0.row):\($0.field)" } == ["3:ticket_number", "4:received_at", "5:ticket_number"])
    }

    @Test func spreadsheetDateSerialsAreReadAsLocalTimes() {
        let tz = TimeZone.chinaStandard
        #expect(
            HotlineTicket.parseTime("46346.385416666664", in: tz).map { LocalTime.minutes($0) } == "2026-11-20 09:15")
        #expect(
            HotlineTicket.parseTime("46353", in: tz, endOfDay: true).map { LocalTime.minutes($0) } == "2026-11-28 00:00"
        )
        #expect(HotlineTicket.parseTime("12345", in: tz) == nil)  // a plain number is not a date
    }

    @Test func aFileWithoutARequiredColumnFailsAsAWholeAndAMappingRenamesColumns() throws {
        let table = try #require(CSVTable.parse("编号,时间,内容,区域\nA1,2026-11-20 09:00,x,990102\n"))
        #expect(throws: PinganError.self) { try HotlineTicket.read(table, mapping: .standard) }
        let mapping = try HotlineMapping.load(
            json: Data(
                #"{"columns": {"ticket_number": "编号", "received_at": "时间", "content": "内容", "region": "区域"}}"#.utf8))
        let (tickets, problems) = try HotlineTicket.read(table, mapping: mapping)
        #expect(tickets.map(\.ticket.ticketNumber) == ["A1"] && problems.isEmpty)
        #expect(throws: PinganError.self) {
            try HotlineMapping.load(json: Data(#"{"columns": {"nonsense": "x"}}"#.utf8))
        }
    }
}
