import Foundation

/// A reporting period `[from, to)` of the ledger metrics: `from` included, `to` excluded.
public struct LedgerPeriod: Sendable, Equatable {
    /// The first instant of the period.
    public var from: Date
    /// The first instant after the period.
    public var to: Date

    /// A period; throws ``PinganError/invalid(_:)`` (field `to`, rule `order`) unless `from` is before `to`.
    public init(from: Date, to: Date) throws(PinganError) {
        guard from < to else {
            throw .invalid(field: "to", rule: "order", detail: "the period's end must lie after its start")
        }
        self.from = from
        self.to = to
    }

    /// Whether `time` lies in the period.
    public func contains(_ time: Date) -> Bool { from <= time && time < to }

    /// The instant the "now" figures (overdue) are evaluated at: the period's end, or `now` while the period runs.
    public func evaluationInstant(now: Date) -> Date { min(to, now) }
}
