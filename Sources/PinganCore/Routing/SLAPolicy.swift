import Foundation

/// The service-level policy (时限): for each kind of case, optionally narrowed by category and warning level, the time
/// to accept (受理) and the time to resolve (办结), in calendar hours or working days (BRIEF §1 "限时化解"; issue 3
/// "Deadlines"; DESIGN principle 2 "Rules are data").
///
/// Rule selection: a rule applies when its kind equals the case's and its category pattern and level, when given,
/// match. Of the applicable rules, one that names the level beats one that does not (urgency decides first); then the
/// more specific category pattern wins (no pattern counts below `*`). Every kind has a fallback rule without category
/// or level, so a case always has deadlines. Both deadlines count from the moment the case was received (受理).
public struct SLAPolicy: Sendable, Equatable, Codable {
    /// A length of time in calendar hours or in working days of the ``WorkCalendar``.
    ///
    /// JSON: `{"hours": 24}` or `{"working_days": 5}`.
    public enum Duration: Sendable, Hashable, Codable {
        /// Calendar hours (24 hours a day, holidays included).
        case hours(Int)
        /// Working days; ends at 24:00 local time of the last working day.
        case workingDays(Int)

        /// The citizen-facing resolution promise (Open311 prints it): "受理后5个工作日内办结", "24小时内办结".
        public var noticeText: String {
            switch self {
            case .hours(let hours): "\(hours)小时内办结"
            case .workingDays(let days): "受理后\(days)个工作日内办结"
            }
        }

        /// The acceptance promise: "1小时内受理", "1个工作日内受理".
        public var acceptanceNoticeText: String {
            switch self {
            case .hours(let hours): "\(hours)小时内受理"
            case .workingDays(let days): "\(days)个工作日内受理"
            }
        }

        /// The instant the duration ends when it starts at `start`.
        public func end(from start: Date, calendar: WorkCalendar) throws(PinganError) -> Date {
            switch self {
            case .hours(let hours): start.addingTimeInterval(TimeInterval(hours) * 3_600)
            case .workingDays(let days): try calendar.addingWorkingDays(days, to: start)
            }
        }

        enum CodingKeys: String, CodingKey {
            case hours
            case workingDays = "working_days"
        }

        /// Decodes `{"hours": n}` or `{"working_days": n}` (exactly one of them).
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let hours = try container.decodeIfPresent(Int.self, forKey: .hours)
            let days = try container.decodeIfPresent(Int.self, forKey: .workingDays)
            switch (hours, days) {
            case (let hours?, nil): self = .hours(hours)
            case (nil, let days?): self = .workingDays(days)
            default:
                throw DecodingError.dataCorrupted(
                    .init(
                        codingPath: decoder.codingPath,
                        debugDescription: "a duration has exactly one of 'hours' and 'working_days'"))
            }
        }

        /// Encodes `{"hours": n}` or `{"working_days": n}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .hours(let hours): try container.encode(hours, forKey: .hours)
            case .workingDays(let days): try container.encode(days, forKey: .workingDays)
            }
        }

        var amount: Int {
            switch self {
            case .hours(let value), .workingDays(let value): value
            }
        }
    }

    /// One rule: kind × category (optional) × level (optional) → accept and resolve durations.
    public struct Rule: Sendable, Equatable, Codable {
        /// The kind of case.
        public var kind: CaseKind
        /// The categories, or `nil` for every category.
        public var category: CategoryPattern?
        /// The warning level, or `nil` for every level.
        public var level: WarningLevel?
        /// Time to accept (受理时限).
        public var accept: Duration
        /// Time to resolve (办结时限).
        public var resolve: Duration

        /// Creates a rule.
        public init(
            kind: CaseKind, category: CategoryPattern? = nil, level: WarningLevel? = nil, accept: Duration,
            resolve: Duration
        ) {
            self.kind = kind
            self.category = category
            self.level = level
            self.accept = accept
            self.resolve = resolve
        }

        /// Whether the rule applies to a case of this kind, category and level.
        public func applies(kind: CaseKind, category: String, level: WarningLevel) -> Bool {
            self.kind == kind && (self.category?.matches(category) ?? true) && (self.level.map { $0 == level } ?? true)
        }
    }

    /// The policy name (`default`).
    public var name: String
    /// The document version; a case keeps the version its deadlines came from.
    public var version: Int
    /// The rules.
    public var rules: [Rule]

    /// Creates a policy; call ``validate()`` before using one that came from outside.
    public init(name: String, version: Int, rules: [Rule]) {
        self.name = name
        self.version = version
        self.rules = rules
    }

    /// Decodes and validates a policy document; errors name their field path (`rules[3].resolve`).
    public static func load(json: Data) throws(PinganError) -> SLAPolicy {
        let policy = try JSONDocument.decode(SLAPolicy.self, from: json)
        try policy.validate()
        return policy
    }

    /// Checks the policy: a name; a version from 1; durations from 1 (at most 8,760 hours or 250 working days);
    /// acceptance no later than resolution when both use the same unit; a level on the kind's scale (dispute levels
    /// for disputes, colours for opinion warnings); no two rules for the same kind, category and level; a fallback
    /// rule (no category, no level) for every kind.
    public func validate() throws(PinganError) {
        var violations: [FieldViolation] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty {
            violations.append(.init(field: "name", rule: "required", detail: "a policy has a name"))
        }
        if version < 1 {
            violations.append(.init(field: "version", rule: "range", detail: "the version is a whole number from 1"))
        }
        var seen: [String: Int] = [:]
        for (index, rule) in rules.enumerated() {
            let at = "rules[\(index)]"
            for (field, duration) in [("accept", rule.accept), ("resolve", rule.resolve)] {
                let limit = if case .hours = duration { 8_760 } else { 250 }
                if !(1...limit).contains(duration.amount) {
                    violations.append(
                        .init(field: "\(at).\(field)", rule: "range", detail: "a duration is from 1 to \(limit)"))
                }
            }
            switch (rule.accept, rule.resolve) {
            case (.hours(let accept), .hours(let resolve)) where accept > resolve,
                (.workingDays(let accept), .workingDays(let resolve)) where accept > resolve:
                violations.append(
                    .init(field: "\(at).accept", rule: "order", detail: "acceptance cannot be due after resolution"))
            default:
                break
            }
            if let level = rule.level, level != .none {
                if rule.kind == .dispute && !level.isDisputeLevel {
                    violations.append(
                        .init(
                            field: "\(at).level", rule: "scale", detail: "a dispute has the levels level3/level2/level1"
                        ))
                } else if rule.kind == .opinionWarning && !level.isColour {
                    violations.append(
                        .init(
                            field: "\(at).level", rule: "scale",
                            detail: "an opinion warning has the colours blue/yellow/orange/red"))
                }
            }
            let key = "\(rule.kind.rawValue)|\(rule.category?.text ?? "")|\(rule.level?.rawValue ?? "")"
            if let first = seen[key] {
                violations.append(
                    .init(field: at, rule: "duplicate", detail: "rules[\(first)] has the same kind, category and level")
                )
            } else {
                seen[key] = index
            }
        }
        for kind in CaseKind.allCases where seen["\(kind.rawValue)||"] == nil {
            violations.append(
                .init(
                    field: "rules", rule: "fallback_missing",
                    detail: "kind \(kind.rawValue) needs a rule without category and level"))
        }
        guard violations.isEmpty else { throw .invalid(violations) }
    }

    /// The rule that governs a case of this kind, category and level, with its index, or `nil` if none applies (a
    /// validated policy always has one).
    public func rule(kind: CaseKind, category: String, level: WarningLevel) -> (index: Int, rule: Rule)? {
        var best: (index: Int, rule: Rule, rank: (Int, Int))?
        for (index, rule) in rules.enumerated() where rule.applies(kind: kind, category: category, level: level) {
            let rank = (rule.level == nil ? 0 : 1, rule.category.map { $0.specificity } ?? -1)
            if best == nil || rank > (best?.rank ?? (0, 0)) { best = (index, rule, rank) }
        }
        return best.map { ($0.index, $0.rule) }
    }

    /// The acceptance and resolution deadlines of a case received at `receivedAt`, with the rule that produced them.
    public func deadlines(
        kind: CaseKind, category: String, level: WarningLevel, receivedAt: Date, calendar: WorkCalendar
    ) throws(PinganError) -> SLADeadlines {
        guard let (index, rule) = rule(kind: kind, category: category, level: level) else {
            throw .notFound(entity: "SLA rule", id: "\(kind.rawValue)/\(category)/\(level.rawValue)")
        }
        let acceptBy = try rule.accept.end(from: receivedAt, calendar: calendar)
        let resolveBy = try rule.resolve.end(from: receivedAt, calendar: calendar)
        var scope = kind.rawValue
        if let category = rule.category { scope += " · \(category)" }
        if let level = rule.level { scope += " · \(level.label)" }
        let explanation =
            "按时限规则 rules[\(index)](\(scope)):\(rule.accept.acceptanceNoticeText),\(rule.resolve.noticeText);"
            + "受理期限 \(LocalTime.text(acceptBy, in: calendar.timeZone)),"
            + "办结期限 \(LocalTime.text(resolveBy, in: calendar.timeZone))"
            + "(\(calendar.timeZone.identifier))。"
        return SLADeadlines(
            policyName: name, policyVersion: version, ruleIndex: index, rule: rule, acceptBy: acceptBy,
            resolveBy: resolveBy, explanation: explanation)
    }
}
