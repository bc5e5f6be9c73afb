import Crypto
import Foundation
import Logging
import PinganCore
import PinganStore
import SQLKit

/// Signing in and out (issue 2 §6): password login with throttling and lock-out, bearer tokens that are random,
/// stored only as a SHA-256 hash, expiring, revocable and bound to one user.
public struct AuthService: Sendable {
    private let env: ServiceEnvironment

    /// Creates the service.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// A token just issued: the secret is shown this once.
    public struct IssuedToken: Sendable, Equatable {
        /// The bearer token.
        public var token: String
        /// Its id, for revoking it later.
        public var id: UUID
        /// When it expires.
        public var expiresAt: Date
        /// Whom it acts for.
        public var username: String
    }

    /// Checks a username and password and issues a token of `kind` (`login` for the API, `session` for the web).
    ///
    /// The attempt is counted before the password is checked, in a write transaction that locks the user's row, so
    /// that parallel guesses cannot read a stale count; a success resets the count. Attempts that come while the
    /// account is throttled are refused unchecked and still count, so ten wrong passwords in a row lock it however
    /// fast they come. Unknown users, wrong passwords and disabled accounts get the same answer. Failures, throttles
    /// and locks are logged and audited (actor `anonymous`: the caller is not known to be the account's owner).
    public func login(username: String, password: String, kind: String = "login") async throws -> IssuedToken {
        let now = env.clock()
        let (throttle, dialect) = (env.throttle, Dialect(env.provider.engine))
        let gate: LoginGate = try await env.write { db, audit in
            let users = UserRepository(db)
            guard let credentials = try await users.credentials(username: username, lock: dialect) else {
                return .unknown
            }
            do {
                try throttle.admit(credentials.throttle, at: now)
            } catch let error as PinganError {
                guard case .throttled = error else { return .refused(error) }
                let next = throttle.recordFailure(credentials.throttle, at: now)
                try await users.setThrottle(next, userID: credentials.user.id)
                let locked = next.lockedUntil != nil
                try await audit.append(
                    AuditRecord(
                        actor: "anonymous", action: locked ? "auth.locked" : "auth.throttled", objectType: "user",
                        objectID: username, change: ["failures": String(next.failures)]),
                    at: now)
                if let until = next.lockedUntil { return .refused(.locked(until: until)) }
                return .refused(error)
            }
            let provisional = throttle.recordFailure(credentials.throttle, at: now)
            try await users.setThrottle(provisional, userID: credentials.user.id)
            return .admitted(credentials, counted: provisional)
        }
        switch gate {
        case .unknown:
            _ = await env.hasher.verifyOffPool(password, hash: env.hasher.decoyHash)
            env.logger.info("login failed: unknown user")
            throw PinganError.unauthenticated("the username or password is wrong")
        case .refused(let error):
            env.logger.notice("login refused", metadata: ["user": "\(username)", "reason": "\(error)"])
            throw error
        case .admitted(let credentials, let counted):
            let matches = await env.hasher.verifyOffPool(password, hash: credentials.passwordHash)
            guard matches, !credentials.user.disabled else {
                try await recordFailure(username: username, counted: counted, at: now)
                throw PinganError.unauthenticated("the username or password is wrong")
            }
            return try await issue(for: credentials.user, kind: kind, at: now)
        }
    }

    /// What the counting transaction decided about an attempt.
    private enum LoginGate: Sendable {
        case unknown
        case refused(PinganError)
        case admitted(UserRepository.Credentials, counted: LoginThrottle.State)
    }

    private func recordFailure(username: String, counted: LoginThrottle.State, at now: Date) async throws {
        let locked = counted.lockedUntil != nil
        try await env.write { _, audit in
            try await audit.append(
                AuditRecord(
                    actor: "anonymous", action: locked ? "auth.locked" : "auth.login_failed", objectType: "user",
                    objectID: username, change: ["failures": String(counted.failures)]),
                at: now)
        }
        if let until = counted.lockedUntil {
            env.logger.warning(
                "account locked after repeated failed logins",
                metadata: ["user": "\(username)", "until": "\(Timestamp.format(until))"])
        } else {
            env.logger.info("login failed", metadata: ["user": "\(username)", "failures": "\(counted.failures)"])
        }
    }

    private func issue(for user: User, kind: String, at now: Date) async throws -> IssuedToken {
        let issued = Self.newToken()
        let record = TokenRepository.Record(
            id: UUID(), userID: user.id, kind: kind, name: kind, expiresAt: now.addingTimeInterval(env.tokenLifetime),
            revokedAt: nil)
        try await env.write { db, audit in
            try await UserRepository(db).setThrottle(LoginThrottle.State(), userID: user.id)
            try await TokenRepository(db).insert(record, tokenHash: Self.hash(issued), at: now)
            try await audit.append(
                AuditRecord(
                    actor: user.username, action: "auth.login", objectType: "user", objectID: user.username,
                    change: ["token_id": record.id.uuidString, "kind": kind]),
                at: now)
        }
        return IssuedToken(token: issued, id: record.id, expiresAt: record.expiresAt, username: user.username)
    }

    /// Creates a long-lived API token for a user (for client systems and scripts).
    public func createToken(
        username: String, name: String, lifetime: TimeInterval, by actor: Actor
    ) async throws
        -> IssuedToken
    {
        try actor.require(AccessPolicy.canManageOrganisation, "create API tokens")
        guard lifetime >= 60, lifetime <= 5 * 366 * 86_400 else {
            throw PinganError.invalid(
                field: "lifetime", rule: "range", detail: "a token lives from 1 minute to 5 years")
        }
        let now = env.clock()
        let issued = Self.newToken()
        let record = try await env.write { db, audit in
            guard let user = try await UserRepository(db).find(username: username) else {
                throw PinganError.notFound(entity: "user", id: username)
            }
            let record = TokenRepository.Record(
                id: UUID(), userID: user.id, kind: "api", name: name, expiresAt: now.addingTimeInterval(lifetime),
                revokedAt: nil)
            try await TokenRepository(db).insert(record, tokenHash: Self.hash(issued), at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "token.create", objectType: "token",
                    objectID: record.id.uuidString, change: ["user": username, "name": name]),
                at: now)
            return record
        }
        return IssuedToken(token: issued, id: record.id, expiresAt: record.expiresAt, username: username)
    }

    /// The principal a bearer token acts for, or `.unauthenticated` when the token is unknown, expired, revoked or
    /// its user disabled.
    public func authenticate(token: String) async throws -> (Principal, tokenID: UUID) {
        let now = env.clock()
        let hash = Self.hash(token)
        let found = try await env.directoryCache.principal(tokenHash: hash, at: now, provider: env.provider) {
            [env] in
            try await env.provider.read { db in
                guard let record = try await TokenRepository(db).findActive(tokenHash: hash, at: now),
                    let principal = try await Principal.account(id: record.userID, db: db)
                else { return nil }
                return (principal, record.id, record.expiresAt)
            }
        }
        guard let found else { throw PinganError.unauthenticated("the token is not valid or has expired") }
        return found
    }

    /// Revokes the token with `id`. A user may revoke its own tokens; an admin or the system any token.
    public func revoke(tokenID: UUID, by actor: Actor) async throws {
        let now = env.clock()
        try await env.write { db, audit in
            let tokens = TokenRepository(db)
            guard let record = try await tokens.find(id: tokenID) else {
                throw PinganError.notFound(entity: "token", id: tokenID.uuidString)
            }
            if case .user(let principal) = actor, principal.userID != record.userID, !principal.has(.admin) {
                throw PinganError.notFound(entity: "token", id: tokenID.uuidString)
            }
            try await tokens.revoke(id: tokenID, at: now)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "token.revoke", objectType: "token", objectID: tokenID.uuidString),
                at: now)
        }
    }

    /// A fresh random token: `pgn_` and 256 random bits in base64url.
    static func newToken() -> String {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Data($0) }
        let text = bytes.base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "pgn_" + text
    }

    /// The stored form of a token.
    static func hash(_ token: String) -> String {
        Hex.lowercase(SHA256.hash(data: Data(token.utf8)))
    }
}
