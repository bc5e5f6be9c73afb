/// Grades stories with the four colours (issue 5, §8; BRIEF §2) from `GradingRules`, explaining every grade with
/// the conditions that held and their numbers, with hysteresis: a colour rises as soon as the evidence reaches it
/// and falls only after the computed colour has stayed below it for `quietDays` days.
public struct ColourGrader: Sendable {
    /// A story's metrics at grading time.
    public struct Metrics: Sendable, Equatable {
        /// Values by metric.
        public var values: [GradingRules.Metric: Double]
        /// Human-readable detail per metric (e.g. the EARS numbers).
        public var details: [GradingRules.Metric: String]

        /// Creates metrics.
        public init(values: [GradingRules.Metric: Double], details: [GradingRules.Metric: String] = [:]) {
            self.values = values
            self.details = details
        }
    }

    /// A grade with its explanation.
    public struct Grade: Sendable, Equatable {
        /// The colour after hysteresis.
        public var colour: WarningColour
        /// The colour the evidence of this evaluation alone gives.
        public var computed: WarningColour
        /// One line per condition that held for the computed colour, plus a hysteresis note if it applied.
        public var explanation: [String]
    }

    private struct State: Sendable {
        var colour: WarningColour
        var belowSince: Int?
    }

    /// The rules.
    public let rules: GradingRules
    private var states: [Int: State] = [:]

    /// Creates a grader.
    public init(rules: GradingRules = .standard) {
        self.rules = rules
    }

    /// The colour the rules give for `metrics`, with the conditions that held.
    public func evaluate(_ metrics: Metrics) -> (colour: WarningColour, reasons: [String]) {
        for level in rules.levels.sorted(by: { $0.colour > $1.colour }) {
            var matched = 0
            var requiredOK = true
            var reasons: [String] = []
            for condition in level.conditions {
                let value = metrics.values[condition.metric] ?? 0
                if value >= condition.atLeast {
                    matched += 1
                    var line = "\(condition.metric.rawValue) \(Self.format(value)) ≥ \(Self.format(condition.atLeast))"
                    if let detail = metrics.details[condition.metric] { line += " (\(detail))" }
                    reasons.append(line)
                } else if condition.required == true {
                    requiredOK = false
                }
            }
            if requiredOK && matched >= level.minimumMatched {
                return (
                    level.colour,
                    [
                        "\(level.colour.rawValue): \(matched) of \(level.conditions.count) conditions"
                            + " (≥ \(level.minimumMatched) needed)"
                    ] + reasons
                )
            }
        }
        return (.none, [])
    }

    /// Grades story `storyID` on `day` (UTC day number), applying hysteresis against its previous grade.
    public mutating func grade(storyID: Int, metrics: Metrics, day: Int) -> Grade {
        let (computed, reasons) = evaluate(metrics)
        var state = states[storyID] ?? State(colour: .none, belowSince: nil)
        var explanation = reasons
        if computed >= state.colour {
            state = State(colour: computed, belowSince: nil)
        } else {
            let since = state.belowSince ?? day
            if day - since >= rules.quietDays {
                explanation.append("fell from \(state.colour.rawValue) after \(day - since) quiet day(s)")
                state = State(colour: computed, belowSince: nil)
            } else {
                explanation.append(
                    "held at \(state.colour.rawValue): evidence gives \(computed.rawValue) for \(day - since) day(s), "
                        + "quiet period \(rules.quietDays) day(s)")
                state.belowSince = since
            }
        }
        states[storyID] = state
        return Grade(colour: state.colour, computed: computed, explanation: explanation)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String((value * 1000).rounded() / 1000)
    }
}
