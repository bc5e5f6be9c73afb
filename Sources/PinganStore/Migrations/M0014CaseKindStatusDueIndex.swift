/// The ledger's "a kind and a status by deadline" list (for example open disputes by deadline, the 待办 of a dispute
/// desk): M0012's `(status, deadline)` index made PostgreSQL walk every assigned case in deadline order and drop the
/// other kinds one by one (506 rows read for a page of 51 at 100,000 cases, 15.7 ms; 1.1 ms with this index,
/// docs/PERFORMANCE.md "Case ledger").
enum M0014CaseKindStatusDueIndex {
    static let migration = Migration(
        version: 14, name: "case_kind_status_due_index",
        statements: [
            "CREATE INDEX cases_kind_status_due ON cases(kind, status, (COALESCE(deadline, '9999')), id)"
        ])
}
