import Foundation

/// One entry of the append-only audit log (全程留痕、全程可溯, BRIEF §6).
///
/// Each entry records who did what to which object, a digest of the change, and the hash of the previous entry, so
/// that altering or deleting any entry breaks every hash after it. The hashing itself is done by the store (it needs
/// SHA-256); this type defines what is hashed, byte for byte.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Position in the chain, from 1.
    public var seq: Int64
    /// When it happened.
    public var at: Date
    /// Who did it: a username, or `system:…` for the scheduler and command line.
    public var actor: String
    /// What was done (`user.create`, `auth.login_failed`, `party.read`).
    public var action: String
    /// The kind of object (`user`, `unit`, `region`, `case`).
    public var objectType: String
    /// The object's id or code.
    public var objectID: String
    /// The change as canonical JSON, with no personal data (BRIEF §6).
    public var change: String
    /// SHA-256 of `change`, lower-case hex.
    public var changeDigest: String
    /// Hash of the previous entry, or 64 zeros for the first.
    public var previousHash: String
    /// SHA-256 of ``canonicalForm``, lower-case hex.
    public var hash: String

    /// Creates an entry.
    public init(
        seq: Int64, at: Date, actor: String, action: String, objectType: String, objectID: String, change: String,
        changeDigest: String, previousHash: String, hash: String
    ) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.change = change
        self.changeDigest = changeDigest
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the (absent) entry before the first.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text whose SHA-256 is the entry's hash: the fields in a fixed order, each on its own line, with
    /// newlines inside values escaped so that no two different entries share a form.
    public static func canonicalForm(
        seq: Int64, at: String, actor: String, action: String, objectType: String, objectID: String,
        changeDigest: String, previousHash: String
    ) -> String {
        [String(seq), at, actor, action, objectType, objectID, changeDigest, previousHash]
            .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") }
            .joined(separator: "\n")
    }
}

/// A change about to be written to the audit log; the store assigns its place in the chain.
public struct AuditRecord: Sendable, Equatable {
    /// Who did it.
    public var actor: String
    /// What was done.
    public var action: String
    /// The kind of object.
    public var objectType: String
    /// The object's id or code.
    public var objectID: String
    /// Facts about the change, without personal data; encoded as canonical JSON (sorted keys).
    public var change: [String: String]

    /// Creates a record.
    public init(actor: String, action: String, objectType: String, objectID: String, change: [String: String] = [:]) {
        self.actor = actor
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.change = change
    }
}
