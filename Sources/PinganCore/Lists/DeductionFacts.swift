import Foundation

/// What happened in an assessment period, as a deduction rule needs it: incidents, incidents by severity, persons
/// concerned, and a rate (BRIEF §4, issue 7 "Deduction rules").
public struct DeductionFacts: Sendable, Equatable, Codable {
    /// Number of incidents, for `perIncident` rules.
    public var incidents: Int
    /// Number of incidents per severity grade as the rule names it (特别重大, 重大), for `perIncidentBySeverity`.
    public var incidentsBySeverity: [String: Int]
    /// Number of persons concerned, for `perPerson` rules.
    public var persons: Int
    /// The rate for `rateThreshold` rules, in the rule's own terms (per 10,000 people, or percent).
    public var rate: Decimal?

    /// Creates facts; everything not given is zero or absent.
    public init(incidents: Int = 0, incidentsBySeverity: [String: Int] = [:], persons: Int = 0, rate: Decimal? = nil) {
        self.incidents = incidents
        self.incidentsBySeverity = incidentsBySeverity
        self.persons = persons
        self.rate = rate
    }

    /// The rate of `count` events among `population` people, per `perPopulation` people (for example 3 homicides
    /// among 450,000 people per 10,000 is 0.0666…); nil when the population is not positive.
    public static func rate(count: Int, population: Int, perPopulation: Int) -> Decimal? {
        guard population > 0 else { return nil }
        return Decimal(count) * Decimal(perPopulation) / Decimal(population)
    }
}
