/// Indexes for the ledger's common lists at 100,000 cases, so that a page walks an index in its own order and stops
/// after one page instead of sorting every matching case (measured in docs/PERFORMANCE.md, "Case ledger"): a status
/// newest first (待办, 台账 by status), a kind newest first (with a region or a status checked per row), and a status
/// by deadline — the list's deadline order is `COALESCE(deadline, '9999')` (cases without one last), so the index
/// is on that expression.
enum M0012CaseListIndexes {
    static let migration = Migration(
        version: 12, name: "case_list_indexes",
        statements: [
            "CREATE INDEX cases_status_created ON cases(status, created_at, id)",
            "CREATE INDEX cases_kind_created ON cases(kind, created_at, id)",
            "CREATE INDEX cases_status_due ON cases(status, (COALESCE(deadline, '9999')), id)",
        ])
}
