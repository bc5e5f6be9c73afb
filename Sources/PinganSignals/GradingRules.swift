import Foundation

/// The four-colour grading rule set as data (issue 5, §8; BRIEF §2): for each colour, thresholds on the topic's
/// metrics; a colour is reached when all its `required` conditions and at least `minimumMatched` conditions hold;
/// the highest reached colour wins. A level falls only after `quietDays` days below it (hysteresis). Decoded from
/// JSON (`pingan signals topics --rules grading.json`); `standard` is the shipped default, to be tuned on data.
public struct GradingRules: Sendable, Codable, Equatable {
    /// A topic metric a condition can test.
    public enum Metric: String, Sendable, Codable, CaseIterable {
        /// Posts of the story on its latest day, duplicates included.
        case volume
        /// Latest day's volume ÷ max(1, mean daily volume of the 7 days before).
        case growth
        /// 1 if EARS C1 (minSigma 1) alarms on the story's daily counts for the latest day, else 0.
        case aberration
        /// Share of negative posts in the story's window.
        case negativeShare
        /// Distinct regions in the story's window.
        case regions
        /// Distinct sources in the story's window.
        case sources
        /// Reposts + comments + likes in the story's window.
        case engagement
        /// Severity 0–3 of the story's risk domain (0 = none).
        case domainSeverity
    }

    /// One threshold: `metric` ≥ `atLeast`.
    public struct Condition: Sendable, Codable, Equatable {
        /// The metric.
        public var metric: Metric
        /// The threshold (inclusive).
        public var atLeast: Double
        /// Whether the level needs this condition whatever the others.
        public var required: Bool?

        /// Creates a condition.
        public init(_ metric: Metric, atLeast: Double, required: Bool? = nil) {
            self.metric = metric
            self.atLeast = atLeast
            self.required = required
        }
    }

    /// The conditions of one colour.
    public struct Level: Sendable, Codable, Equatable {
        /// The colour reached.
        public var colour: WarningColour
        /// How many conditions must hold.
        public var minimumMatched: Int
        /// The conditions.
        public var conditions: [Condition]

        /// Creates a level.
        public init(colour: WarningColour, minimumMatched: Int, conditions: [Condition]) {
            self.colour = colour
            self.minimumMatched = minimumMatched
            self.conditions = conditions
        }
    }

    /// The levels (any order).
    public var levels: [Level]
    /// Days a computed level must stay below the current one before the level falls.
    public var quietDays: Int

    /// Creates a rule set.
    public init(levels: [Level], quietDays: Int) {
        self.levels = levels
        self.quietDays = quietDays
    }

    /// Decodes a rule set from JSON and checks it.
    public static func decode(_ data: Data) throws -> GradingRules {
        let rules: GradingRules
        do {
            rules = try JSONDecoder().decode(GradingRules.self, from: data)
        } catch {
            throw SignalsError.invalidRules(reason: "not a valid rule set: \(error)")
        }
        for level in rules.levels where level.colour == .none || level.minimumMatched > level.conditions.count {
            throw SignalsError.invalidRules(
                reason: "level \(level.colour.rawValue): colour must not be none and minimumMatched ≤ conditions")
        }
        guard rules.quietDays >= 0 else { throw SignalsError.invalidRules(reason: "quietDays must be ≥ 0") }
        return rules
    }

    /// The shipped defaults.
    public static let standard = GradingRules(
        levels: [
            Level(
                colour: .blue, minimumMatched: 2,
                conditions: [
                    Condition(.volume, atLeast: 10, required: true), Condition(.negativeShare, atLeast: 0.3),
                    Condition(.aberration, atLeast: 1), Condition(.domainSeverity, atLeast: 1),
                ]),
            Level(
                colour: .yellow, minimumMatched: 3,
                conditions: [
                    Condition(.volume, atLeast: 30, required: true),
                    Condition(.negativeShare, atLeast: 0.4, required: true),
                    Condition(.growth, atLeast: 2), Condition(.aberration, atLeast: 1), Condition(.regions, atLeast: 2),
                    Condition(.domainSeverity, atLeast: 2),
                ]),
            Level(
                colour: .orange, minimumMatched: 5,
                conditions: [
                    Condition(.volume, atLeast: 100, required: true),
                    Condition(.negativeShare, atLeast: 0.5, required: true),
                    Condition(.growth, atLeast: 3), Condition(.aberration, atLeast: 1), Condition(.regions, atLeast: 3),
                    Condition(.sources, atLeast: 2), Condition(.engagement, atLeast: 5000),
                    Condition(.domainSeverity, atLeast: 2),
                ]),
            Level(
                colour: .red, minimumMatched: 6,
                conditions: [
                    Condition(.volume, atLeast: 300, required: true),
                    Condition(.negativeShare, atLeast: 0.6, required: true),
                    Condition(.domainSeverity, atLeast: 3, required: true), Condition(.growth, atLeast: 5),
                    Condition(.aberration, atLeast: 1), Condition(.regions, atLeast: 5),
                    Condition(.sources, atLeast: 3),
                    Condition(.engagement, atLeast: 50_000),
                ]),
        ],
        quietDays: 2
    )
}
