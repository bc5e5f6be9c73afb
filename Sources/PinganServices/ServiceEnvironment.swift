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
    /// The in-memory directory and token cache, shared by every service on this environment.
    public let directoryCache: DirectoryCache

    /// Creates an environment.
    public init(
        provider: any DatabaseProvider, clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger,
        keys: Keys, hasher: PasswordHasher, throttle: LoginThrottle = .standard, tokenLifetime: TimeInterval = 43_200,
        directoryCache: DirectoryCache = DirectoryCache()
    ) {
        self.provider = provider
        self.clock = clock
        self.logger = logger
        self.keys = keys
        self.hasher = hasher
        self.throttle = throttle
        self.tokenLifetime = tokenLifetime
        self.directoryCache = directoryCache
    }

    /// The same environment reading another clock (the demo ledger replays months of work at their own times).
    public func with(clock: @escaping @Sendable () -> Date) -> ServiceEnvironment {
        ServiceEnvironment(
            provider: provider, clock: clock, logger: logger, keys: keys, hasher: hasher, throttle: throttle,
            tokenLifetime: tokenLifetime, directoryCache: directoryCache)
    }

    /// Runs `body` in a transaction with an audit log bound to it: the change and its audit entries commit together.
    ///
    /// Afterwards the directory cache reads the generation again on its next use, unless the caller promises that
    /// `body` changes none of what it holds (`keepsDirectory`: the hot paths that only write cases and their
    /// escalations, notifications and outbox rows).
    @discardableResult
    func write<T: Sendable>(
        keepsDirectory: Bool = false, _ body: @Sendable (any SQLDatabase, AuditLog) async throws -> T
    ) async throws -> T {
        do {
            let result = try await provider.transaction { db in
                try await body(db, AuditLog(db))
            }
            if !keepsDirectory { directoryCache.expire() }
            return result
        } catch  where StoreFault.isUniqueViolation(error) {
            throw PinganError.conflict(
                field: nil, detail: "a record with the same key was created at the same moment; reload and retry")
        }
    }
}

extension ServiceEnvironment {
    /// The directory as of the current generation (``DirectoryCache``), read in a transaction of its own when needed.
    func directory() async throws -> Directory {
        try await directoryCache.directory(.provider(provider))
    }

    /// The same, read on `db` when needed: for code already inside a transaction.
    func directory(on db: any SQLDatabase) async throws -> Directory {
        try await directoryCache.directory(.connection(db))
    }
}
