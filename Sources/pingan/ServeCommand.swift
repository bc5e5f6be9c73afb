import ArgumentParser
import Foundation
import Hummingbird
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore
import PinganWeb

/// `pingan serve`: migrate, optionally load the demo, and serve HTTP until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run migrations, then serve the API (and the demo district with --demo).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Address to listen on (PINGAN_HOST, default 127.0.0.1).")
    var host: String?

    @Option(help: "Port to listen on (PINGAN_PORT, default 8080).")
    var port: Int?

    @Flag(help: "Fill an empty database with the demo district and print its logins once.")
    var demo = false

    func run() async throws {
        var flags = common.flags
        flags["PINGAN_HOST"] = host
        flags["PINGAN_PORT"] = port.map(String.init)
        let demo = demo
        try await Runtime.run(flags: flags) { config, env, logger in
            if demo {
                try await DemoCommand.load(config: config, env: env)
            }
            let settings = WebSettings(
                host: config.host, port: config.port, secureCookies: config.secureCookies,
                maxBodyBytes: config.maxBodyBytes)
            logger.notice(
                "Pingan serving",
                metadata: [
                    "url": "http://\(config.host):\(config.port)", "database": "\(config.database)",
                    "secret": "\(config.secretKeySource)",
                ])
            try await buildApplication(env: env, settings: settings).runService()
        }
    }
}

/// `pingan migrate`: apply pending migrations and report them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Apply pending database migrations (safe to run again).")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Runtime.run(flags: common.flags, migrate: false) { _, env, logger in
            let runner = PinganStoreMigrations.runner(env, logger)
            let applied = try await runner.migrate()
            if applied.isEmpty {
                print("The schema is up to date (version \(try await runner.appliedVersions().last ?? 0)).")
            } else {
                for migration in applied {
                    print("applied \(String(format: "%04d", migration.version)) \(migration.name)")
                }
            }
            let rewritten = try await CaseService(env).rewriteLegacyRecords()
            if rewritten > 0 { print("rewrote \(rewritten) case record(s) in the current storage form") }
        }
    }
}

/// `pingan demo`: the demo district alone.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill an empty database with the demo district 江州市青山区 and print its logins once.",
        discussion: "Set PINGAN_DEMO_PASSWORD to give every demo user that password; otherwise each gets a random one.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Runtime.run(flags: common.flags) { config, env, _ in
            try await Self.load(config: config, env: env)
        }
    }

    /// Loads the district and, into a district just loaded, its ledger; prints the logins and a summary.
    static func load(config: PinganConfig, env: ServiceEnvironment) async throws {
        let outcome = try await DemoDistrict(env).load(password: config.demoPassword)
        report(outcome)
        guard case .loaded = outcome else { return }
        FileHandle.standardOutput.write(Data("Replaying three months of the demo ledger…\n".utf8))
        if let summary = try await DemoLedger(env).load() {
            FileHandle.standardOutput.write(
                Data(
                    ("Demo ledger: \(summary.cases) cases, \(summary.actions) actions, "
                        + "\(summary.escalations) escalation steps fired.\n").utf8))
        }
    }

    static func report(_ outcome: DemoDistrict.Outcome) {
        var text = ""
        switch outcome {
        case .skipped:
            text = "The database already holds data; the demo district was not loaded and nothing was changed.\n"
        case .loaded(let logins):
            text = "Demo district 江州市青山区 loaded. Logins (shown once):\n"
            let width = logins.map(\.username.count).max() ?? 10
            for login in logins {
                let name = login.username.padding(toLength: width, withPad: " ", startingAt: 0)
                text +=
                    "  \(name)  \(login.password)  \(login.displayName) · \(login.unitName) · "
                    + login.roles.joined(separator: ",") + "\n"
            }
        }
        // Written unbuffered: the logins must reach a log file before the server starts, not when it stops.
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
