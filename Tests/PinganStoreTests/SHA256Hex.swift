import Crypto
import Foundation

/// SHA-256 in lower-case hex, as the audit log stores digests.
enum SHA256Hex {
    static func of(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
