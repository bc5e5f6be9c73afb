import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// Keys for commands that work on files rather than the database (the signals commands).
enum CLISecrets {
    /// The HMAC key for pseudonymising signal authors, derived from the configured secret (BRIEF §6).
    static func signalsKey() throws -> [UInt8] {
        let config = try Runtime.config(flags: [:])
        return Keys(secret: config.secretKey).pseudonym
    }
}
