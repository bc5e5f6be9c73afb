/// The duplicate check at intake (受理) reads the newest open cases of one category in the new case's neighbourhood
/// (``CaseRepository/duplicateCandidates(category:neighbourhood:since:limit:)``). With the region path and the status
/// in the index next to the category and time, the walk newest-first tests both on index entries and reads a case's
/// row only for a candidate it returns (measured in docs/PERFORMANCE.md, "Case ledger"). It replaces M0007's
/// `(category_code, created_at)`, of which it is an extension.
enum M0013DuplicateCandidateIndex {
    static let migration = Migration(
        version: 13, name: "duplicate_candidate_index",
        statements: [
            "CREATE INDEX cases_category_created_region ON cases(category_code, created_at, region_path, status)",
            "DROP INDEX cases_category_created",
        ])
}
