import PostgresNIO

/// Recognises the database errors the store turns into domain answers, for both engines in one place.
public enum StoreFault {
    /// Whether `error` is a unique-key violation: two writers created the same key at the same moment, which the
    /// check-then-insert in a service could not see (PostgreSQL's READ COMMITTED).
    public static func isUniqueViolation(_ error: any Error) -> Bool {
        if let error = error as? PSQLError {
            return error.serverInfo?[.sqlState] == "23505"
        }
        if let error = error as? SQLiteDirectError {
            return error.isUniqueViolation
        }
        return false
    }
}
