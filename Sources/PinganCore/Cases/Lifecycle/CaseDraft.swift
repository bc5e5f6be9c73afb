import Foundation

/// What intake supplies to open a case (受理登记, BRIEF §1): everything but the assignment, which routing decides
/// afterwards. ``CaseLifecycle/open(_:id:number:by:at:)`` validates it.
///
/// Rules, every broken one reported at once with its field: `title` 1–200 characters (trimmed); `description` at
/// most 10 000 characters; `category_code` 1–64 characters without spaces; `region_code` digits only; `level` within
/// the kind's scale (``CaseKind/warningScale``); `deadline` and `accept_deadline` after the time of intake, and the
/// acceptance deadline no later than the deadline.
public struct CaseDraft: Sendable, Equatable {
    /// What the case is.
    public var kind: CaseKind
    /// The category's code in the taxonomy (its existence is checked by the caller).
    public var categoryCode: String
    /// The region code (its existence is checked by the caller).
    public var regionCode: String
    /// How the case came in.
    public var source: SourceChannel
    /// A short title.
    public var title: String
    /// The description.
    public var description: String
    /// Whether parties are recorded (their data is stored encrypted elsewhere, BRIEF §6).
    public var hasParties: Bool
    /// The warning level at intake.
    public var level: WarningLevel
    /// Whether the case may be shown publicly (Open311).
    public var isPublic: Bool
    /// The resolution deadline, when already known (an SLA usually sets it at assignment).
    public var deadline: Date?
    /// The acceptance deadline, when already known.
    public var acceptDeadline: Date?

    /// Creates a draft.
    public init(
        kind: CaseKind, categoryCode: String, regionCode: String, source: SourceChannel, title: String,
        description: String, hasParties: Bool = false, level: WarningLevel = .none, isPublic: Bool = false,
        deadline: Date? = nil, acceptDeadline: Date? = nil
    ) {
        self.kind = kind
        self.categoryCode = categoryCode
        self.regionCode = regionCode
        self.source = source
        self.title = title
        self.description = description
        self.hasParties = hasParties
        self.level = level
        self.isPublic = isPublic
        self.deadline = deadline
        self.acceptDeadline = acceptDeadline
    }

    /// The longest title, in characters.
    public static let maximumTitleLength = 200
    /// The longest description, in characters.
    public static let maximumDescriptionLength = 10_000

    /// Every rule the draft breaks at `time`, in field order; empty when it is valid.
    public func violations(at time: Date) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        let trimmedTitle = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmedTitle.isEmpty || trimmedTitle.count > Self.maximumTitleLength {
            violations.append(
                .init(
                    field: "title", rule: "length",
                    detail: "a title of 1 to \(Self.maximumTitleLength) characters is required"))
        }
        if description.count > Self.maximumDescriptionLength {
            violations.append(
                .init(
                    field: "description", rule: "length",
                    detail: "a description has at most \(Self.maximumDescriptionLength) characters"))
        }
        if categoryCode.isEmpty || categoryCode.count > 64 || categoryCode.contains(where: \.isWhitespace) {
            violations.append(
                .init(
                    field: "category_code", rule: "format",
                    detail: "a category code has 1 to 64 characters and no spaces"))
        }
        if regionCode.isEmpty || !regionCode.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            violations.append(.init(field: "region_code", rule: "format", detail: "a region code has digits only"))
        }
        if !kind.permits(level) {
            violations.append(
                .init(
                    field: "level", rule: "scale",
                    detail: "a case of kind \(kind.rawValue) takes one of: "
                        + kind.warningScale.map(\.rawValue).joined(separator: ", ")))
        }
        if let deadline, deadline <= time {
            violations.append(.init(field: "deadline", rule: "past", detail: "the deadline must lie in the future"))
        }
        if let acceptDeadline {
            if acceptDeadline <= time {
                violations.append(
                    .init(
                        field: "accept_deadline", rule: "past",
                        detail: "the acceptance deadline must lie in the future"))
            } else if let deadline, acceptDeadline > deadline {
                violations.append(
                    .init(
                        field: "accept_deadline", rule: "order",
                        detail: "the acceptance deadline cannot be later than the deadline"))
            }
        }
        return violations
    }
}
