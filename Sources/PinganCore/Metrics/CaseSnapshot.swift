import Foundation

/// A case as it stood at some instant, rebuilt from its timeline by ``CaseHistory/snapshot(before:)``: what the
/// ledger metrics and the monthly reconciliation (每月交账) look at, so that a report on a past period does not change
/// when the case moves on afterwards.
public struct CaseSnapshot: Sendable, Equatable {
    /// The status at that instant.
    public var status: CaseStatus
    /// The responsible unit at that instant (`nil` while unassigned or after a return).
    public var responsibleUnitID: UUID?
    /// The deadline in force at that instant (created, assigned, reopened with a new deadline, extension approved).
    public var deadline: Date?

    /// Creates a snapshot.
    public init(status: CaseStatus, responsibleUnitID: UUID?, deadline: Date?) {
        self.status = status
        self.responsibleUnitID = responsibleUnitID
        self.deadline = deadline
    }

    /// Whether the case still awaited its resolution: received, assigned or in progress (a resolved case waits for
    /// feedback, not for the unit).
    public var isUnresolved: Bool {
        status == .received || status == .assigned || status == .inProgress
    }

    /// Whether the case was unresolved with its deadline passed at `instant`.
    public func isOverdue(at instant: Date) -> Bool {
        guard isUnresolved, let deadline else { return false }
        return deadline < instant
    }
}
