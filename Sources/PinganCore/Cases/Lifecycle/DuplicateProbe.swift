import Foundation

/// The new case that intake is registering, as the duplicate check needs it (BRIEF issue 3 "at intake, possible
/// duplicates are suggested").
public struct DuplicateProbe: Sendable, Equatable {
    /// The category code chosen at intake.
    public var categoryCode: String
    /// The region's path (codes from the root joined by `/`, see ``Region/path``) or its bare code.
    public var regionPath: String
    /// The title and description, as one text.
    public var text: String
    /// The time of intake.
    public var at: Date

    /// Creates a probe.
    public init(categoryCode: String, regionPath: String, text: String, at: Date) {
        self.categoryCode = categoryCode
        self.regionPath = regionPath
        self.text = text
        self.at = at
    }
}
