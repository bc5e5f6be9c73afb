import Foundation

/// Who did something to a case, as the timeline records it (BRIEF §6 "全程留痕、全程可溯"): a signed-in user, the
/// system (the scheduler, an import), or a citizen giving feedback through the hotline or Open311.
///
/// A citizen is recorded without identity: parties and complainants are personal data kept elsewhere, and Pingan
/// does not track complainants (BRIEF §6).
public struct ActorRef: Sendable, Equatable, Hashable, Codable {
    /// The kind of actor.
    public enum Kind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// A signed-in user (operator, handler, leader …).
        case user
        /// The system itself (`scheduler`, `cli`, `demo`).
        case system
        /// A citizen, anonymous in the timeline.
        case citizen
    }

    /// The kind of actor.
    public var kind: Kind
    /// The user's id; `nil` for the system and citizens.
    public var userID: UUID?
    /// The user's login name, the system component's name, or `citizen`.
    public var name: String
    /// The user's unit; `nil` for the system and citizens.
    public var unitID: UUID?

    /// Creates an actor reference; prefer ``user(id:name:unitID:)``, ``system(_:)`` and ``citizen``.
    public init(kind: Kind, userID: UUID?, name: String, unitID: UUID?) {
        self.kind = kind
        self.userID = userID
        self.name = name
        self.unitID = unitID
    }

    /// A signed-in user.
    public static func user(id: UUID, name: String, unitID: UUID) -> ActorRef {
        ActorRef(kind: .user, userID: id, name: name, unitID: unitID)
    }

    /// The signed-in user described by `principal`.
    public static func user(_ principal: Principal) -> ActorRef {
        .user(id: principal.userID, name: principal.username, unitID: principal.unitID)
    }

    /// A component of the system (`scheduler`, `cli`).
    public static func system(_ name: String) -> ActorRef {
        ActorRef(kind: .system, userID: nil, name: name, unitID: nil)
    }

    /// A citizen (anonymous).
    public static let citizen = ActorRef(kind: .citizen, userID: nil, name: "citizen", unitID: nil)

    /// The name written to the audit log: the login name, `system:<name>`, or `citizen` (the same form as the
    /// services' `Actor.auditName`).
    public var auditName: String {
        switch kind {
        case .user: name
        case .system: "system:\(name)"
        case .citizen: "citizen"
        }
    }
}
