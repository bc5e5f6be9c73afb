import Foundation

/// One recipient of a planned escalation step (BRIEF §2): a leader (a user) of a unit, or a unit's inbox.
public struct EscalationRecipient: Sendable, Hashable, Codable {
    /// In what capacity the recipient is reached.
    public enum Capacity: String, Sendable, Hashable, Codable, CaseIterable {
        /// The holder of a leader post.
        case leader
        /// The handlers of a unit (its inbox).
        case unit
        /// The next higher centre, targeted directly.
        case higherCentre = "higher_centre"
        /// A centre reached because the targeted leader post is not filled (or the target does not exist).
        case fallbackCentre = "fallback_centre"
        /// The lead unit of a joint response.
        case lead
        /// A participating unit of a joint response.
        case participant
        /// The centre that convenes a joint response (联席会议召集).
        case convenor
    }

    /// The unit reached (or whose leader is reached).
    public var unitID: UUID
    /// The user reached, when a leader post is filled; `nil` means the unit's inbox.
    public var userID: UUID?
    /// The leader post, for ``Capacity/leader``.
    public var role: LeaderRole?
    /// The capacity.
    public var capacity: Capacity

    /// Creates a recipient.
    public init(unitID: UUID, userID: UUID? = nil, role: LeaderRole? = nil, capacity: Capacity) {
        self.unitID = unitID
        self.userID = userID
        self.role = role
        self.capacity = capacity
    }
}
