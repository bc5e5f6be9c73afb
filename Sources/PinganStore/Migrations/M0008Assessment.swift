/// Responsibility lists and assessment (BRIEF §4, issue 7): stored lists, one row per version, with their canonical
/// YAML and the matching of their unit names; the lists activated for an assessment period and subject region; item
/// scores (never overwritten: a later score supersedes), automatic-item bindings, incidents against negative-list
/// entries, appeals, and accountability cases. Records are JSON beside the columns queries filter on.
enum M0008Assessment {
    static let migration = Migration(
        version: 8, name: "assessment",
        statements: [
            """
            CREATE TABLE responsibility_lists (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                version INTEGER NOT NULL,
                points TEXT,
                source_format TEXT NOT NULL,
                source_digest TEXT NOT NULL,
                document TEXT NOT NULL,
                unit_matches TEXT NOT NULL,
                imported_by TEXT NOT NULL,
                imported_at TEXT NOT NULL,
                UNIQUE (title, version)
            )
            """,
            """
            CREATE TABLE list_activations (
                period TEXT NOT NULL,
                region_code TEXT NOT NULL REFERENCES regions(code),
                list_title TEXT NOT NULL,
                list_id TEXT NOT NULL REFERENCES responsibility_lists(id),
                activated_by TEXT NOT NULL,
                activated_at TEXT NOT NULL,
                PRIMARY KEY (period, region_code, list_title)
            )
            """,
            """
            CREATE TABLE item_bindings (
                list_id TEXT NOT NULL REFERENCES responsibility_lists(id),
                item_key TEXT NOT NULL,
                binding TEXT NOT NULL,
                set_by TEXT NOT NULL,
                set_at TEXT NOT NULL,
                PRIMARY KEY (list_id, item_key)
            )
            """,
            """
            CREATE TABLE item_scores (
                id TEXT PRIMARY KEY,
                seq BIGINT NOT NULL UNIQUE,
                list_id TEXT NOT NULL REFERENCES responsibility_lists(id),
                period TEXT NOT NULL,
                region_code TEXT NOT NULL,
                item_key TEXT NOT NULL,
                unit_id TEXT,
                set_at TEXT NOT NULL,
                record TEXT NOT NULL
            )
            """,
            "CREATE INDEX item_scores_assessment ON item_scores(period, region_code, list_id, set_at)",
            """
            CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                list_id TEXT NOT NULL REFERENCES responsibility_lists(id),
                period TEXT NOT NULL,
                region_code TEXT NOT NULL,
                unit_id TEXT NOT NULL REFERENCES units(id),
                occurred_at TEXT NOT NULL,
                record TEXT NOT NULL
            )
            """,
            "CREATE INDEX incidents_unit ON incidents(unit_id, occurred_at)",
            "CREATE INDEX incidents_assessment ON incidents(period, region_code, list_id)",
            """
            CREATE TABLE appeals (
                id TEXT PRIMARY KEY,
                score_id TEXT NOT NULL REFERENCES item_scores(id),
                filed_at TEXT NOT NULL,
                record TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE accountability_cases (
                id TEXT PRIMARY KEY,
                unit_id TEXT NOT NULL REFERENCES units(id),
                trigger_key TEXT NOT NULL UNIQUE,
                opened_at TEXT NOT NULL,
                closed_at TEXT,
                record TEXT NOT NULL
            )
            """,
            "CREATE INDEX accountability_cases_unit ON accountability_cases(unit_id, opened_at)",
        ])
}
