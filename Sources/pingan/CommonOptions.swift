import ArgumentParser
import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// Options every command that touches the database accepts.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "Database URL (PINGAN_DATABASE_URL): sqlite://PATH or postgres://USER:PASS@HOST/DB.")
    var databaseURL: String?

    @Option(name: .long, help: "Log level (PINGAN_LOG_LEVEL): trace, debug, info, notice, warning, error.")
    var logLevel: String?

    /// Flags keyed by the environment names they override.
    var flags: [String: String] {
        var flags: [String: String] = [:]
        flags["PINGAN_DATABASE_URL"] = databaseURL
        flags["PINGAN_LOG_LEVEL"] = logLevel
        return flags
    }
}

/// Start-up shared by the commands: configuration, logging, database, services.
enum Runtime {
    /// Reads the configuration once: flags › environment › `.env`.
    static func config(flags: [String: String]) throws -> PinganConfig {
        let dotEnv = try? String(contentsOfFile: ".env", encoding: .utf8)
        return try PinganConfig.load(flags: flags, environment: ProcessInfo.processInfo.environment, dotEnv: dotEnv)
    }

    /// Bootstraps logging (once per process) and returns the root logger.
    static func logger(_ config: PinganConfig) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = config.logLevel
            return handler
        }
        var logger = Logger(label: "pingan")
        logger.logLevel = config.logLevel
        return logger
    }

    /// Runs `body` with the database open and migrated and the services ready; turns expected failures into one line
    /// on standard error and exit code 1.
    static func run(
        flags: [String: String], migrate: Bool = true,
        _ body: @Sendable (PinganConfig, ServiceEnvironment, Logger) async throws -> Void
    ) async throws {
        do {
            let config = try config(flags: flags)
            let logger = logger(config)
            try await Database.with(config.database, logger: logger) { provider in
                try await provider.ping(timeout: .seconds(10))
                if migrate {
                    let applied = try await MigrationRunner(provider: provider, logger: logger).migrate()
                    for migration in applied {
                        logger.info(
                            "migrated", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
                    }
                }
                let env = ServiceEnvironment(
                    provider: provider, logger: logger, keys: Keys(secret: config.secretKey),
                    hasher: PasswordHasher(cost: config.bcryptCost), tokenLifetime: TimeInterval(config.tokenLifetime),
                    directoryCache: DirectoryCache(
                        recheckInterval: .milliseconds(config.directoryRecheckMilliseconds)))
                try await body(config, env, logger)
            }
        } catch let error as ExitCode {
            throw error
        } catch {
            fail(error)
        }
    }

    /// Prints one clear line for `error` and exits with status 1.
    static func fail(_ error: any Error) -> Never {
        let message: String
        switch error {
        case let error as ConfigError: message = "configuration: \(error)"
        case let error as PinganError: message = error.description
        default: message = String(describing: error)
        }
        FileHandle.standardError.write(Data("pingan: \(message)\n".utf8))
        exit(1)
    }
}
