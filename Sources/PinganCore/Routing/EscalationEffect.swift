import Foundation

/// What an escalation step does (BRIEF §2 dispositions). Every effect notifies its recipients; some do more.
public enum EscalationEffect: String, Sendable, Hashable, Codable, CaseIterable {
    /// A low-priority notice only: keep monitoring, act if the level rises (blue 蓝色: 监测).
    case monitor
    /// Notify the recipients (通知).
    case notify
    /// Put the case under supervision (督办) by the recipient, and notify.
    case raiseSupervision = "raise_supervision"
    /// Hand the case to the recipient unit, one level up (提级交办), and notify.
    case reassignUpward = "reassign_upward"
    /// Form a joint response group (联席会议/联合处置组) led by the centre with the lead and participating units.
    case jointResponse = "joint_response"
    /// The recipient leader takes the case personally (一把手亲自包案), and is notified.
    case takeOver = "take_over"

    /// The effect in Chinese.
    public var chineseText: String {
        switch self {
        case .monitor: "低优先级提示(持续监测,等级上升时处置)"
        case .notify: "通知"
        case .raiseSupervision: "提请督办并通知"
        case .reassignUpward: "提级交办给"
        case .jointResponse: "成立联合处置组(联席会议),领导指挥、边处置边汇报,通知"
        case .takeOver: "转交亲自包案化解并通知"
        }
    }
}
