import PinganCore

/// Who is acting: a signed-in user, or the system itself (the command line, the scheduler, the demo).
public enum Actor: Sendable, Equatable {
    /// A signed-in user.
    case user(Principal)
    /// The system, with a name for the audit log (`cli`, `demo`, `scheduler`).
    case system(String)

    /// The name written to the audit log.
    public var auditName: String {
        switch self {
        case .user(let principal): principal.username
        case .system(let name): "system:\(name)"
        }
    }

    /// Throws `.forbidden` unless the actor is the system or a user for whom `rule` holds.
    func require(_ rule: (Principal) -> Bool, _ what: String) throws(PinganError) {
        if case .user(let principal) = self, !rule(principal) {
            throw .forbidden("you may not \(what)")
        }
    }
}
