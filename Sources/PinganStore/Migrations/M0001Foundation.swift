/// Regions, units and their leaders, users and roles, login tokens, and the audit chain (issue 2).
enum M0001Foundation {
    static let migration = Migration(
        version: 1, name: "foundation",
        statements: [
            """
            CREATE TABLE regions (
                code TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                level TEXT NOT NULL,
                parent_code TEXT REFERENCES regions(code),
                path TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX regions_parent ON regions(parent_code)",
            """
            CREATE TABLE units (
                id TEXT PRIMARY KEY,
                code TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                region_code TEXT NOT NULL REFERENCES regions(code),
                parent_id TEXT REFERENCES units(id),
                aliases TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX units_region ON units(region_code)",
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                unit_id TEXT NOT NULL REFERENCES units(id),
                password_hash TEXT NOT NULL,
                disabled INTEGER NOT NULL DEFAULT 0,
                failed_logins INTEGER NOT NULL DEFAULT 0,
                last_failed_at TEXT,
                locked_until TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX users_unit ON users(unit_id)",
            """
            CREATE TABLE user_roles (
                user_id TEXT NOT NULL REFERENCES users(id),
                role TEXT NOT NULL,
                PRIMARY KEY (user_id, role)
            )
            """,
            """
            CREATE TABLE unit_leaders (
                unit_id TEXT NOT NULL REFERENCES units(id),
                role TEXT NOT NULL,
                user_id TEXT NOT NULL REFERENCES users(id),
                PRIMARY KEY (unit_id, role)
            )
            """,
            """
            CREATE TABLE auth_tokens (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                token_hash TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            "CREATE INDEX auth_tokens_user ON auth_tokens(user_id)",
            """
            CREATE TABLE audit_log (
                seq BIGINT PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                object_type TEXT NOT NULL,
                object_id TEXT NOT NULL,
                change TEXT NOT NULL,
                change_digest TEXT NOT NULL,
                previous_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_log_object ON audit_log(object_type, object_id)",
            "CREATE INDEX audit_log_actor ON audit_log(actor, seq)",
        ])
}
