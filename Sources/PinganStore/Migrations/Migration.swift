/// A numbered schema change. Migrations are never edited once released; a later one corrects an earlier one.
///
/// The statements use the SQL both engines accept: `TEXT` (times as ``PinganCore/Timestamp`` text, UUIDs, JSON),
/// `BIGINT`, `INTEGER` (also for booleans, 0/1) and `DOUBLE PRECISION`. SQLite `ALTER TABLE` can only add or drop
/// columns: any other change copies the table inside its migration.
public struct Migration: Sendable {
    /// Position in the sequence, from 1, without gaps.
    public let version: Int
    /// A short name (`organisation`).
    public let name: String
    /// The statements, applied in order in one transaction.
    public let statements: [String]
    /// Statements only one engine understands (triggers), applied after ``statements`` in the same transaction.
    public let engineStatements: [DatabaseEngine: [String]]

    /// A migration; `engineStatements` holds what must be written differently per engine.
    public init(
        version: Int, name: String, statements: [String], engineStatements: [DatabaseEngine: [String]] = [:]
    ) {
        self.version = version
        self.name = name
        self.statements = statements
        self.engineStatements = engineStatements
    }

    /// The statements to run on `engine`, in order.
    public func statements(for engine: DatabaseEngine) -> [String] {
        statements + (engineStatements[engine] ?? [])
    }
}

/// Every migration, in order.
public enum Migrations {
    /// The full list.
    public static let all: [Migration] = [
        M0001Foundation.migration, M0002Notifications.migration, M0003Cases.migration, M0004Escalations.migration,
        M0005Reconciliation.migration, M0006Policies.migration,
        M0007CaseIntakeIndex.migration, M0008Assessment.migration, M0009Open311.migration,
        M0010SavedFilters.migration, M0011DirectoryGeneration.migration, M0012CaseListIndexes.migration,
        M0013DuplicateCandidateIndex.migration, M0014CaseKindStatusDueIndex.migration,
        M0015CaseIntakeText.migration,
    ]
}
