import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads, or creates once, the generated master secret of an SQLite deployment.
public protocol SecretKeyStore: Sendable {
    /// The secret stored at `path`, created there with mode 0600 when absent.
    func loadOrCreate(at path: String) throws(ConfigError) -> [UInt8]
}

/// The file-backed key store: 32 random bytes, hex-encoded, in a file readable by its owner only.
public struct FileSecretKeyStore: SecretKeyStore {
    /// Creates the store.
    public init() {}

    /// See ``SecretKeyStore/loadOrCreate(at:)``.
    ///
    /// The file is created with `O_CREAT | O_EXCL` and mode 0600 in one call: of two processes starting at once,
    /// exactly one creates it and the other reads it, and the key is never readable by others, not even briefly.
    public func loadOrCreate(at path: String) throws(ConfigError) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if descriptor >= 0 {
            let bytes = Array((hex + "\n").utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == bytes.count else {
                throw ConfigError(key: "PINGAN_SECRET_KEY", message: "cannot write the key file \(path)")
            }
            return Array(hex.utf8)
        }
        guard errno == EEXIST else {
            throw ConfigError(key: "PINGAN_SECRET_KEY", message: "cannot create the key file \(path)")
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigError(key: "PINGAN_SECRET_KEY", message: "cannot read the key file \(path)")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard secret.utf8.count >= 32 else {
            throw ConfigError(key: "PINGAN_SECRET_KEY", message: "the key file \(path) holds fewer than 32 characters")
        }
        return Array(secret.utf8)
    }
}
