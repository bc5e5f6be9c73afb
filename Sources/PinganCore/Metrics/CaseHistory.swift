import Foundation

/// A case with its region path and its timeline: the input of ``LedgerMetrics`` and ``MonthlyReconciliation``.
///
/// Both read the timeline, not only the current record, so that a figure for a past period is what the ledger showed
/// then (a case reassigned or reopened later does not rewrite last month's numbers).
public struct CaseHistory: Sendable, Equatable {
    /// The case as stored now.
    public var record: Case
    /// The path of its region (`990100/990102/990102002`).
    public var regionPath: String
    /// Its timeline, oldest first.
    public var events: [CaseEvent]

    /// Creates a history.
    public init(record: Case, regionPath: String, events: [CaseEvent]) {
        self.record = record
        self.regionPath = regionPath
        self.events = events
    }

    /// The events strictly before `cutoff`, in timeline order.
    public func events(before cutoff: Date) -> [CaseEvent] {
        events.filter { $0.at < cutoff }
    }

    /// The case as it stood after every event strictly before `cutoff`.
    ///
    /// Status: `created` → received; `assigned` → assigned (in progress when the unit already working it is assigned
    /// again); `accepted` and `reopened` → in progress; `returned` → received; `resolved` → resolved; `closed` →
    /// closed; `merged` → merged; `lead_designated` with a new lead → assigned. Unit: `assigned` and
    /// `lead_designated` set it, `returned` clears it. Deadline: the `deadline` of the latest `created`, `assigned`,
    /// `reopened` or `extension_approved` event (the supervision deadline is the centre's own and is not counted).
    /// When every event lies before `cutoff`, the stored record's status, unit and deadline are used directly.
    /// `nil` when the case was created at or after `cutoff` (it did not exist yet).
    public func snapshot(before cutoff: Date) -> CaseSnapshot? {
        guard record.createdAt < cutoff else { return nil }
        if !events.isEmpty, events.allSatisfy({ $0.at < cutoff }) {
            return CaseSnapshot(
                status: record.status, responsibleUnitID: record.responsibleUnitID, deadline: record.deadline)
        }
        var status = CaseStatus.received
        var unit: UUID?
        var deadline: Date?
        for event in events(before: cutoff) {
            let eventUnit = event.data["unit_id"].flatMap(UUID.init(uuidString:))
            switch event.type {
            case .created:
                status = .received
            case .assigned:
                status = status == .inProgress && eventUnit == unit ? .inProgress : .assigned
                unit = eventUnit
            case .accepted, .reopened:
                status = .inProgress
            case .returned:
                status = .received
                unit = nil
            case .resolved:
                status = .resolved
            case .closed:
                status = .closed
            case .merged:
                status = .merged
            case .leadDesignated:
                if event.data["lead_changed"] == "true" { status = .assigned }
                unit = eventUnit
            default:
                break
            }
            switch event.type {
            case .created, .assigned, .reopened, .extensionApproved:
                if let text = event.data["deadline"], let date = Timestamp.parse(text) { deadline = date }
            default:
                break
            }
        }
        return CaseSnapshot(status: status, responsibleUnitID: unit, deadline: deadline)
    }
}
