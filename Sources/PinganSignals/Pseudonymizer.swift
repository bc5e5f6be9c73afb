import Crypto

/// Author pseudonymisation (BRIEF §6): HMAC-SHA256 keyed with the deployment's secret, hex of the first 16 bytes,
/// prefixed `a_`. Applied at parse time, before any other stage sees the author; the mapping cannot be reversed
/// without the key, and the engine never ranks, follows or profiles a pseudonym.
public struct Pseudonymizer: Sendable {
    // Kept as bytes: `SymmetricKey` is not `Sendable`.
    private let key: [UInt8]

    /// Creates a pseudonymiser from the secret key bytes (at least 16 bytes are recommended).
    public init(key: [UInt8]) {
        self.key = key
    }

    /// The pseudonym of `identifier` (an author or an @mention handle).
    public func pseudonym(of identifier: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(identifier.utf8), using: SymmetricKey(data: key))
        let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "a"), UInt8(ascii: "_")]
        out.reserveCapacity(34)
        for (index, byte) in mac.enumerated() where index < 16 {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
