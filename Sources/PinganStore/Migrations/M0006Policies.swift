/// Versioned policy documents (DESIGN principle 2, "Rules are data"): the routing table now, SLA and escalation
/// policies later. Each change adds a version; the newest is in force; old versions stay for the cases that started
/// under them. (Numbered 6: 5 is reserved for monthly reconciliation, developed alongside.)
enum M0006Policies {
    static let migration = Migration(
        version: 6, name: "policies",
        statements: [
            """
            CREATE TABLE policies (
                kind TEXT NOT NULL,
                version INTEGER NOT NULL,
                document TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL,
                PRIMARY KEY (kind, version)
            )
            """
        ])
}
