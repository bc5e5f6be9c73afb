import Foundation
import PinganCore
import SQLKit

/// Users, their roles, passwords and login records in the store.
public struct UserRepository: Sendable {
    private let db: any SQLDatabase

    /// The repository on `db`.
    public init(_ db: any SQLDatabase) { self.db = db }

    /// A user with what sign-in needs.
    public struct Credentials: Sendable {
        /// The user.
        public var user: User
        /// The bcrypt hash of the password.
        public var passwordHash: String
        /// Failed-login record.
        public var throttle: LoginThrottle.State
    }

    /// Inserts a user with its roles.
    public func insert(_ user: User, passwordHash: String, at time: Date) async throws {
        let now = Timestamp.format(time)
        try await db.raw(
            """
            INSERT INTO users (id, username, display_name, unit_id, password_hash, disabled, created_at, updated_at)
            VALUES (\(bind: user.id.uuidString), \(bind: user.username), \(bind: user.displayName),
                \(bind: user.unitID.uuidString), \(bind: passwordHash), \(bind: user.disabled ? 1 : 0),
                \(bind: now), \(bind: now))
            """
        ).run()
        for role in user.roles.sorted() {
            try await db.raw(
                "INSERT INTO user_roles (user_id, role) VALUES (\(bind: user.id.uuidString), \(bind: role.rawValue))"
            ).run()
        }
    }

    /// The user with `id`.
    public func find(id: UUID) async throws -> User? {
        try await credentials(where: "id", equals: id.uuidString)?.user
    }

    /// The user named `username`.
    public func find(username: String) async throws -> User? {
        try await credentials(username: username)?.user
    }

    /// The user named `username` with its password hash and login record; with `lock`, the row stays locked until
    /// the write transaction ends (see ``Dialect/lockRowsClause``).
    public func credentials(username: String, lock: Dialect? = nil) async throws -> Credentials? {
        try await credentials(where: "username", equals: username, lock: lock)
    }

    /// Users of the units whose region lies in the subtree at `regionPath`, or of `unitID` only, or all.
    public func list(unitID: UUID? = nil, regionPath: String? = nil) async throws -> [User] {
        var sql: SQLQueryString = "SELECT u.* FROM users u"
        if let regionPath {
            sql += """
                 JOIN units t ON t.id = u.unit_id JOIN regions r ON r.code = t.region_code
                 WHERE (r.path = \(bind: regionPath) OR r.path LIKE \(bind: RegionRepository.likePrefix(regionPath)))
                """
        } else {
            sql += " WHERE 1 = 1"
        }
        if let unitID { sql += " AND u.unit_id = \(bind: unitID.uuidString)" }
        sql += " ORDER BY u.username"
        let rows = try await db.raw(sql).all()
        let roles = try await roles(for: rows.map { try $0.string("id") })
        return try rows.map { try Self.user($0, roles: roles) }
    }

    /// Enables or disables a user.
    public func setDisabled(_ disabled: Bool, userID: UUID, at time: Date) async throws {
        try await db.raw(
            """
            UPDATE users SET disabled = \(bind: disabled ? 1 : 0), updated_at = \(bind: Timestamp.format(time))
            WHERE id = \(bind: userID.uuidString)
            """
        ).run()
    }

    /// Replaces the password hash and clears the login record.
    public func setPassword(hash: String, userID: UUID, at time: Date) async throws {
        try await db.raw(
            """
            UPDATE users SET password_hash = \(bind: hash), failed_logins = 0, last_failed_at = NULL,
                locked_until = NULL, updated_at = \(bind: Timestamp.format(time))
            WHERE id = \(bind: userID.uuidString)
            """
        ).run()
    }

    /// Stores the login record.
    public func setThrottle(_ state: LoginThrottle.State, userID: UUID) async throws {
        try await db.raw(
            """
            UPDATE users SET failed_logins = \(bind: state.failures),
                last_failed_at = \(bind: state.lastFailure.map(Timestamp.format)),
                locked_until = \(bind: state.lockedUntil.map(Timestamp.format))
            WHERE id = \(bind: userID.uuidString)
            """
        ).run()
    }

    /// How many users there are.
    public func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM users").first()?.int("n") ?? 0
    }

    private func credentials(
        where column: String, equals value: String, lock: Dialect? = nil
    ) async throws
        -> Credentials?
    {
        let sql: SQLQueryString =
            "SELECT * FROM users WHERE \(ident: column) = \(bind: value)\(unsafeRaw: lock?.lockRowsClause ?? "")"
        guard let row = try await db.raw(sql).first() else { return nil }
        let id = try row.string("id")
        let user = try Self.user(row, roles: try await roles(for: [id]))
        let throttle = LoginThrottle.State(
            failures: try row.int("failed_logins"), lastFailure: try row.optionalDate("last_failed_at"),
            lockedUntil: try row.optionalDate("locked_until"))
        return Credentials(user: user, passwordHash: try row.string("password_hash"), throttle: throttle)
    }

    private func roles(for userIDs: [String]) async throws -> [String: Set<Role>] {
        guard !userIDs.isEmpty else { return [:] }
        var roles: [String: Set<Role>] = [:]
        for chunk in stride(from: 0, to: userIDs.count, by: 500).map({
            Array(userIDs[$0..<min($0 + 500, userIDs.count)])
        }) {
            let rows = try await db.raw("SELECT * FROM user_roles WHERE user_id IN (\(binds: chunk))").all()
            for row in rows {
                if let role = Role(rawValue: try row.string("role")) {
                    roles[try row.string("user_id"), default: []].insert(role)
                }
            }
        }
        return roles
    }

    private static func user(_ row: any SQLRow, roles: [String: Set<Role>]) throws -> User {
        let id = try row.string("id")
        return User(
            id: try row.uuid("id"), username: try row.string("username"), displayName: try row.string("display_name"),
            roles: roles[id] ?? [], unitID: try row.uuid("unit_id"), disabled: try row.int("disabled") != 0)
    }
}
