/// The text the duplicate check at intake (受理) compares, title and description joined by a space, in a column of
/// its own. ``CaseRepository/duplicateCandidates(category:neighbourhood:since:limit:)`` reads it for up to 50
/// candidates per intake; taking it out of the JSON record parsed the whole record twice per candidate (on PostgreSQL
/// about 10 µs a row, half of the query's execution — docs/PERFORMANCE.md "Intake, fourth pass"). Title and
/// description never change after intake, so the column is written once, by ``CaseRepository/insert``; the
/// migration fills it for the cases already stored.
enum M0015CaseIntakeText {
    static let migration = Migration(
        version: 15, name: "case_intake_text",
        statements: ["ALTER TABLE cases ADD COLUMN intake_text TEXT NOT NULL DEFAULT ''"],
        engineStatements: [
            .sqlite: [
                """
                UPDATE cases SET intake_text = COALESCE(json_extract(record, '$.title'), '') || ' '
                    || COALESCE(json_extract(record, '$.description'), '')
                """
            ],
            .postgres: [
                """
                UPDATE cases SET intake_text = COALESCE(record::json ->> 'title', '') || ' '
                    || COALESCE(record::json ->> 'description', '')
                """
            ],
        ])
}
