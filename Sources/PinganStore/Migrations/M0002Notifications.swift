/// The in-app inbox, outbound webhooks with their outbox and delivery log, and leases for background work (issue 3
/// §5–6).
enum M0002Notifications {
    static let migration = Migration(
        version: 2, name: "notifications",
        statements: [
            """
            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                event_key TEXT NOT NULL,
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                object_type TEXT NOT NULL,
                object_id TEXT NOT NULL,
                created_at TEXT NOT NULL,
                read_at TEXT,
                UNIQUE (user_id, event_key)
            )
            """,
            "CREATE INDEX notifications_inbox ON notifications(user_id, read_at, created_at)",
            """
            CREATE TABLE webhooks (
                id TEXT PRIMARY KEY,
                unit_id TEXT REFERENCES units(id),
                url TEXT NOT NULL,
                sealed_secret TEXT NOT NULL,
                events TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE outbox (
                id TEXT PRIMARY KEY,
                webhook_id TEXT NOT NULL REFERENCES webhooks(id),
                idempotency_key TEXT NOT NULL UNIQUE,
                event TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at TEXT NOT NULL,
                available_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                delivered_at TEXT,
                dead_at TEXT
            )
            """,
            "CREATE INDEX outbox_due ON outbox(delivered_at, dead_at, available_at)",
            """
            CREATE TABLE webhook_deliveries (
                id TEXT PRIMARY KEY,
                outbox_id TEXT NOT NULL REFERENCES outbox(id),
                attempt INTEGER NOT NULL,
                at TEXT NOT NULL,
                status_code INTEGER,
                error TEXT,
                duration_ms INTEGER NOT NULL
            )
            """,
            "CREATE INDEX webhook_deliveries_outbox ON webhook_deliveries(outbox_id, attempt)",
            """
            CREATE TABLE leases (
                name TEXT PRIMARY KEY,
                holder TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
        ])
}
