import Foundation
import Logging
import PinganCore
import PinganStore
import SQLKit

/// What every use case needs: the database, the clock, a logger, the keys and the password hasher.
///
/// The clock is injected so that rules never read the wall clock themselves (DESIGN principle 1) and tests can move
/// time.
public struct ServiceEnvironment: Sendable {
    /// The database.
    public let provider: any DatabaseProvider
    /// The current time.
    public let clock: @Sendable () -> Date
    /// The logger.
    public let logger: Logger
    /// Derived keys.
    public let keys: Keys
    /// Password hashing.
    public let hasher: PasswordHasher
    /// Login throttling rule.
    public let throttle: LoginThrottle
    /// Lifetime of tokens issued at login, in seconds.
    public let tokenLifetime: TimeInterval

    /// Creates an environment.
    public init(
        provider: any DatabaseProvider, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        keys: Keys, hasher: PasswordHasher, throttle: LoginThrottle = .standard, tokenLifetime: TimeInterval = 43_200
    ) {
        self.provider = provider
        self.clock = clock
        self.logger = logger
        self.keys = keys
        self.hasher = hasher
        self.throttle = throttle
        self.tokenLifetime = tokenLifetime
    }

    /// The same environment reading another clock (the demo ledger replays months of work at their own times).
    public func with(clock: @escaping @Sendable () -> Date) -> ServiceEnvironment {
        ServiceEnvironment(
            provider: provider, clock: clock, logger: logger, keys: keys, hasher: hasher, throttle: throttle,
            tokenLifetime: tokenLifetime)
    }

    /// Runs `body` in a transaction with an audit log bound to it: the change and its audit entries commit together.
    @discardableResult
    func write<T: Sendable>(_ body: @Sendable (any SQLDatabase, AuditLog) async throws -> T) async throws -> T {
        let engine = provider.engine
        do {
            return try await provider.transaction { db in
                try await body(db, AuditLog(db, engine: engine))
            }
        } catch  where StoreFault.isUniqueViolation(error) {
            throw PinganError.conflict(
                field: nil, detail: "a record with the same key was created at the same moment; reload and retry")
        }
    }
}
