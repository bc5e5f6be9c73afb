import Foundation

/// A month of the monthly reconciliation (每月交账, BRIEF §1; issue 3 §7), written `YYYY-MM`. Its bounds are the first
/// instants of the month and of the next month in the centre's time zone (Asia/Shanghai by default).
public struct ReconciliationMonth: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The year, 2000–9999.
    public var year: Int
    /// The month, 1–12.
    public var month: Int

    /// The month `year`-`month`; throws ``PinganError/invalid(_:)`` (field `month`, rule `format`) outside
    /// 2000-01 … 9999-12.
    public init(year: Int, month: Int) throws(PinganError) {
        guard (2000...9999).contains(year), (1...12).contains(month) else { throw Self.formatError }
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM` (four digits, a hyphen, two digits, 01–12); throws field `month`, rule `format`.
    public init(parsing text: String) throws(PinganError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }), let year = Int(parts[0]),
            let month = Int(parts[1])
        else { throw Self.formatError }
        try self.init(year: year, month: month)
    }

    private static let formatError = PinganError.invalid(
        field: "month", rule: "format", detail: "a month is written YYYY-MM, for example 2026-11")

    /// `YYYY-MM`.
    public var description: String {
        "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }

    /// The month after this one.
    public var next: ReconciliationMonth {
        // Cannot fail below 9999-12; at 9999-12 the month itself is returned (there is no later one).
        (try? ReconciliationMonth(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1)) ?? self
    }

    /// The first instant of the month in `timeZone`.
    public func start(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: 1)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The first instant after the month in `timeZone` (the month's end, excluded).
    public func end(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: month == 12 ? year + 1 : year, month: month == 12 ? 1 : month + 1, day: 1)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// Throws field `month`, rule `future`, when the month has not begun at `now`: there is nothing to reconcile yet.
    public func checkBegun(now: Date, in timeZone: TimeZone) throws(PinganError) {
        guard start(in: timeZone) <= now else {
            throw .invalid(field: "month", rule: "future", detail: "month \(self) has not begun; nothing to reconcile")
        }
    }

    /// Months order by time.
    public static func < (lhs: ReconciliationMonth, rhs: ReconciliationMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
