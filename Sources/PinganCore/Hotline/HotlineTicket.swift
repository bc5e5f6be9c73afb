import Foundation

/// A 12345 hotline work order (工单) as read from one row of an export (issue 4 §3), before the store resolves its
/// region, unit and category.
public struct HotlineTicket: Sendable, Equatable, Codable {
    /// 工单编号.
    public var ticketNumber: String
    /// 来电时间.
    public var receivedAt: Date
    /// 来电人类别.
    public var callerCategory: String?
    /// 诉求内容.
    public var content: String
    /// 地址.
    public var address: String?
    /// 所属区域 (code or name).
    public var region: String
    /// 承办单位 (code or name).
    public var requestedUnit: String?
    /// 办理时限.
    public var deadline: Date?
    /// 诉求分类 (a category code), or the mapping's default.
    public var category: String

    /// A problem with one row: its line in the file, the ticket number when known, the field and why.
    public struct Problem: Sendable, Equatable, Codable {
        /// The line in the file (the header is line 1).
        public var row: Int
        /// The ticket number, when the row has one.
        public var ticketNumber: String?
        /// The field (`ticket_number`, `received_at` …).
        public var field: String
        /// Why the row was not imported, in plain words.
        public var reason: String

        /// Creates a problem.
        public init(row: Int, ticketNumber: String?, field: String, reason: String) {
            self.row = row
            self.ticketNumber = ticketNumber
            self.field = field
            self.reason = reason
        }
    }

    /// The fields as stored to detect changes: canonical, so the same row always gives the same text.
    public var fields: [String: String] {
        var fields = [
            "ticket_number": ticketNumber, "received_at": Timestamp.format(receivedAt), "content": content,
            "region": region, "category": category,
        ]
        fields["caller_category"] = callerCategory
        fields["address"] = address
        fields["requested_unit"] = requestedUnit
        fields["deadline"] = deadline.map(Timestamp.format)
        return fields
    }

    /// Reads every row of `table` with `mapping`. A file without a required column fails as a whole
    /// (`PinganError.invalid`, field `columns`); a bad row is reported with its line and reason and the others are
    /// still read. Ticket numbers repeated within the file: the later row is reported, the first kept.
    public static func read(
        _ table: CSVTable, mapping: HotlineMapping, timeZone: TimeZone = .chinaStandard
    )
        throws(PinganError) -> (tickets: [(row: Int, ticket: HotlineTicket)], problems: [Problem])
    {
        var index: [HotlineMapping.Field: Int] = [:]
        var missing: [FieldViolation] = []
        for field in HotlineMapping.Field.allCases {
            if let column = table.header.firstIndex(of: mapping.header(field)) {
                index[field] = column
            } else if field.isRequired {
                missing.append(
                    .init(
                        field: "columns.\(field.rawValue)", rule: "missing",
                        detail: "the file has no column '\(mapping.header(field))'"))
            }
        }
        if !missing.isEmpty { throw .invalid(missing) }
        var tickets: [(row: Int, ticket: HotlineTicket)] = []
        var problems: [Problem] = []
        var seen: Set<String> = []
        for (line, cells) in table.rows {
            func value(_ field: HotlineMapping.Field) -> String? {
                guard let column = index[field], column < cells.count else { return nil }
                let text = cells[column].trimmingCharacters(in: .whitespacesAndNewlines)
                return text.isEmpty ? nil : text
            }
            let number = value(.ticketNumber)
            var rowProblems: [Problem] = []
            func problem(_ field: HotlineMapping.Field, _ reason: String) {
                rowProblems.append(.init(row: line, ticketNumber: number, field: field.rawValue, reason: reason))
            }
            if let number, number.count > 64 || number.contains(where: \.isWhitespace) {
                problem(.ticketNumber, "工单编号最多64个字符且不含空格")
            } else if number == nil {
                problem(.ticketNumber, "缺少工单编号")
            } else if let number, seen.contains(number) {
                problem(.ticketNumber, "工单编号在文件中重复,仅导入第一行")
            }
            let received = value(.receivedAt).flatMap { parseTime($0, in: timeZone) }
            if received == nil {
                problem(.receivedAt, value(.receivedAt) == nil ? "缺少来电时间" : "来电时间无法识别(例如 2026-11-20 09:15)")
            }
            let content = value(.content) ?? ""
            if content.isEmpty { problem(.content, "缺少诉求内容") }
            if content.count > 4_000 { problem(.content, "诉求内容超过4000字") }
            if value(.region) == nil { problem(.region, "缺少所属区域") }
            var deadline: Date?
            if let text = value(.deadline) {
                deadline = parseTime(text, in: timeZone, endOfDay: true)
                if deadline == nil { problem(.deadline, "办理时限无法识别(例如 2026-11-27 或 2026-11-27 18:00)") }
            }
            guard rowProblems.isEmpty, let number, let received, let region = value(.region) else {
                problems += rowProblems
                continue
            }
            seen.insert(number)
            tickets.append(
                (
                    line,
                    HotlineTicket(
                        ticketNumber: number, receivedAt: received, callerCategory: value(.callerCategory),
                        content: content, address: value(.address), region: region,
                        requestedUnit: value(.requestedUnit), deadline: deadline,
                        category: value(.category) ?? mapping.defaultCategory)
                ))
        }
        return (tickets, problems)
    }

    /// `2026-11-20 09:15[:00]`, `2026/11/20 9:15`, a bare date (`endOfDay`: 24:00 of that day, otherwise 00:00)
    /// in `timeZone`, or ISO 8601 with an offset.
    public static func parseTime(_ text: String, in timeZone: TimeZone, endOfDay: Bool = false) -> Date? {
        if let date = Timestamp.parse(text) { return date }
        // A spreadsheet date cell is a serial number: days since 1899-12-30 in local time (20,000 is 1954, 80,000
        // is 2119, so ticket numbers and other plain numbers are not mistaken for dates).
        if let serial = Double(text), (20_000...80_000).contains(serial) {
            let local = Date(timeIntervalSince1970: ((serial - 25_569) * 86_400).rounded())
            let date = local.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: local)))
            return endOfDay && serial == serial.rounded() ? date.addingTimeInterval(86_400) : date
        }
        let parts = text.split(whereSeparator: { " -/:T".contains($0) }).map(String.init)
        guard [3, 5, 6].contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }) else {
            return nil
        }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, parts[0].count == 4 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents(year: numbers[0], month: numbers[1], day: numbers[2])
        components.hour = numbers.count > 3 ? numbers[3] : 0
        components.minute = numbers.count > 4 ? numbers[4] : 0
        components.second = numbers.count > 5 ? numbers[5] : 0
        guard (1...12).contains(numbers[1]), (1...31).contains(numbers[2]), (0...23).contains(components.hour ?? 0),
            (0...59).contains(components.minute ?? 0), (0...59).contains(components.second ?? 0),
            let date = calendar.date(from: components),
            calendar.component(.day, from: date) == numbers[2]
        else { return nil }
        return numbers.count == 3 && endOfDay ? date.addingTimeInterval(86_400) : date
    }
}
