import Foundation

/// Who rejected a resolution and asked for the case to be reopened (BRIEF issue 3 "reopen from resolved when the
/// citizen or the centre rejects the result").
public enum ReopenRequester: String, Sendable, Equatable, Codable, CaseIterable {
    /// The citizen who raised the case (through the hotline, Open311 or a visit).
    case citizen
    /// The centre, reviewing the result.
    case centre
}
