import Foundation

/// A case (案件) in the one ledger (台账) of everything that needs disposal (BRIEF §1): what it is, where, how it came
/// in, how urgent it is, who owns it, by when, and where it stands in its lifecycle.
///
/// Parties (names, phone numbers, ID numbers) are personal data under BRIEF §6: they are stored encrypted elsewhere
/// and only ``hasParties`` is recorded here, so this type can be logged, listed and exported safely.
///
/// A case changes only through ``CaseLifecycle``: ``CaseLifecycle/open(_:id:number:by:at:)`` creates it and
/// ``CaseLifecycle/apply(_:to:by:at:)`` moves it, each change incrementing ``version`` (the optimistic lock) and
/// producing the ``CaseEvent``s of its timeline.
public struct Case: Sendable, Equatable, Codable, Identifiable {
    /// Internal identifier.
    public var id: UUID
    /// Human-readable, sortable number (`QS-2026-000123`, see ``CaseNumber``).
    public var number: String
    /// What the case is (矛盾纠纷, 安全隐患 …).
    public var kind: CaseKind
    /// The category's code in the taxonomy (checked against the taxonomy by the caller).
    public var categoryCode: String
    /// The region (usually a grid) where the case lies.
    public var regionCode: String
    /// How the case reached the centre.
    public var source: SourceChannel
    /// A short title, 1–200 characters.
    public var title: String
    /// The description, up to 10 000 characters.
    public var description: String
    /// Whether parties are recorded (their data lives encrypted elsewhere, BRIEF §6).
    public var hasParties: Bool
    /// The warning level, within the kind's scale (``CaseKind/warningScale``).
    public var level: WarningLevel
    /// The responsible (lead) unit (责任单位 / 牵头单位), once assigned.
    public var responsibleUnitID: UUID?
    /// The responsible person (责任人) in that unit, when named.
    public var responsiblePersonID: UUID?
    /// Participating units (参与单位) of a case involving several departments.
    public var participatingUnitIDs: [UUID]
    /// Whether the participating units dispute which of them leads; the centre then designates the lead.
    public var leadContested: Bool
    /// The deadline for resolution (限时化解), when set.
    public var deadline: Date?
    /// The deadline for the unit to accept the assignment, when set.
    public var acceptDeadline: Date?
    /// Where the case stands.
    public var status: CaseStatus
    /// Supervision (督办), when on.
    public var supervision: CaseSupervision?
    /// The pending deadline extension request (延期申请), when one is pending.
    public var pendingExtension: CaseExtensionRequest?
    /// The resolution, while resolved or closed (cleared when the case is reopened).
    public var resolution: CaseResolution?
    /// The feedback the case was closed with.
    public var feedback: CaseFeedback?
    /// When the case was closed.
    public var closedAt: Date?
    /// The case this one was merged into (并单).
    public var mergedInto: UUID?
    /// How often the case was reopened after a rejected resolution.
    public var reopenCount: Int
    /// How often a unit returned the case to the centre (退回).
    public var returnCount: Int
    /// Whether the case may be shown publicly (Open311 hides the others).
    public var isPublic: Bool
    /// The optimistic-lock version: 1 when created, incremented by every change.
    public var version: Int
    /// When the case was created.
    public var createdAt: Date
    /// When the case last changed.
    public var updatedAt: Date

    /// Creates a case from stored fields; new cases come from ``CaseLifecycle/open(_:id:number:by:at:)``, which
    /// validates them.
    public init(
        id: UUID, number: String, kind: CaseKind, categoryCode: String, regionCode: String, source: SourceChannel,
        title: String, description: String, hasParties: Bool, level: WarningLevel, responsibleUnitID: UUID? = nil,
        responsiblePersonID: UUID? = nil, participatingUnitIDs: [UUID] = [], leadContested: Bool = false,
        deadline: Date? = nil, acceptDeadline: Date? = nil, status: CaseStatus,
        supervision: CaseSupervision? = nil, pendingExtension: CaseExtensionRequest? = nil,
        resolution: CaseResolution? = nil, feedback: CaseFeedback? = nil, closedAt: Date? = nil,
        mergedInto: UUID? = nil, reopenCount: Int = 0, returnCount: Int = 0, isPublic: Bool, version: Int,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.number = number
        self.kind = kind
        self.categoryCode = categoryCode
        self.regionCode = regionCode
        self.source = source
        self.title = title
        self.description = description
        self.hasParties = hasParties
        self.level = level
        self.responsibleUnitID = responsibleUnitID
        self.responsiblePersonID = responsiblePersonID
        self.participatingUnitIDs = participatingUnitIDs
        self.leadContested = leadContested
        self.deadline = deadline
        self.acceptDeadline = acceptDeadline
        self.status = status
        self.supervision = supervision
        self.pendingExtension = pendingExtension
        self.resolution = resolution
        self.feedback = feedback
        self.closedAt = closedAt
        self.mergedInto = mergedInto
        self.reopenCount = reopenCount
        self.returnCount = returnCount
        self.isPublic = isPublic
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the case is under supervision.
    public var isSupervised: Bool { supervision != nil }

    /// Whether the case is open and its deadline has passed at `time`.
    public func isOverdue(at time: Date) -> Bool {
        guard status.isOpen, status != .resolved, let deadline else { return false }
        return deadline < time
    }
}
