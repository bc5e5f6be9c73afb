import Foundation

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
    public func loadOrCreate(at path: String) throws(ConfigError) -> [UInt8] {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigError(key: "PINGAN_SECRET_KEY", message: "cannot read the key file \(path)")
            }
            let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard secret.utf8.count >= 32 else {
                throw ConfigError(
                    key: "PINGAN_SECRET_KEY", message: "the key file \(path) holds fewer than 32 characters")
            }
            return Array(secret.utf8)
        }
        var generator = SystemRandomNumberGenerator()
        let hex = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        let created = manager.createFile(
            atPath: path, contents: Data((hex + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else {
            throw ConfigError(key: "PINGAN_SECRET_KEY", message: "cannot create the key file \(path)")
        }
        return Array(hex.utf8)
    }
}
