import Foundation
import PinganCore
import PinganServices
import PinganStore

/// Service environments for tests: a cheap bcrypt cost, a fixed secret, a movable clock.
public enum TestEnvironment {
    /// The password every test user gets.
    public static let password = "correct horse battery"

    /// An environment on `provider` reading `clock`.
    /// An environment on `provider` reading `clock`; `directoryCache` reads the directory generation on every use
    /// unless a test gives one that trusts it longer (as a server does).
    public static func make(
        _ provider: any DatabaseProvider, clock: TestClock = TestClock(),
        directoryCache: DirectoryCache = DirectoryCache()
    ) -> ServiceEnvironment {
        ServiceEnvironment(
            provider: provider, clock: clock.closure, logger: TestDatabase.logger,
            keys: Keys(secret: Array("test secret that is long enough for pingan".utf8)),
            hasher: PasswordHasher(cost: 4), directoryCache: directoryCache)
    }

    /// Loads the demo district with ``password`` for every user.
    public static func loadDemo(_ env: ServiceEnvironment) async throws {
        guard case .loaded = try await DemoDistrict(env).load(password: password) else {
            throw TestEnvironmentError(description: "the demo district did not load into an empty database")
        }
    }
}
