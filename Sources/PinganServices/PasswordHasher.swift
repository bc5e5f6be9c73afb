import Dispatch
import Foundation
import HummingbirdBcrypt

/// bcrypt password hashing (salted, slow by design) at a configured cost.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost, 4–31.
    public let cost: UInt8

    /// A hash of a random password at the same cost, checked against when a username is unknown so that response
    /// times do not reveal which usernames exist.
    let decoyHash: String

    /// Creates a hasher; tests use a low cost, deployments 12 or more.
    public init(cost: UInt8) {
        self.cost = cost
        self.decoyHash = Bcrypt.hash(Self.randomPassword(), cost: cost)
    }

    /// A new salted hash of `password`.
    public func hash(_ password: String) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `hash`.
    public func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// ``verify(_:hash:)`` on a Dispatch thread: a bcrypt check blocks its thread for a quarter of a second at cost
    /// 12, and must not hold one of the few threads Swift's cooperative pool runs every request on.
    public func verifyOffPool(_ password: String, hash: String) async -> Bool {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Bcrypt.verify(password, hash: hash))
            }
        }
    }

    /// A random password of 16 characters from an alphabet without look-alike characters.
    public static func randomPassword() -> String {
        let alphabet = Array("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<16).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
