import Foundation

/// An action that the case's state does not allow (BRIEF issue 3 "an illegal transition answers 409 with the allowed
/// ones listed"): the status, the attempted action, why it is refused, and the actions that are allowed now.
public struct CaseTransitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The case's status when the action was attempted.
    public var status: CaseStatus
    /// The attempted action.
    public var action: CaseActionName
    /// The actions allowed in the case's current state, in ``CaseActionName`` order.
    public var allowed: [CaseActionName]
    /// Why the action is refused, for people.
    public var detail: String

    /// Creates the error.
    public init(status: CaseStatus, action: CaseActionName, allowed: [CaseActionName], detail: String) {
        self.status = status
        self.action = action
        self.allowed = allowed
        self.detail = detail
    }

    /// One line for logs and the problem document's `detail`.
    public var description: String {
        "\(detail); allowed now: " + (allowed.isEmpty ? "none" : allowed.map(\.rawValue).joined(separator: ", "))
    }
}
