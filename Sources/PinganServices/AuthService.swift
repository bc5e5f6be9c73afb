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
    /// Unknown users, wrong passwords and disabled accounts get the same answer; throttled and locked accounts are
    /// refused before the password is checked. Every failure, throttle and lock is logged and audited.
    public func login(username: String, password: String, kind: String = "login") async throws -> IssuedToken {
        let now = env.clock()
        let credentials = try await env.provider.read { db in
            try await UserRepository(db).credentials(username: username)
        }
        guard let credentials else {
            _ = env.hasher.verify(password, hash: env.hasher.decoyHash)
            env.logger.info("login failed: unknown user")
            throw PinganError.unauthenticated("the username or password is wrong")
        }
        let user = credentials.user
        do {
            try env.throttle.admit(credentials.throttle, at: now)
        } catch {
            env.logger.notice(
                "login refused while throttled or locked", metadata: ["user": "\(username)", "reason": "\(error)"])
            throw error
        }
        let passwordMatches = env.hasher.verify(password, hash: credentials.passwordHash)
        guard passwordMatches, !user.disabled else {
            let next = env.throttle.recordFailure(credentials.throttle, at: now)
            let lockedNow = next.lockedUntil != nil && next.lockedUntil != credentials.throttle.lockedUntil
            try await env.write { db, audit in
                try await UserRepository(db).setThrottle(next, userID: user.id)
                try await audit.append(
                    AuditRecord(
                        actor: username, action: lockedNow ? "auth.locked" : "auth.login_failed", objectType: "user",
                        objectID: username, change: ["failures": String(next.failures)]),
                    at: now)
            }
            if lockedNow, let until = next.lockedUntil {
                env.logger.warning(
                    "account locked after repeated failed logins",
                    metadata: ["user": "\(username)", "until": "\(Timestamp.format(until))"])
            } else {
                env.logger.info(
                    "login failed", metadata: ["user": "\(username)", "failures": "\(next.failures)"])
            }
            throw PinganError.unauthenticated("the username or password is wrong")
        }
        let issued = Self.newToken()
        let record = TokenRepository.Record(
            id: UUID(), userID: user.id, kind: kind, name: kind, expiresAt: now.addingTimeInterval(env.tokenLifetime),
            revokedAt: nil)
        try await env.write { db, audit in
            try await UserRepository(db).setThrottle(LoginThrottle.State(), userID: user.id)
            try await TokenRepository(db).insert(record, tokenHash: Self.hash(issued), at: now)
            try await audit.append(
                AuditRecord(
                    actor: username, action: "auth.login", objectType: "user", objectID: username,
                    change: ["token_id": record.id.uuidString, "kind": kind]),
                at: now)
        }
        return IssuedToken(token: issued, id: record.id, expiresAt: record.expiresAt, username: username)
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
        return try await env.provider.read { db in
            guard let record = try await TokenRepository(db).findActive(tokenHash: hash, at: now),
                let user = try await UserRepository(db).find(id: record.userID), !user.disabled,
                let path = try await UnitRepository(db).regionPath(unitID: user.unitID)
            else { throw PinganError.unauthenticated("the token is not valid or has expired") }
            let principal = Principal(
                userID: user.id, username: user.username, roles: user.roles, unitID: user.unitID, regionPath: path)
            return (principal, record.id)
        }
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
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
