import Foundation
import Logging

/// Pingan's configuration, read once at start-up from flags, then the environment (`PINGAN_…`), then a `.env` file
/// in the working directory — the first that sets a key wins — and then defaults. No other module reads the
/// environment (STYLE.md).
public struct PinganConfig: Sendable {
    /// Where the data lives.
    public var database: DatabaseURL
    /// The master secret (≥ 32 bytes) from which token, field-encryption and pseudonym keys are derived.
    public var secretKey: [UInt8]
    /// Where the secret came from, for the start-up log (never the secret itself).
    public var secretKeySource: String
    /// Log level.
    public var logLevel: Logger.Level
    /// Address to listen on.
    public var host: String
    /// Port to listen on.
    public var port: Int
    /// A password every demo user gets, for scripted trials; otherwise each gets a random one.
    public var demoPassword: String?
    /// bcrypt cost for password hashes (4–31; 12 by default).
    public var bcryptCost: UInt8
    /// Whether cookies carry `Secure` (set when Pingan runs behind TLS).
    public var secureCookies: Bool
    /// Lifetime of API tokens issued at login, in seconds.
    public var tokenLifetime: Int
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// How long a reading of the directory generation is trusted, in milliseconds: the longest a change made by
    /// another process (a revoked token, a new routing table) can go unseen by this one.
    public var directoryRecheckMilliseconds: Int

    /// Every key Pingan reads, with its meaning — printed by `.env.example` and the docs.
    public static let keys: [(key: String, meaning: String)] = [
        ("PINGAN_DATABASE_URL", "sqlite://PATH (default sqlite://pingan.sqlite) or postgres://USER:PASS@HOST:PORT/DB"),
        ("PINGAN_SECRET_KEY", "master secret, at least 32 characters; required for PostgreSQL"),
        ("PINGAN_LOG_LEVEL", "trace, debug, info (default), notice, warning, error or critical"),
        ("PINGAN_HOST", "address to listen on (default 127.0.0.1)"),
        ("PINGAN_PORT", "port to listen on (default 8080)"),
        ("PINGAN_DEMO_PASSWORD", "password for every demo user (default: a random one each, printed once)"),
        ("PINGAN_BCRYPT_COST", "bcrypt cost for password hashes, 4 to 31 (default 12)"),
        ("PINGAN_SECURE_COOKIES", "true when served behind TLS (default false)"),
        ("PINGAN_TOKEN_LIFETIME", "lifetime of login tokens in seconds (default 43200, 12 hours)"),
        ("PINGAN_MAX_BODY_BYTES", "largest request body in bytes (default 1048576)"),
        (
            "PINGAN_DIRECTORY_RECHECK_MS",
            "how stale, in ms, this process may see organisation, rules and token changes made by another (default 1000)"
        ),
    ]

    /// Reads the configuration.
    ///
    /// - Parameters:
    ///   - flags: values given on the command line, keyed by environment name (`PINGAN_PORT`).
    ///   - environment: the process environment.
    ///   - dotEnv: the contents of a `.env` file, if there is one.
    ///   - keyStore: reads and creates the generated key file for SQLite deployments.
    public static func load(
        flags: [String: String] = [:], environment: [String: String], dotEnv: String? = nil,
        keyStore: any SecretKeyStore = FileSecretKeyStore()
    ) throws(ConfigError) -> PinganConfig {
        let fileValues = dotEnv.map(DotEnv.parse) ?? [:]
        func value(_ key: String) -> String? {
            if let flag = flags[key] { return flag }
            if let env = environment[key], !env.isEmpty { return env }
            return fileValues[key]
        }

        let database = try DatabaseURL.parse(value("PINGAN_DATABASE_URL") ?? "sqlite://pingan.sqlite")
        let (secret, source) = try resolveSecret(value("PINGAN_SECRET_KEY"), database: database, keyStore: keyStore)

        let levelName = value("PINGAN_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelName.lowercased()) else {
            throw ConfigError(
                key: "PINGAN_LOG_LEVEL",
                message: "'\(levelName)' is not one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let port = try integer("PINGAN_PORT", value("PINGAN_PORT"), default: 8080, range: 1...65535)
        let cost = try integer("PINGAN_BCRYPT_COST", value("PINGAN_BCRYPT_COST"), default: 12, range: 4...31)
        let lifetime = try integer(
            "PINGAN_TOKEN_LIFETIME", value("PINGAN_TOKEN_LIFETIME"), default: 43_200, range: 60...31_536_000)
        let maxBody = try integer(
            "PINGAN_MAX_BODY_BYTES", value("PINGAN_MAX_BODY_BYTES"), default: 1_048_576, range: 1024...104_857_600)
        let recheck = try integer(
            "PINGAN_DIRECTORY_RECHECK_MS", value("PINGAN_DIRECTORY_RECHECK_MS"), default: 1000, range: 0...60_000)
        let secure = try boolean("PINGAN_SECURE_COOKIES", value("PINGAN_SECURE_COOKIES"), default: false)
        if let demo = value("PINGAN_DEMO_PASSWORD"), demo.count < 10 {
            throw ConfigError(key: "PINGAN_DEMO_PASSWORD", message: "a password has at least 10 characters")
        }
        return PinganConfig(
            database: database, secretKey: secret, secretKeySource: source, logLevel: level,
            host: value("PINGAN_HOST") ?? "127.0.0.1", port: port, demoPassword: value("PINGAN_DEMO_PASSWORD"),
            bcryptCost: UInt8(cost), secureCookies: secure, tokenLifetime: lifetime, maxBodyBytes: maxBody,
            directoryRecheckMilliseconds: recheck)
    }

    /// Creates a configuration directly (tests and embedding).
    public init(
        database: DatabaseURL, secretKey: [UInt8], secretKeySource: String = "given", logLevel: Logger.Level = .info,
        host: String = "127.0.0.1", port: Int = 8080, demoPassword: String? = nil, bcryptCost: UInt8 = 12,
        secureCookies: Bool = false, tokenLifetime: Int = 43_200, maxBodyBytes: Int = 1_048_576,
        directoryRecheckMilliseconds: Int = 1000
    ) {
        self.database = database
        self.secretKey = secretKey
        self.secretKeySource = secretKeySource
        self.logLevel = logLevel
        self.host = host
        self.port = port
        self.demoPassword = demoPassword
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.tokenLifetime = tokenLifetime
        self.maxBodyBytes = maxBodyBytes
        self.directoryRecheckMilliseconds = directoryRecheckMilliseconds
    }

    private static func resolveSecret(
        _ given: String?, database: DatabaseURL, keyStore: any SecretKeyStore
    )
        throws(ConfigError) -> ([UInt8], String)
    {
        if let given {
            guard given.utf8.count >= 32 else {
                throw ConfigError(key: "PINGAN_SECRET_KEY", message: "the secret needs at least 32 characters")
            }
            return (Array(given.utf8), "PINGAN_SECRET_KEY")
        }
        switch database {
        case .postgres:
            throw ConfigError(
                key: "PINGAN_SECRET_KEY",
                message: "required with PostgreSQL: every node must share it (generate one with `openssl rand -hex 32`)"
            )
        case .sqlite(let path):
            let keyPath = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("pingan.key")
                .path
            return (try keyStore.loadOrCreate(at: keyPath), keyPath)
        }
    }

    private static func integer(
        _ key: String, _ text: String?, default fallback: Int, range: ClosedRange<Int>
    )
        throws(ConfigError) -> Int
    {
        guard let text else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            throw ConfigError(
                key: key, message: "'\(text)' must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    private static func boolean(_ key: String, _ text: String?, default fallback: Bool) throws(ConfigError) -> Bool {
        guard let text else { return fallback }
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigError(key: key, message: "'\(text)' must be true or false")
        }
    }
}
