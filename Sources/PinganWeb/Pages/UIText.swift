import Foundation

/// Every text of the workbench, by key, in both languages. `WorkbenchTests` checks that each key and each label has
/// a text in both tables.
enum UIText: String, CaseIterable, Sendable {
    case appName, skipToContent, navLabel, navMyWork, navLedger, navNewCase, navDashboard, navInbox, language, logout
    case loginTitle, username, password, login, loginWrong, loginThrottled, loginLocked, loginFormExpired
    case sessionExpired, loggedOut
    case errorTitle, errorServer, errorNotFound, errorForbidden, errorConflict, errorInvalid, requestID, backToWork
    case allowedNow, done, caseCreated, open, noCases, noActions, noEscalations, noNotifications
    case colNumber, colTitle, colKind, colLevel, colStatus, colUnit, colDeadline, colActions, colCategory, colRegion
    case colSource
    case supervised, yes, no, any, unassigned, remaining, overdueBy, unitDays, unitHours, unitMinutes
    case workTriage, workToAccept, workInProgress, workDueSoon, workOverdue, workSupervised, workEscalated
    case workTruncated
    case filter, reset, exportCSV, nextPage, filterFrom, filterTo, filterSort
    case caseTitle, caseFields, description, participants, acceptDeadline, pendingExtension, resolution, feedback
    case createdAt, version, leadContested, timeline, routerProposal
    case parties, noParties, partiesHidden, showParties, partiesAudited, partiesNotice, partyRole, partyName
    case partyPhone, partyID
    case reason, note, result, channel, requester, afterFeedbackPeriod, newDeadlineOptional, supervisionDeadline
    case requestedDeadline
    case categorySearch, isPublic, proposalHint, assignAsProposed, previewRouting, saveCase
    case dashTotal, dashOpen, dashEscalations7, dashByStatus, dashByLevel, dashByKind, dashOverdueByUnit, dashRates
    case dashOnTime, dashFirstTime, dashReceived, dashResolved, dashTrend
    case unread, markAllRead
    case navAudit, navAdmin, auditActor, auditAction, auditObjectType, auditObjectID, auditTime, auditObject,
        auditChange
    case territorial, adminReadOnly, adminUnits, adminUsers, adminRouting, adminCategories, adminRegions, adminCode
    case adminName, adminNameEnglish, adminLeaders, adminRoles, adminDisabled, adminRule, adminPriority
    case adminTableVersion, savedFilters, noSavedFilters, filterName, saveFilter, deleteFilter
    case adminPolicies, policySLA, policyEscalation, policyCalendar, policyVersion, policyShipped, policyDocument
    case policySave, policySaved, policyPreviewLevel2
    case mergeTarget
    case adminAddUser, adminUserAdded, adminGeneratedPassword, adminPasswordOptional, adminDisable, adminEnable

    /// 简体中文.
    static let zhHans: [UIText: String] = [
        .appName: "平安 · 风险预警处置平台", .skipToContent: "跳到正文", .navLabel: "主导航", .navMyWork: "我的待办",
        .navLedger: "台账", .navNewCase: "受理登记", .navDashboard: "态势", .navInbox: "消息", .language: "语言",
        .logout: "退出", .loginTitle: "登录", .username: "用户名", .password: "密码", .login: "登录",
        .loginWrong: "用户名或密码错误。", .loginThrottled: "登录失败次数过多,请在 {seconds} 秒后再试。",
        .loginLocked: "连续登录失败,账户已锁定至 {time}(北京时间),请稍后再试或联系管理员。",
        .loginFormExpired: "登录表单已过期,请重新提交。", .sessionExpired: "会话已过期,请重新登录。", .loggedOut: "您已安全退出。",
        .errorTitle: "出错了", .errorServer: "服务器未能完成请求,请稍后再试;报告问题时请提供请求编号。", .errorNotFound: "未找到",
        .errorForbidden: "无权操作", .errorConflict: "操作与当前状态冲突", .errorInvalid: "提交的内容有误", .requestID: "请求编号",
        .backToWork: "返回我的待办", .allowedNow: "当前可执行的操作", .done: "已完成", .caseCreated: "案件已登记。",
        .open: "查看", .noCases: "暂无案件。", .noActions: "当前没有您可执行的操作。", .noEscalations: "暂无升级提醒。",
        .noNotifications: "暂无消息。", .colNumber: "案件编号", .colTitle: "标题", .colKind: "类型", .colLevel: "预警等级",
        .colStatus: "状态", .colUnit: "责任单位", .colDeadline: "办理期限", .colActions: "操作", .colCategory: "类别",
        .colRegion: "区域", .colSource: "来源", .supervised: "督办", .yes: "是", .no: "否", .any: "全部",
        .unassigned: "未分派", .remaining: "剩余", .overdueBy: "超期", .unitDays: "天", .unitHours: "小时",
        .unitMinutes: "分钟", .workTriage: "待分派与待结案", .workToAccept: "待签收", .workInProgress: "办理中",
        .workDueSoon: "24小时内到期", .workOverdue: "已超期", .workSupervised: "督办中", .workEscalated: "升级提醒",
        .workTruncated: "待办较多,此处只显示期限最近的500件;更多请在台账中筛选。", .filter: "筛选", .reset: "重置",
        .exportCSV: "导出CSV", .nextPage: "下一页", .filterFrom: "登记日期自", .filterTo: "登记日期至", .filterSort: "排序",
        .caseTitle: "案件", .caseFields: "基本信息", .description: "情况描述", .participants: "参与单位",
        .acceptDeadline: "签收期限", .pendingExtension: "延期申请", .resolution: "办理结果", .feedback: "评价",
        .createdAt: "登记时间", .version: "版本", .leadContested: "牵头单位有争议", .timeline: "办理过程",
        .routerProposal: "建议承办单位", .parties: "当事人", .noParties: "未登记当事人。",
        .partiesHidden: "当事人信息仅对承办单位可见。", .showParties: "查看当事人", .partiesAudited: "每次查看都会记入审计日志。",
        .partiesNotice: "当事人信息属个人信息,按需填写,加密保存,仅承办单位可见。", .partyRole: "身份", .partyName: "姓名",
        .partyPhone: "电话", .partyID: "证件号码", .reason: "理由", .note: "说明", .result: "办理结果",
        .channel: "化解途径", .requester: "提出方", .afterFeedbackPeriod: "反馈期已过(无评价结案)",
        .newDeadlineOptional: "新的办理期限(可选)", .supervisionDeadline: "督办期限", .requestedDeadline: "申请延至",
        .categorySearch: "输入类别代码或名称搜索", .isPublic: "可公开(市民可查询进度)",
        .proposalHint: "选择类别和区域后点击“查看建议承办单位”,系统将按路由表给出建议。", .assignAsProposed: "登记后按建议分派",
        .previewRouting: "查看建议承办单位", .saveCase: "登记", .dashTotal: "案件总数", .dashOpen: "未办结",
        .dashEscalations7: "近7天预警升级", .dashByStatus: "按状态", .dashByLevel: "按预警等级", .dashByKind: "按类型",
        .dashOverdueByUnit: "各单位超期件数", .dashRates: "本月各单位按期办结率与一次办结率", .dashOnTime: "按期办结率",
        .dashFirstTime: "一次办结率", .dashReceived: "受理", .dashResolved: "办结", .dashTrend: "近90天受理与办结趋势",
        .unread: "未读", .markAllRead: "全部标为已读", .navAudit: "审计日志", .navAdmin: "管理", .auditActor: "操作人",
        .auditAction: "操作", .auditObjectType: "对象类型", .auditObjectID: "对象编号", .auditTime: "时间", .auditObject: "对象",
        .auditChange: "变更内容", .territorial: "属地(所在街道办事处)",
        .adminReadOnly: "用户可在本页添加、停用;其他组织数据请通过接口修改,说明见", .adminUnits: "单位与领导", .adminUsers: "用户",
        .adminRouting: "路由表", .adminCategories: "案件类别", .adminRegions: "区域", .adminCode: "代码", .adminName: "名称",
        .adminNameEnglish: "英文名称", .adminLeaders: "领导", .adminRoles: "角色", .adminDisabled: "已停用",
        .mergeTarget: "并入的案件编号(保留办理的案件)", .adminAddUser: "添加用户", .adminUserAdded: "已添加用户",
        .adminGeneratedPassword: "初始密码(仅显示这一次)",
        .adminPasswordOptional: "初始密码(留空则自动生成)", .adminDisable: "停用", .adminEnable: "启用",
        .adminPolicies: "时限、升级规则与工作日历", .policySLA: "时限规则(受理与办结时限)",
        .policyEscalation: "预警升级规则", .policyCalendar: "工作日历(节假日与调休)", .policyVersion: "当前版本",
        .policyShipped: "出厂默认", .policyDocument: "规则文档(JSON,保存时整体校验,错误逐项列出)", .policySave: "保存为新版本",
        .policySaved: "已保存为新版本;进行中的升级链条仍按其开始时的版本执行。", .policyPreviewLevel2: "二级矛盾纠纷将按以下链条升级",
        .adminRule: "规则", .adminPriority: "优先级", .adminTableVersion: "路由表版本", .savedFilters: "常用筛选",
        .noSavedFilters: "尚未保存。", .filterName: "名称", .saveFilter: "保存当前筛选", .deleteFilter: "删除筛选",
    ]

    /// English.
    static let english: [UIText: String] = [
        .appName: "Pingan · risk early warning and disposal", .skipToContent: "Skip to content", .navLabel: "Main",
        .navMyWork: "My work", .navLedger: "Ledger", .navNewCase: "New case", .navDashboard: "Dashboard",
        .navInbox: "Inbox", .language: "Language", .logout: "Sign out", .loginTitle: "Sign in", .username: "Username",
        .password: "Password", .login: "Sign in", .loginWrong: "The username or password is wrong.",
        .loginThrottled: "Too many failed sign-ins; try again in {seconds} s.",
        .loginLocked:
            "After repeated failed sign-ins the account is locked until {time} (China Standard Time); try later or ask an administrator.",
        .loginFormExpired: "The sign-in form expired; please submit it again.",
        .sessionExpired: "Your session has expired; please sign in again.", .loggedOut: "You have signed out.",
        .errorTitle: "Something went wrong",
        .errorServer:
            "The server could not complete the request; try again later and quote the request id when reporting it.",
        .errorNotFound: "Not found", .errorForbidden: "Not allowed", .errorConflict: "Conflicts with the current state",
        .errorInvalid: "The input is not valid", .requestID: "Request id", .backToWork: "Back to my work",
        .allowedNow: "Actions allowed now", .done: "Done", .caseCreated: "The case was registered.", .open: "Open",
        .noCases: "No cases.", .noActions: "There is nothing you may do on this case now.",
        .noEscalations: "No escalations.", .noNotifications: "No notifications.", .colNumber: "Number",
        .colTitle: "Title", .colKind: "Kind", .colLevel: "Warning level", .colStatus: "Status",
        .colUnit: "Responsible unit", .colDeadline: "Deadline", .colActions: "Actions", .colCategory: "Category",
        .colRegion: "Region", .colSource: "Source", .supervised: "Supervised", .yes: "Yes", .no: "No", .any: "Any",
        .unassigned: "Unassigned", .remaining: "in ", .overdueBy: "overdue ", .unitDays: " d", .unitHours: " h",
        .unitMinutes: " min", .workTriage: "To route and to close", .workToAccept: "To accept",
        .workInProgress: "In progress", .workDueSoon: "Due within 24 hours", .workOverdue: "Overdue",
        .workSupervised: "Under supervision", .workEscalated: "Escalations",
        .workTruncated: "Only the 500 cases with the nearest deadlines are shown; filter the ledger for more.",
        .filter: "Filter", .reset: "Reset", .exportCSV: "Export CSV", .nextPage: "Next page",
        .filterFrom: "Registered from", .filterTo: "Registered to", .filterSort: "Sort", .caseTitle: "Case",
        .caseFields: "Details", .description: "Description", .participants: "Participating units",
        .acceptDeadline: "Acceptance deadline", .pendingExtension: "Extension request", .resolution: "Resolution",
        .feedback: "Feedback", .createdAt: "Registered", .version: "Version", .leadContested: "lead contested",
        .timeline: "Timeline", .routerProposal: "Proposed unit", .parties: "Parties",
        .noParties: "No parties recorded.", .partiesHidden: "Parties are shown to the handling units only.",
        .showParties: "Show parties", .partiesAudited: "Every view is written to the audit log.",
        .partiesNotice:
            "Parties are personal data: record only what is needed; stored encrypted, shown to the handling units only.",
        .partyRole: "Role", .partyName: "Name", .partyPhone: "Phone", .partyID: "ID number", .reason: "Reason",
        .note: "Note", .result: "Result", .channel: "Resolution channel", .requester: "Requested by",
        .afterFeedbackPeriod: "Feedback period over (close without rating)",
        .newDeadlineOptional: "New deadline (optional)", .supervisionDeadline: "Supervision deadline",
        .requestedDeadline: "Extend to", .categorySearch: "Type a category code or name",
        .isPublic: "Public (citizens may follow it)",
        .proposalHint: "Choose a category and a region, then \"Show proposed unit\": the routing table proposes one.",
        .assignAsProposed: "Assign as proposed after registering", .previewRouting: "Show proposed unit",
        .saveCase: "Register", .dashTotal: "Cases", .dashOpen: "Unresolved",
        .dashEscalations7: "Escalations, last 7 days",
        .dashByStatus: "By status", .dashByLevel: "By warning level", .dashByKind: "By kind",
        .dashOverdueByUnit: "Overdue by unit", .dashRates: "This month's on-time and first-time resolution by unit",
        .dashOnTime: "On time", .dashFirstTime: "First time", .dashReceived: "Received", .dashResolved: "Resolved",
        .dashTrend: "Received and resolved, last 90 days", .unread: "Unread", .markAllRead: "Mark all read",
        .navAudit: "Audit log", .navAdmin: "Administration", .auditActor: "Actor", .auditAction: "Action",
        .auditObjectType: "Object type", .auditObjectID: "Object id", .auditTime: "Time", .auditObject: "Object",
        .auditChange: "Change", .territorial: "Territorial (the street office)",
        .adminReadOnly:
            "Users are added and disabled here; other organisation data changes through the API, described at",
        .adminUnits: "Units and leaders",
        .adminUsers: "Users", .adminRouting: "Routing table", .adminCategories: "Categories", .adminRegions: "Regions",
        .adminCode: "Code", .adminName: "Name", .adminNameEnglish: "English name", .adminLeaders: "Leaders",
        .adminRoles: "Roles", .adminDisabled: "Disabled", .adminRule: "Rule", .adminPriority: "Priority",
        .mergeTarget: "Number of the case to merge into (the one that is worked on)", .adminAddUser: "Add a user",
        .adminUserAdded: "User added:",
        .adminGeneratedPassword: "initial password (shown this once)",
        .adminPasswordOptional: "Initial password (left empty: one is generated)", .adminDisable: "Disable",
        .adminEnable: "Enable",
        .adminPolicies: "Deadlines, escalation and calendar", .policySLA: "SLA policy (time to accept and resolve)",
        .policyEscalation: "Escalation policy", .policyCalendar: "Working-day calendar (holidays and adjusted days)",
        .policyVersion: "Version in force", .policyShipped: "shipped default",
        .policyDocument: "Rule document (JSON, validated as a whole when saved; every error is listed)",
        .policySave: "Save as a new version",
        .policySaved: "Saved as a new version; running escalation chains keep the version they started under.",
        .policyPreviewLevel2: "A level-2 dispute would escalate along this chain",
        .adminTableVersion: "Routing table version", .savedFilters: "Saved filters", .noSavedFilters: "None yet.",
        .filterName: "Name", .saveFilter: "Save this filter", .deleteFilter: "Delete filter",
    ]

    /// Labels of enumeration values in Simplified Chinese, keyed `family.value`.
    static let zhHansLabels: [String: String] = [
        "status.received": "待分派", "status.assigned": "待签收", "status.in_progress": "办理中", "status.resolved": "已办结",
        "status.closed": "已结案", "status.merged": "已并单",
        "kind.dispute": "矛盾纠纷", "kind.hazard": "安全隐患", "kind.request": "群众诉求", "kind.opinion_warning": "舆情预警",
        "kind.incident": "突发事件",
        "level.none": "无", "level.level3": "三级", "level.level2": "二级", "level.level1": "一级", "level.blue": "蓝色",
        "level.yellow": "黄色", "level.orange": "橙色", "level.red": "红色",
        "source.grid": "网格上报", "source.hotline": "12345热线", "source.walk_in": "来访", "source.online": "网上",
        "source.signal": "舆情监测", "source.open311": "Open311",
        "channel.direct_handling": "直接办理", "channel.settlement": "和解", "channel.people_mediation": "人民调解",
        "channel.administrative_mediation": "行政调解", "channel.judicial_mediation": "司法调解", "channel.arbitration": "仲裁",
        "channel.administrative_ruling": "行政裁决", "channel.administrative_reconsideration": "行政复议",
        "channel.litigation": "诉讼",
        "feedback.satisfied": "满意", "feedback.unsatisfied": "不满意", "feedback.none": "无评价",
        "requester.citizen": "群众", "requester.centre": "中心",
        "action.assign": "分派", "action.accept": "签收", "action.add_progress": "报告进展", "action.return_to_centre": "退回",
        "action.resolve": "办结上报", "action.close": "结案", "action.reopen": "重办", "action.supervise_on": "督办",
        "action.supervise_off": "解除督办", "action.request_extension": "申请延期", "action.approve_extension": "批准延期",
        "action.refuse_extension": "不予延期", "action.change_level": "调整预警等级", "action.mark_contested": "牵头争议",
        "action.designate_lead": "指定牵头单位", "action.merge_into": "并单", "action.add_note": "备注",
        "event.created": "受理登记", "event.assigned": "分派", "event.accepted": "签收", "event.progress": "进展",
        "event.returned": "退回", "event.resolved": "办结上报", "event.closed": "结案", "event.reopened": "重办",
        "event.supervision_on": "督办", "event.supervision_off": "解除督办", "event.extension_requested": "申请延期",
        "event.extension_approved": "批准延期", "event.extension_refused": "不予延期", "event.extension_dropped": "延期申请失效",
        "event.level_changed": "调整预警等级", "event.lead_contested": "牵头争议", "event.lead_designated": "指定牵头单位",
        "event.escalated": "预警升级", "event.merged": "并入他案", "event.merged_from": "他案并入", "event.note": "备注",
        "role.admin": "管理员", "role.operator": "综治中心工作人员", "role.handler": "经办人", "role.grid_worker": "网格员",
        "role.leader": "领导", "role.analyst": "研判人员", "role.assessor": "考核人员",
        "sort.newest": "最新登记在前", "sort.oldest": "最早登记在前", "sort.deadline": "期限最近在前",
        "party.applicant": "申请人", "party.respondent": "被申请人", "party.other": "其他",
        "actor.user": "用户", "actor.system": "系统", "actor.citizen": "群众",
        "leader.deputy": "分管领导", "leader.government_principal": "政府主要领导", "leader.party_principal": "党委主要领导",
        "unitkind.centre": "综治中心", "unitkind.department": "职能部门", "unitkind.street_office": "街道办事处",
        "unitkind.community": "社区", "unitkind.other": "其他",
    ]

    /// Labels of enumeration values in English.
    static let englishLabels: [String: String] = [
        "status.received": "Received", "status.assigned": "Assigned", "status.in_progress": "In progress",
        "status.resolved": "Resolved", "status.closed": "Closed", "status.merged": "Merged",
        "kind.dispute": "Dispute", "kind.hazard": "Hazard", "kind.request": "Request",
        "kind.opinion_warning": "Public-concern warning", "kind.incident": "Incident",
        "level.none": "None", "level.level3": "Level 3", "level.level2": "Level 2", "level.level1": "Level 1",
        "level.blue": "Blue", "level.yellow": "Yellow", "level.orange": "Orange", "level.red": "Red",
        "source.grid": "Grid report", "source.hotline": "Hotline 12345", "source.walk_in": "Walk-in",
        "source.online": "Online", "source.signal": "Signal", "source.open311": "Open311",
        "channel.direct_handling": "Direct handling", "channel.settlement": "Settlement",
        "channel.people_mediation": "People's mediation",
        "channel.administrative_mediation": "Administrative mediation",
        "channel.judicial_mediation": "Judicial mediation", "channel.arbitration": "Arbitration",
        "channel.administrative_ruling": "Administrative ruling",
        "channel.administrative_reconsideration": "Administrative reconsideration", "channel.litigation": "Litigation",
        "feedback.satisfied": "Satisfied", "feedback.unsatisfied": "Unsatisfied", "feedback.none": "No rating",
        "requester.citizen": "Citizen", "requester.centre": "Centre",
        "action.assign": "Assign", "action.accept": "Accept", "action.add_progress": "Report progress",
        "action.return_to_centre": "Return to centre", "action.resolve": "Report resolved", "action.close": "Close",
        "action.reopen": "Reopen", "action.supervise_on": "Supervise", "action.supervise_off": "End supervision",
        "action.request_extension": "Request extension", "action.approve_extension": "Approve extension",
        "action.refuse_extension": "Refuse extension", "action.change_level": "Change level",
        "action.mark_contested": "Mark lead contested", "action.designate_lead": "Designate lead",
        "action.merge_into": "Merge", "action.add_note": "Add note",
        "event.created": "Registered", "event.assigned": "Assigned", "event.accepted": "Accepted",
        "event.progress": "Progress", "event.returned": "Returned", "event.resolved": "Resolved",
        "event.closed": "Closed", "event.reopened": "Reopened", "event.supervision_on": "Supervision on",
        "event.supervision_off": "Supervision off", "event.extension_requested": "Extension requested",
        "event.extension_approved": "Extension approved", "event.extension_refused": "Extension refused",
        "event.extension_dropped": "Extension request lapsed", "event.level_changed": "Level changed",
        "event.lead_contested": "Lead contested", "event.lead_designated": "Lead designated",
        "event.escalated": "Escalated", "event.merged": "Merged into another case",
        "event.merged_from": "Another case merged in", "event.note": "Note",
        "role.admin": "Administrator", "role.operator": "Centre operator", "role.handler": "Handler",
        "role.grid_worker": "Grid worker", "role.leader": "Leader", "role.analyst": "Analyst",
        "role.assessor": "Assessor",
        "sort.newest": "Newest first", "sort.oldest": "Oldest first", "sort.deadline": "Nearest deadline first",
        "party.applicant": "Applicant", "party.respondent": "Respondent", "party.other": "Other",
        "actor.user": "User", "actor.system": "System", "actor.citizen": "Citizen",
        "leader.deputy": "Deputy leader", "leader.government_principal": "Government principal",
        "leader.party_principal": "Party principal", "unitkind.centre": "Centre", "unitkind.department": "Department",
        "unitkind.street_office": "Street office", "unitkind.community": "Community", "unitkind.other": "Other",
    ]
}
