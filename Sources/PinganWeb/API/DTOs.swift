import Foundation
import PinganCore
import PinganServices
import PinganStore

/// A list response: `{"items": [...], "next_cursor": ...}`.
struct Page<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextCursor: String?
}

struct UnitDTO: Codable, Sendable {
    var id: UUID
    var code: String
    var name: String
    var kind: String
    var regionCode: String
    var parentId: UUID?
    var aliases: [String]
    /// Leader post → username.
    var leaders: [String: String]

    init(_ unit: OrgUnit, usernames: [UUID: String]) {
        id = unit.id
        code = unit.code
        name = unit.name
        kind = unit.kind.rawValue
        regionCode = unit.regionCode
        parentId = unit.parentID
        aliases = unit.aliases
        leaders = Dictionary(
            uniqueKeysWithValues: unit.leaders.map { ($0.key.rawValue, usernames[$0.value] ?? $0.value.uuidString) })
    }
}

struct UserDTO: Codable, Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var roles: [String]
    var unitId: UUID
    var disabled: Bool

    init(_ user: User) {
        id = user.id
        username = user.username
        displayName = user.displayName
        roles = user.roles.sorted().map(\.rawValue)
        unitId = user.unitID
        disabled = user.disabled
    }
}

struct CreatedUserDTO: Encodable, Sendable {
    var user: UserDTO
    /// Present only when the server generated the password; shown this once.
    var generatedPassword: String?
}

struct AuditEntryDTO: Encodable, Sendable {
    var seq: Int64
    var at: Date
    var actor: String
    var action: String
    var objectType: String
    var objectId: String
    var change: String
    var changeDigest: String
    var previousHash: String
    var hash: String

    init(_ entry: AuditEntry) {
        seq = entry.seq
        at = entry.at
        actor = entry.actor
        action = entry.action
        objectType = entry.objectType
        objectId = entry.objectID
        change = entry.change
        changeDigest = entry.changeDigest
        previousHash = entry.previousHash
        hash = entry.hash
    }
}
