import Crypto
import Foundation

/// The keys derived from the one master secret (`PINGAN_SECRET_KEY`) with HKDF-SHA256, one per purpose, so that no
/// key serves two purposes.
///
/// Kept as bytes (`SymmetricKey` is not `Sendable`) and turned into keys where they are used.
public struct Keys: Sendable {
    /// Signs CSRF tokens and other server-issued values.
    public let signing: [UInt8]
    /// Encrypts personal fields at rest (AES-GCM, BRIEF §6).
    public let fieldEncryption: [UInt8]
    /// Pseudonymises signal authors (HMAC-SHA256, BRIEF §6).
    public let pseudonym: [UInt8]

    /// Derives the keys from `secret`.
    public init(secret: [UInt8]) {
        let master = SymmetricKey(data: secret)
        func derive(_ purpose: String) -> [UInt8] {
            HKDF<SHA256>.deriveKey(
                inputKeyMaterial: master, salt: Data("pingan".utf8), info: Data(purpose.utf8), outputByteCount: 32
            ).withUnsafeBytes { Array($0) }
        }
        signing = derive("signing v1")
        fieldEncryption = derive("field encryption v1")
        pseudonym = derive("signal author pseudonym v1")
    }
}
