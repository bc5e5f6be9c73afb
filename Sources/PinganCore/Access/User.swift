import Foundation

/// A person who signs in to Pingan, always a member of one unit (BRIEF "Users").
public struct User: Sendable, Equatable, Codable {
    /// Internal identifier.
    public var id: UUID
    /// Login name, unique, lower-case.
    public var username: String
    /// Name shown to colleagues (`王建国`).
    public var displayName: String
    /// Roles held.
    public var roles: Set<Role>
    /// The unit the user works for.
    public var unitID: UUID
    /// A disabled user cannot sign in and its tokens stop working.
    public var disabled: Bool

    /// Creates a user.
    public init(id: UUID, username: String, displayName: String, roles: Set<Role>, unitID: UUID, disabled: Bool) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.unitID = unitID
        self.disabled = disabled
    }

    /// Checks the fields a client supplies for a new user. Usernames are 3–64 characters of lower-case ASCII letters,
    /// digits, `.`, `_` or `-`; passwords have at least 10 characters.
    public static func validate(
        username: String, displayName: String, roles: [String], password: String?
    )
        throws(PinganError) -> Set<Role>
    {
        var violations: [FieldViolation] = []
        let bytes = Array(username.utf8)
        let allowed = bytes.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
        }
        if !(3...64).contains(bytes.count) || !allowed {
            violations.append(
                .init(
                    field: "username", rule: "format",
                    detail: "a username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'"))
        }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 100 {
            violations.append(
                .init(
                    field: "display_name", rule: "length", detail: "a display name of 1 to 100 characters is required"))
        }
        var parsed: Set<Role> = []
        if roles.isEmpty {
            violations.append(.init(field: "roles", rule: "required", detail: "a user needs at least one role"))
        }
        for (index, name) in roles.enumerated() {
            do {
                parsed.insert(try Role.parse(name, field: "roles[\(index)]"))
            } catch {
                if case .invalid(let found) = error { violations += found }
            }
        }
        if let password {
            violations += PasswordRule.violations(password, field: "password")
        }
        guard violations.isEmpty else { throw .invalid(violations) }
        return parsed
    }
}

/// The password rule: 10 to 200 characters. Length beats composition rules (NIST SP 800-63B §3.1.1.2).
public enum PasswordRule {
    /// The violations of the rule by `password`, reported against `field`.
    public static func violations(_ password: String, field: String) -> [FieldViolation] {
        guard (10...200).contains(password.count) else {
            return [.init(field: field, rule: "length", detail: "a password has 10 to 200 characters")]
        }
        return []
    }
}
