/// The monthly reconciliation (每月交账, issue 3 §7): one entry per month and case, recorded by the unit — cause,
/// responsible person, agreed new deadline, joint-consultation flag — with who recorded it and when. Replacing an
/// entry overwrites the row; every write is in the audit log and adds a note to the case's timeline.
enum M0005Reconciliation {
    static let migration = Migration(
        version: 5, name: "reconciliation",
        statements: [
            """
            CREATE TABLE reconciliation_entries (
                month TEXT NOT NULL,
                case_id TEXT NOT NULL REFERENCES cases(id),
                case_number TEXT NOT NULL,
                unit_id TEXT,
                cause TEXT NOT NULL,
                responsible_person TEXT NOT NULL,
                new_deadline TEXT NOT NULL,
                consultation INTEGER NOT NULL,
                consultation_reason TEXT,
                recorded_by TEXT NOT NULL,
                recorded_at TEXT NOT NULL,
                PRIMARY KEY (month, case_id)
            )
            """,
            "CREATE INDEX reconciliation_entries_consultation ON reconciliation_entries(month, consultation)",
        ])
}
