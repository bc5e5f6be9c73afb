import Foundation

/// Where Pingan keeps its data: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// An SQLite database file.
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgres(PostgresLocation)

    /// The components of a `postgres://user:pass@host:port/db` URL.
    public struct PostgresLocation: Sendable, Equatable {
        /// Server host name or address.
        public var host: String
        /// Server port.
        public var port: Int
        /// User name.
        public var username: String
        /// Password, if any.
        public var password: String?
        /// Database name.
        public var database: String
        /// TLS mode from `?sslmode=`: `disable`, `prefer` (default) or `require`.
        public var tlsMode: String

        /// Creates a location.
        public init(host: String, port: Int, username: String, password: String?, database: String, tlsMode: String) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.tlsMode = tlsMode
        }
    }

    /// Parses `sqlite://relative/or/absolute/path.sqlite`, `sqlite:///absolute/path`, `postgres://…` or
    /// `postgresql://…`.
    public static func parse(_ text: String) throws(ConfigError) -> DatabaseURL {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw ConfigError(key: "PINGAN_DATABASE_URL", message: "an sqlite:// URL needs a file path")
            }
            return .sqlite(path: path.removingPercentEncoding ?? path)
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw ConfigError(
                key: "PINGAN_DATABASE_URL",
                message: "'\(redacted(text))' is neither sqlite://PATH nor postgres://USER:PASSWORD@HOST:PORT/DATABASE")
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw ConfigError(key: "PINGAN_DATABASE_URL", message: "'\(redacted(text))' is not a valid PostgreSQL URL")
        }
        guard let user = components.user, !user.isEmpty else {
            throw ConfigError(key: "PINGAN_DATABASE_URL", message: "the PostgreSQL URL needs a user name")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else {
            throw ConfigError(key: "PINGAN_DATABASE_URL", message: "the PostgreSQL URL needs a database name")
        }
        let tls = components.queryItems?.first(where: { $0.name == "sslmode" })?.value ?? "prefer"
        guard ["disable", "prefer", "require"].contains(tls) else {
            throw ConfigError(key: "PINGAN_DATABASE_URL", message: "sslmode must be disable, prefer or require")
        }
        return .postgres(
            PostgresLocation(
                host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
                password: components.password?.removingPercentEncoding, database: database, tlsMode: tls))
    }

    /// The URL with its password hidden, for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let location):
            "postgres://\(location.username)\(location.password == nil ? "" : ":***")@\(location.host):\(location.port)/"
                + location.database
        }
    }

    private static func redacted(_ text: String) -> String {
        guard let at = text.lastIndex(of: "@"), let colon = text[..<at].lastIndex(of: ":"),
            text[..<colon].contains("//")
        else { return text }
        return String(text[...colon]) + "***" + String(text[at...])
    }
}
