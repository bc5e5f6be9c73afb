import Crypto
import Foundation

/// Encrypts fields at rest with AES-256-GCM (BRIEF §6: personal data encrypted at rest; also webhook secrets).
///
/// The sealed form is `v1:` followed by base64 of nonce ‖ ciphertext ‖ tag. The version prefix lets a later key or
/// algorithm coexist with old rows during a re-encryption.
public struct FieldSealer: Sendable {
    private let key: [UInt8]

    /// A sealer with a 32-byte key (derived from the master secret for this purpose only).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// The sealed form of `plaintext`.
    public func seal(_ plaintext: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext.utf8), using: SymmetricKey(data: key))
        guard let combined = box.combined else { throw SealError.malformed }
        return "v1:" + combined.base64EncodedString()
    }

    /// The plaintext of a sealed value; throws when it was altered or sealed under another key.
    public func open(_ sealed: String) throws -> String {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw SealError.malformed
        }
        let box = try AES.GCM.SealedBox(combined: data)
        return String(decoding: try AES.GCM.open(box, using: SymmetricKey(data: key)), as: UTF8.self)
    }

    /// A sealed value that cannot be read.
    public enum SealError: Error, Sendable {
        /// Not in the `v1:` form.
        case malformed
    }
}
