import Foundation

/// What a user does in Pingan (BRIEF "Users"). A user may hold several roles.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Administrator: manages regions, units, users, policies; reads the audit log.
    case admin
    /// Centre operator (综治中心工作人员): intake, triage, routing, supervision.
    case `operator`
    /// Unit handler (职能部门/街道经办人): works the cases assigned to the unit.
    case handler
    /// Grid worker (网格员): reports events found in the field.
    case gridWorker = "grid_worker"
    /// Leader (分管领导/主要领导): receives escalations, watches the dashboard.
    case leader
    /// Analyst (研判人员): watches public-concern signals.
    case analyst
    /// Assessor (考核人员): scores units against responsibility lists.
    case assessor

    /// Parses a role name, or reports the allowed ones against `field`.
    public static func parse(_ name: String, field: String) throws(PinganError) -> Role {
        guard let role = Role(rawValue: name) else {
            throw .invalid(
                field: field, rule: "unknown_value",
                detail: "unknown role '\(name)'; allowed: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    /// Roles sort in declaration order.
    public static func < (lhs: Role, rhs: Role) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }
}
