import Foundation

/// One case in a month's reconciliation list (每月交账): unresolved at the month's end, with how overdue it was then
/// and the unit's entry once recorded.
public struct ReconciliationItem: Sendable, Equatable {
    /// The case as stored now.
    public var record: Case
    /// The case at the month's end (status, unit, deadline then).
    public var snapshot: CaseSnapshot
    /// Whole days overdue at the evaluation instant: ⌈(instant − deadline) ÷ 1 day⌉ when the deadline had passed
    /// (so one hour late is one day), 0 otherwise or without a deadline.
    public var daysOverdue: Int
    /// The unit's entry for this month, once recorded.
    public var entry: ReconciliationEntry?

    /// Creates an item.
    public init(record: Case, snapshot: CaseSnapshot, daysOverdue: Int, entry: ReconciliationEntry?) {
        self.record = record
        self.snapshot = snapshot
        self.daysOverdue = daysOverdue
        self.entry = entry
    }

    /// Whether the case was overdue at the evaluation instant.
    public var isOverdue: Bool { daysOverdue > 0 }
}
