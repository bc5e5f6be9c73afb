import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// The migration runner for a service environment.
enum PinganStoreMigrations {
    static func runner(_ env: ServiceEnvironment, _ logger: Logger) -> MigrationRunner {
        MigrationRunner(provider: env.provider, logger: logger)
    }
}
