/// The directory generation: one counter that every change to what the server caches in memory moves on — regions,
/// units and their leaders, categories, rule documents (policies and the routing table), users and their roles,
/// revoked or expired tokens. Triggers move it, so no writer (another process, the CLI, a later feature) can forget
/// to; ``DirectoryRepository/generation()`` reads it, and a cache whose generation differs reloads
/// (docs/ARCHITECTURE.md "The directory cache").
enum M0011DirectoryGeneration {
    /// Tables where any row change counts.
    static let wholeTables = ["regions", "units", "unit_leaders", "categories", "policies", "user_roles"]
    /// Tables where only some changes count: a login's failure counters do not, a disabled user or a revoked token do.
    /// New rows do not either (nothing cached can refer to them yet), so logging in does not empty the caches.
    static let columnTables: [(table: String, columns: String)] = [
        ("users", "username, display_name, unit_id, password_hash, disabled"),
        ("auth_tokens", "revoked_at, expires_at, user_id"),
    ]
    static let bump = "UPDATE directory_generation SET generation = generation + 1 WHERE id = 1"

    static let migration = Migration(
        version: 11, name: "directory_generation",
        statements: [
            "CREATE TABLE directory_generation (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL)",
            "INSERT INTO directory_generation (id, generation) VALUES (1, 1)",
        ],
        engineStatements: [.sqlite: sqlite, .postgres: postgres])

    /// SQLite: row triggers (the only kind it has), one per table and event.
    static var sqlite: [String] {
        var statements: [String] = []
        for table in wholeTables {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                statements.append(
                    "CREATE TRIGGER directory_\(table)_\(event.lowercased()) AFTER \(event) ON \(table) "
                        + "BEGIN \(bump); END")
            }
        }
        for (table, columns) in columnTables {
            statements.append("CREATE TRIGGER directory_\(table)_delete AFTER DELETE ON \(table) BEGIN \(bump); END")
            statements.append(
                "CREATE TRIGGER directory_\(table)_update AFTER UPDATE OF \(columns) ON \(table) BEGIN \(bump); END")
        }
        return statements
    }

    /// PostgreSQL: one function, and a statement trigger per table (one bump per statement, not per row).
    static var postgres: [String] {
        var statements = [
            """
            CREATE FUNCTION pingan_directory_bump() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                \(bump);
                RETURN NULL;
            END
            $$
            """
        ]
        for table in wholeTables {
            statements.append(
                "CREATE TRIGGER directory_\(table) AFTER INSERT OR UPDATE OR DELETE ON \(table) "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION pingan_directory_bump()")
        }
        for (table, columns) in columnTables {
            statements.append(
                "CREATE TRIGGER directory_\(table) AFTER DELETE OR UPDATE OF \(columns) ON \(table) "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION pingan_directory_bump()")
        }
        return statements
    }
}
