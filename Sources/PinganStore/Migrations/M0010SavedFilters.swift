/// Saved ledger filters of the web workbench (issue 6): a user's named query strings for `/ledger`.
enum M0010SavedFilters {
    static let migration = Migration(
        version: 10, name: "saved_filters",
        statements: [
            """
            CREATE TABLE saved_filters (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                name TEXT NOT NULL,
                query TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (user_id, name)
            )
            """
        ])
}
