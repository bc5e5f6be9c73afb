import Foundation

extension CaseEventType {
    /// How a timeline event is told to the client system that posted the request (the `servicerequestupdates`
    /// extension of mySociety's Open311 back-office integrations): the Open311 status after it, the extended status
    /// code and a plain Chinese description. `nil` for internal events a client need not see (level changes, notes,
    /// contested leads, escalations, extension requests) — their notes may hold what the public must not read.
    public var open311Update: (status: String, externalStatus: String, description: String)? {
        switch self {
        case .created: ("open", "OPEN", "已受理")
        case .assigned: ("open", "INTERNAL_REFERRAL", "已分派至责任单位")
        case .accepted: ("open", "IN_PROGRESS", "责任单位已签收,正在办理")
        case .progress: ("open", "IN_PROGRESS", "责任单位报告了办理进展")
        case .returned: ("open", "FOR_TRIAGE", "责任单位退回,社会治理中心重新分派")
        case .resolved: ("closed", "FIXED", "已办结,等待群众评价")
        case .closed: ("closed", "CLOSED", "已办结归档")
        case .reopened: ("open", "REOPEN", "群众评价未解决,已重新办理")
        case .supervisionOn: ("open", "ACTION_SCHEDULED", "已列入督办")
        case .extensionApproved: ("open", "ACTION_SCHEDULED", "办理时限已延长")
        case .merged: ("closed", "DUPLICATE", "已与同一诉求合并办理")
        default: nil
        }
    }
}
