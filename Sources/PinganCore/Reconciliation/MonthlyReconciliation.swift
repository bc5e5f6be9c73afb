import Foundation

/// The monthly reconciliation (每月交账, BRIEF §1 "every unresolved case is reviewed monthly — cause, responsible
/// person, new deadline; hard and cross-region cases go to a joint consultation"; issue 3 §7). Pure.
public enum MonthlyReconciliation {
    /// The cases unresolved (received, assigned or in progress) at the end of `month` — the ledger as it stood after
    /// every event before the month's end — with their days overdue at min(month's end, now), in case-number order.
    /// `entries` are matched to their cases by id.
    public static func items(
        _ histories: [CaseHistory], month: ReconciliationMonth, timeZone: TimeZone, now: Date,
        entries: [ReconciliationEntry] = []
    ) -> [ReconciliationItem] {
        let end = month.end(in: timeZone)
        let instant = min(end, now)
        let byCase = Dictionary(entries.map { ($0.caseID, $0) }, uniquingKeysWith: { _, last in last })
        return histories.sorted { $0.record.number < $1.record.number }.compactMap { history in
            guard let snapshot = history.snapshot(before: end), snapshot.isUnresolved else { return nil }
            return ReconciliationItem(
                record: history.record, snapshot: snapshot,
                daysOverdue: daysOverdue(deadline: snapshot.deadline, at: instant),
                entry: byCase[history.record.id])
        }
    }

    /// ⌈(instant − deadline) ÷ 86 400 s⌉ when the deadline lies before `instant`, else 0.
    public static func daysOverdue(deadline: Date?, at instant: Date) -> Int {
        guard let deadline, deadline < instant else { return 0 }
        return Int((instant.timeIntervalSince(deadline) / 86_400).rounded(.up))
    }
}
