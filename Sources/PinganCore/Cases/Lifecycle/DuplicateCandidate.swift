import Foundation

/// A recent case that the new one might duplicate, as the store loads it for the duplicate check.
public struct DuplicateCandidate: Sendable, Equatable {
    /// The case's id.
    public var caseID: UUID
    /// The case's number.
    public var number: String
    /// Its category code.
    public var categoryCode: String
    /// Its region's path (or bare code), in the same form as ``DuplicateProbe/regionPath``.
    public var regionPath: String
    /// Its title and description, as one text.
    public var text: String
    /// When it was created.
    public var createdAt: Date
    /// Its status; only open cases are suggested unless the suggester is told otherwise.
    public var status: CaseStatus

    /// Creates a candidate.
    public init(
        caseID: UUID, number: String, categoryCode: String, regionPath: String, text: String, createdAt: Date,
        status: CaseStatus
    ) {
        self.caseID = caseID
        self.number = number
        self.categoryCode = categoryCode
        self.regionPath = regionPath
        self.text = text
        self.createdAt = createdAt
        self.status = status
    }

    /// Describes `record` with its region's path.
    public init(_ record: Case, regionPath: String) {
        self.init(
            caseID: record.id, number: record.number, categoryCode: record.categoryCode, regionPath: regionPath,
            text: record.title + "\n" + record.description, createdAt: record.createdAt, status: record.status)
    }
}
