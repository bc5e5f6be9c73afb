import Foundation
import Testing

@testable import PinganCore

@Suite("Duplicate suggestions at intake")
struct DuplicateSuggesterTests {
    let now = CaseFixtures.now
    let hour: TimeInterval = 3600
    let grid = "990100/990102/990102001/990102001002/990102001002003"
    let neighbourGrid = "990100/990102/990102001/990102001002/990102001002004"
    let community = "990100/990102/990102001/990102001002"
    let otherStreetGrid = "990100/990102/990102002/990102002001/990102002001001"
    let probeText = "明德小区物业擅自上调停车费,业主多次协商未果"

    func probe() -> DuplicateProbe {
        DuplicateProbe(categoryCode: "housing.property", regionPath: grid, text: probeText, at: now)
    }

    func candidate(
        _ sequence: Int, text: String? = nil, region: String? = nil, category: String = "housing.property",
        hoursAgo: Double = 2, status: CaseStatus = .inProgress
    ) -> DuplicateCandidate {
        DuplicateCandidate(
            caseID: UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", sequence))!,
            number: String(format: "QS-2026-%06d", sequence), categoryCode: category, regionPath: region ?? grid,
            text: text ?? probeText, createdAt: now.addingTimeInterval(-hoursAgo * hour), status: status)
    }

    @Test func theSameTextInTheSameGridJustNowRanksFirstWithAScoreNearOne() throws {
        let suggestions = DuplicateSuggester().suggestions(
            for: probe(),
            among: [
                candidate(2, text: "明德小区物业上调停车费,业主不满", hoursAgo: 5),
                candidate(1, hoursAgo: 0),
                candidate(3, region: neighbourGrid, hoursAgo: 0),
            ])
        #expect(suggestions.map(\.number) == ["QS-2026-000001", "QS-2026-000003", "QS-2026-000002"])
        let best = try #require(suggestions.first)
        #expect(best.textSimilarity == 1)
        #expect(best.proximity == .same)
        #expect(best.score == 1)
        #expect(suggestions[1].proximity == .sameParent)
        #expect(abs(suggestions[1].score - (0.6 + 0.25 * 0.6 + 0.15)) < 1e-9)
    }

    @Test func everyNumberOfASuggestionIsExplained() throws {
        let suggestions = DuplicateSuggester().suggestions(
            for: probe(), among: [candidate(1, text: "明德小区物业上调停车费,业主不满", region: community, hoursAgo: 42)])
        let suggestion = try #require(CaseFixtures.only(suggestions))
        // Probe: 20 distinct bigrams; candidate: 14; shared: 明德 德小 小区 区物 物业 上调 调停 停车 车费 费业 业主 = 11;
        // union 20 + 14 − 11 = 23.
        #expect(suggestion.sharedBigrams == 11)
        #expect(suggestion.unionBigrams == 23)
        #expect(abs(suggestion.textSimilarity - 11.0 / 23.0) < 1e-9)
        #expect(suggestion.proximity == .parentChild)
        #expect(suggestion.regionScore == 0.6)
        #expect(suggestion.ageHours == 42)
        #expect(abs(suggestion.recencyScore - 0.75) < 1e-9)
        let expectedScore = 0.6 * 11.0 / 23.0 + 0.25 * 0.6 + 0.15 * 0.75
        #expect(abs(suggestion.score - expectedScore) < 1e-9)
        #expect(
            suggestion.explanation == [
                "same category housing.property",
                "text similarity 0.48 = 11 shared character pairs of 23 distinct pairs in either text",
                "region is the parent or a child (neighbouring) → 0.60",
                "created 42.00 h before intake, window 168.00 h → recency 0.75",
                "score 0.55 = (0.60 × 0.48 + 0.25 × 0.60 + 0.15 × 0.75) ÷ 1.00",
            ])
    }

    @Test func aDifferentCategoryAFarRegionAnOldCaseOrUnrelatedTextIsNotSuggested() {
        let suggestions = DuplicateSuggester().suggestions(
            for: probe(),
            among: [
                candidate(1, category: "labour.wages"),
                candidate(2, region: otherStreetGrid),
                candidate(3, hoursAgo: 7 * 24 + 1),
                candidate(4, text: "某工地拖欠农民工工资"),
                candidate(5, hoursAgo: 7 * 24),
            ])
        #expect(suggestions.map(\.number) == ["QS-2026-000005"])
        #expect(suggestions.first?.recencyScore == 0)
    }

    @Test func closedAndMergedCasesAreSuggestedOnlyWhenAskedFor() {
        let candidates = [
            candidate(1, status: .closed), candidate(2, status: .merged), candidate(3, status: .resolved),
        ]
        #expect(DuplicateSuggester().suggestions(for: probe(), among: candidates).map(\.number) == ["QS-2026-000003"])
        #expect(
            DuplicateSuggester(includesClosed: true).suggestions(for: probe(), among: candidates).count == 3)
    }

    @Test func theWindowTheThresholdAndTheLimitAreSettings() {
        let candidates = (1...8).map { candidate($0, hoursAgo: Double($0) * 20) }
        #expect(DuplicateSuggester().suggestions(for: probe(), among: candidates).count == 5)
        let narrow = DuplicateSuggester(window: 48 * hour, limit: 10)
        #expect(
            narrow.suggestions(for: probe(), among: candidates).map(\.number) == ["QS-2026-000001", "QS-2026-000002"])
        let strict = DuplicateSuggester(minimumTextSimilarity: 0.9)
        #expect(
            strict.suggestions(for: probe(), among: [candidate(1, text: "明德小区物业上调停车费,业主不满")]).isEmpty)
    }

    @Test func tiesAreBrokenByTextThenNewestThenNumber() {
        let suggestions = DuplicateSuggester().suggestions(
            for: probe(), among: [candidate(9, hoursAgo: 1), candidate(4, hoursAgo: 1), candidate(7, hoursAgo: 0.5)])
        #expect(suggestions.map(\.number) == ["QS-2026-000007", "QS-2026-000004", "QS-2026-000009"])
    }

    @Test(arguments: [
        ("990102001002003", "990102001002003", RegionProximity.same),
        ("990102001002003", "990102001002004", .sameParent),
        ("990102001002003", "990102001002", .parentChild),
        ("990102001002", "990102001002003", .parentChild),
        ("a/b/c", "a/b/d", .sameParent),
    ])
    func regionsAreNeighboursWhenTheyShareAParentOrOneIsTheOthersParent(
        lhs: String, rhs: String, expected: RegionProximity
    ) {
        #expect(RegionProximity.between(lhs, rhs) == expected)
    }

    @Test(arguments: [
        ("990102001002003", "990102002001001"), ("990102001002003", "990102001"), ("990102", "990103"), ("", "990102"),
    ])
    func regionsFurtherApartAreNotNeighbours(lhs: String, rhs: String) {
        #expect(RegionProximity.between(lhs, rhs) == nil)
    }

    @Test func everyNeighbourLiesInTheNeighbourhoodTheStoreReads() {
        // A district with two streets, two communities each and three grids per community, as stored paths.
        var paths = ["99"]
        for street in 1...2 {
            let streetPath = "99/99\(street)"
            paths.append(streetPath)
            for community in 1...2 {
                let communityPath = "\(streetPath)/99\(street)\(community)"
                paths.append(communityPath)
                paths += (1...3).map { "\(communityPath)/99\(street)\(community)\($0)" }
            }
        }
        #expect(RegionProximity.neighbourhood(of: "99/991/9912") == "99/991")
        #expect(RegionProximity.neighbourhood(of: "99") == "99")
        for probe in paths {
            let root = RegionProximity.neighbourhood(of: probe)
            for other in paths where RegionProximity.between(probe, other) != nil {
                #expect(other == root || other.hasPrefix(root + "/"), "\(other) is a neighbour of \(probe)")
            }
        }
        #expect(RegionProximity.between("99/991", "99") == .parentChild)
        #expect(RegionProximity.between("99/991/9912", "99/991/9912/99121") == .parentChild)
    }

    @Test func textSimilarityIgnoresSpacesPunctuationAndLetterCase() {
        let lhs = CharacterBigrams("Wi-Fi 信号差,投诉!")
        let rhs = CharacterBigrams("wifi信号差投诉")
        #expect(lhs.jaccard(rhs).similarity == 1)
        #expect(CharacterBigrams("").jaccard(CharacterBigrams("")).similarity == 0)
        #expect(CharacterBigrams("火").count == 1)
        #expect(CharacterBigrams("火").jaccard(CharacterBigrams("火")).similarity == 1)
        #expect(CharacterBigrams("火").jaccard(CharacterBigrams("水")).similarity == 0)
    }
}

extension DuplicateSuggesterTests {
    @Test func decimalsAreWrittenAsPrintfWritesThem() {
        var generator = SplitMix(state: 7)
        for index in 0..<50_000 {
            let value =
                index.isMultiple(of: 2)
                ? Double.random(in: -5...200, using: &generator)
                : Double(Int.random(in: -5_000...200_000, using: &generator)) / 1000
            #expect(DuplicateSuggester.decimal(value) == String(format: "%.2f", value), "\(value)")
        }
        for value in [0.005, 0.015, 0.125, 1.005, 2.675, -0.001, 0, 1e12] {
            #expect(DuplicateSuggester.decimal(value) == String(format: "%.2f", value), "\(value)")
        }
    }
}
