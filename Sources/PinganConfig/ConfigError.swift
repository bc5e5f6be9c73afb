import Foundation

/// A setting that is missing or malformed. Start-up stops with ``description`` as its one line.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The setting's environment name (`PINGAN_DATABASE_URL`).
    public var key: String
    /// What is wrong and what would be right.
    public var message: String

    /// Creates an error about `key`.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// `PINGAN_PORT: must be a whole number from 1 to 65535`.
    public var description: String { "\(key): \(message)" }
}
