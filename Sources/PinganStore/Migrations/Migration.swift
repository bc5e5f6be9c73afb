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
}

/// Every migration, in order.
public enum Migrations {
    /// The full list.
    public static let all: [Migration] = [
        M0001Foundation.migration, M0002Notifications.migration, M0003Cases.migration, M0004Escalations.migration,
        M0005Reconciliation.migration, M0006Policies.migration,
        M0007CaseIntakeIndex.migration, M0008Assessment.migration, M0009Open311.migration,
        M0010SavedFilters.migration,
    ]
}
