import Foundation
import PinganCore
import Testing

@Suite("Computing deductions from rules and facts")
struct DeductionRuleTests {
    private let homicideRate = DeductionRule(
        basis: .rateThreshold(
            .init(
                metric: "万人命案发案率", perPopulation: 10_000, comparison: .above,
                threshold: Decimal(string: "0.6") ?? 0, firstDeduction: 20, stepSize: Decimal(string: "0.1"),
                stepDeduction: 10)),
        cap: 50)

    private func decimal(_ text: String) -> Decimal {
        Decimal(string: text) ?? .nan
    }

    @Test("A per-incident rule deducts its points for every incident and explains the figures")
    func perIncident() {
        let rule = DeductionRule(basis: .perIncident(points: 10, counter: "起"))
        let outcome = rule.deduction(for: DeductionFacts(incidents: 3))
        #expect(outcome.points == 30)
        #expect(outcome.explanation == "3 起 × -10 = -30")
        #expect(rule.deduction(for: DeductionFacts()).points == 0)
    }

    @Test("A severity rule adds the grades and names severities it does not cover")
    func bySeverity() {
        let rule = DeductionRule(
            basis: .perIncidentBySeverity([
                .init(severity: "特别重大", points: 30, counter: "起"), .init(severity: "重大", points: 15, counter: "起"),
            ]),
            cap: 50)
        let outcome = rule.deduction(for: DeductionFacts(incidentsBySeverity: ["特别重大": 1, "重大": 2, "一般": 4]))
        #expect(outcome.points == 50)
        #expect(outcome.uncappedPoints == 60)
        #expect(outcome.isCapped)
        #expect(
            outcome.explanation == "特别重大 1 起 × -30 + 重大 2 起 × -15 = -60 (not covered by the rule: 一般); capped at -50")
    }

    @Test("A per-person rule deducts for every person")
    func perPerson() {
        let outcome = DeductionRule(basis: .perPerson(points: 3)).deduction(for: DeductionFacts(persons: 2))
        #expect(outcome.points == 6)
        #expect(outcome.explanation == "2 人 × -3 = -6")
    }

    @Test(
        "A rate threshold deducts the first step, then whole further steps, up to the cap",
        arguments: [
            ("0.6", "0"), ("0.65", "20"), ("0.7", "30"), ("0.79", "30"), ("0.85", "40"), ("0.9", "50"), ("2", "50"),
        ]
    )
    func rateSteps(rate: String, expected: String) {
        #expect(homicideRate.deduction(for: DeductionFacts(rate: decimal(rate))).points == decimal(expected))
    }

    @Test("A rate rule explains the rate, the threshold and the steps")
    func rateExplanation() {
        let outcome = homicideRate.deduction(for: DeductionFacts(rate: decimal("0.85")))
        #expect(outcome.explanation == "万人命案发案率 0.85 per 10,000 > 0.6: -20 + 2 further step(s) of 0.1 × -10 = -40")
        let none = homicideRate.deduction(for: DeductionFacts(rate: decimal("0.5")))
        #expect(none.explanation == "万人命案发案率 0.5 per 10,000 is not > 0.6: no deduction")
        #expect(homicideRate.deduction(for: DeductionFacts()).explanation == "no rate given for 万人命案发案率")
    }

    @Test("A rate is computed from a count and a population")
    func rateFromCount() throws {
        let rate = try #require(DeductionFacts.rate(count: 36, population: 450_000, perPopulation: 10_000))
        #expect(rate == decimal("0.8"))
        #expect(homicideRate.deduction(for: DeductionFacts(rate: rate)).points == 40)
        #expect(DeductionFacts.rate(count: 1, population: 0, perPopulation: 10_000) == nil)
    }

    @Test("A rate at the threshold counts for ≥ but not for >")
    func comparisons() {
        var threshold = DeductionRule.RateThreshold(
            metric: "率", perPopulation: nil, comparison: .atLeast, threshold: 5, firstDeduction: 2)
        #expect(DeductionRule(basis: .rateThreshold(threshold)).deduction(for: DeductionFacts(rate: 5)).points == 2)
        threshold.comparison = .above
        #expect(DeductionRule(basis: .rateThreshold(threshold)).deduction(for: DeductionFacts(rate: 5)).points == 0)
        threshold.comparison = .below
        #expect(DeductionRule(basis: .rateThreshold(threshold)).deduction(for: DeductionFacts(rate: 4)).points == 2)
    }

    @Test("Rules survive a Codable round trip")
    func codable() throws {
        let data = try JSONEncoder().encode(homicideRate)
        #expect(try JSONDecoder().decode(DeductionRule.self, from: data) == homicideRate)
    }
}

extension DeductionRuleTests {
    @Test("Rules describe themselves in one line for dry runs")
    func descriptions() {
        #expect(DeductionRule(basis: .perIncident(points: 30, counter: "件")).description == "-30 per 件")
        #expect(DeductionRule(basis: .perPerson(points: 3), cap: 15).description == "-3 per person (人); at most -15")
        #expect(
            homicideRate.description
                == "万人命案发案率 > 0.6 (per 10,000): -20, then -10 per further 0.1; at most -50")
    }

    @Test("Dates print as ISO 8601, with or without a day")
    func dates() {
        #expect(ListDate(year: 2025, month: 3, day: 10).description == "2025-03-10")
        #expect(ListDate(year: 2025, month: 3).description == "2025-03")
    }
}
