import Foundation

/// What kind of organisation a unit is (BRIEF §1 routing: street offices own local matters, departments own their
/// industry, the centre coordinates).
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    /// A social-governance centre (综治中心 / 社会治理中心) at some level.
    case centre
    /// A functional department (职能部门), e.g. public security or market regulation.
    case department
    /// A street office or township government (街道办事处/乡镇政府).
    case streetOffice = "street_office"
    /// A community (residents') committee (社区居委会).
    case community
    /// Any other body (a leadership office, a mediation committee).
    case other
}
