/// Escalation plans per case and the steps already fired (issue 3 §5). `escalation_fired`'s primary key is what makes
/// each step fire exactly once, whatever the number of scheduler processes.
enum M0004Escalations {
    static let migration = Migration(
        version: 4, name: "escalations",
        statements: [
            """
            CREATE TABLE case_escalations (
                case_id TEXT PRIMARY KEY REFERENCES cases(id),
                plan TEXT NOT NULL,
                next_due_at TEXT,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX case_escalations_due ON case_escalations(next_due_at)",
            """
            CREATE TABLE escalation_fired (
                case_id TEXT NOT NULL REFERENCES cases(id),
                step_key TEXT NOT NULL,
                fired_at TEXT NOT NULL,
                PRIMARY KEY (case_id, step_key)
            )
            """,
        ])
}
