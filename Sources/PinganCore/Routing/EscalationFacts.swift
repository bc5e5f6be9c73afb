import Foundation

/// The facts of a case that an escalation plan is made from (BRIEF §2): level, start, deadline and units.
public struct EscalationFacts: Sendable, Hashable, Codable {
    /// The warning level.
    public var level: WarningLevel
    /// When the case started (was received); `after_start` delays count from here.
    public var start: Date
    /// The resolution deadline; `deadline` and `after_deadline` triggers count from here.
    public var deadline: Date
    /// The responsible (lead) unit.
    public var responsibleUnitID: UUID
    /// The participating units.
    public var participantUnitIDs: [UUID]

    /// Creates the facts.
    public init(
        level: WarningLevel, start: Date, deadline: Date, responsibleUnitID: UUID, participantUnitIDs: [UUID] = []
    ) {
        self.level = level
        self.start = start
        self.deadline = deadline
        self.responsibleUnitID = responsibleUnitID
        self.participantUnitIDs = participantUnitIDs
    }
}
