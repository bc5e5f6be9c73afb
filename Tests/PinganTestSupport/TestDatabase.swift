import Foundation
import Logging
import PinganConfig
import PinganServices
import PinganStore
import SQLKit

/// The database engines a test runs on: SQLite always; PostgreSQL when `PINGAN_TEST_POSTGRES_URL` is set, and
/// always under CI (where a missing or unreachable server then fails the test instead of skipping it).
public enum TestEngine: String, Sendable, CaseIterable, CustomStringConvertible {
    /// An SQLite file in a fresh temporary directory.
    case sqlite
    /// A fresh database on the PostgreSQL server named by `PINGAN_TEST_POSTGRES_URL`.
    case postgres

    /// The engines to run on in this environment.
    public static var available: [TestEngine] {
        let environment = ProcessInfo.processInfo.environment
        if environment["PINGAN_TEST_POSTGRES_URL"] != nil || environment["CI"] != nil { return [.sqlite, .postgres] }
        return [.sqlite]
    }

    /// The engine's name, in test output.
    public var description: String { rawValue }
}

/// Errors of the test environment itself.
public struct TestEnvironmentError: Error, CustomStringConvertible {
    /// What is wrong.
    public var description: String
}

/// Opens a fresh, migrated database on an engine for one test and removes it afterwards.
public enum TestDatabase {
    /// A logger that prints warnings and worse only.
    public static let logger: Logger = {
        var logger = Logger(label: "pingan.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` while a transaction holds `provider`'s writer, which lets go once `waiting` transactions queue
    /// behind it (or after 10 s): those then share commits (group commit) however busy the machine is, where
    /// transactions merely started together may each find the writer free on a loaded machine.
    public static func queueingBehindHeldWriter<T: Sendable>(
        _ provider: any DatabaseProvider, waiting: Int, _ body: () async throws -> T
    ) async throws -> T {
        async let held: Void = provider.transaction { _ in
            let deadline = ContinuousClock.now + .seconds(10)
            while provider.statistics.transactionsWaiting < waiting, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while provider.statistics.transactionsInUse < 1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(2))
        }
        let result = try await body()
        try await held
        return result
    }

    /// Runs `body` with a fresh database on `engine`, migrated to the current schema.
    @discardableResult
    public static func with<T: Sendable>(
        _ engine: TestEngine, migrate: Bool = true, _ body: @Sendable (any DatabaseProvider) async throws -> T
    ) async throws -> T {
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
                "pingan-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let url = DatabaseURL.sqlite(path: directory.appendingPathComponent("test.sqlite").path)
            return try await Database.with(url, logger: logger) { provider in
                try await run(provider, migrate: migrate, body)
            }
        case .postgres:
            guard let text = ProcessInfo.processInfo.environment["PINGAN_TEST_POSTGRES_URL"] else {
                throw TestEnvironmentError(
                    description: "CI is set but PINGAN_TEST_POSTGRES_URL is not: the PostgreSQL tests cannot run")
            }
            guard case .postgres(var location) = try DatabaseURL.parse(text) else {
                throw TestEnvironmentError(description: "PINGAN_TEST_POSTGRES_URL is not a postgres:// URL")
            }
            let name = "pingan_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await Database.with(.postgres(location), logger: logger) { admin in
                try await admin.read { db in _ = try await db.raw("CREATE DATABASE \(ident: name)").all() }
            }
            location.database = name
            do {
                let result = try await Database.with(.postgres(location), logger: logger) { provider in
                    try await run(provider, migrate: migrate, body)
                }
                try await drop(name, base: text)
                return result
            } catch {
                try? await drop(name, base: text)
                throw error
            }
        }
    }

    private static func run<T: Sendable>(
        _ provider: any DatabaseProvider, migrate: Bool, _ body: @Sendable (any DatabaseProvider) async throws -> T
    ) async throws -> T {
        if migrate { try await MigrationRunner(provider: provider, logger: logger).migrate() }
        return try await body(provider)
    }

    private static func drop(_ name: String, base: String) async throws {
        try await Database.with(try DatabaseURL.parse(base), logger: logger) { admin in
            try await admin.read { db in
                _ = try await db.raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").all()
            }
        }
    }
}
