import Foundation

/// A step of the accountability ladder (责任督导和追究, BRIEF §4), in order of severity.
public enum LadderStep: String, Sendable, Equatable, Codable, CaseIterable, Comparable {
    /// 通报: written notice, with a rectification deadline.
    case notice
    /// 约谈: interview of the unit's leaders, when the notice was not rectified in time.
    case interview
    /// 挂牌督办: listed supervision, when still not rectified — no honours for 6 months.
    case listedSupervision = "listed_supervision"
    /// 一票否决: one-vote veto — no honours, awards or promotion for 1 year.
    case veto

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .notice: "通报"
        case .interview: "约谈"
        case .listedSupervision: "挂牌督办"
        case .veto: "一票否决"
        }
    }

    /// The next step, or nil after the veto.
    public var next: LadderStep? {
        switch self {
        case .notice: .interview
        case .interview: .listedSupervision
        case .listedSupervision: .veto
        case .veto: nil
        }
    }

    /// Orders the steps by severity.
    public static func < (lhs: LadderStep, rhs: LadderStep) -> Bool {
        let order = allCases
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }
}

/// What the consequence windows bar a unit from (BRIEF §4).
public enum LadderConsequence: String, Sendable, Equatable, Codable, CaseIterable {
    /// 评优评先: honours.
    case honours
    /// 奖励: awards.
    case awards
    /// 提拔: promotion of its leaders.
    case promotion
}

/// The accountability ladder's rules as data, with BRIEF §4's as the default (`standard`).
public struct LadderPolicy: Sendable, Equatable, Codable {
    /// Days to rectify after each step, before the next one follows.
    public var rectificationDays: [LadderStep: Int]
    /// Major incidents (重大, 特别重大) that open a case …
    public var majorIncidentCount: Int
    /// … when they fall within this many days.
    public var majorIncidentDays: Int
    /// The share of the scored points below which a unit fails its assessment (0.6 = 60%).
    public var passMark: Decimal
    /// Months without honours after 挂牌督办.
    public var listedSupervisionBanMonths: Int
    /// Months without honours, awards or promotion after 一票否决.
    public var vetoBanMonths: Int
    /// Steps an aggravating circumstance moves the case up at once.
    public var aggravatingSteps: Int
    /// Days a mitigating circumstance adds to the current rectification deadline.
    public var mitigatingExtensionDays: Int

    /// Creates a policy.
    public init(
        rectificationDays: [LadderStep: Int], majorIncidentCount: Int, majorIncidentDays: Int, passMark: Decimal,
        listedSupervisionBanMonths: Int, vetoBanMonths: Int, aggravatingSteps: Int, mitigatingExtensionDays: Int
    ) {
        self.rectificationDays = rectificationDays
        self.majorIncidentCount = majorIncidentCount
        self.majorIncidentDays = majorIncidentDays
        self.passMark = passMark
        self.listedSupervisionBanMonths = listedSupervisionBanMonths
        self.vetoBanMonths = vetoBanMonths
        self.aggravatingSteps = aggravatingSteps
        self.mitigatingExtensionDays = mitigatingExtensionDays
    }

    /// The shipped default: 30 days to rectify after 通报 and 约谈, 60 after 挂牌督办, 90 after 一票否决; 2 major
    /// incidents within 90 days; pass mark 60%; 6 and 12 months of consequences; an aggravating circumstance moves one
    /// step up, a mitigating one adds 15 days.
    public static let standard = LadderPolicy(
        rectificationDays: [.notice: 30, .interview: 30, .listedSupervision: 60, .veto: 90], majorIncidentCount: 2,
        majorIncidentDays: 90, passMark: Decimal(string: "0.6") ?? 0, listedSupervisionBanMonths: 6, vetoBanMonths: 12,
        aggravatingSteps: 1, mitigatingExtensionDays: 15)
}
