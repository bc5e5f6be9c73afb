import Foundation

/// Matches unit names written in a responsibility list to Pingan's units (BRIEF §4, issue 7).
///
/// Levels, from surest to least sure; a level counts only when exactly one unit matches at it, and a better level
/// wins: the exact name or alias; the name folded (full-width to half-width, blanks and a trailing "等" removed);
/// then without the region's own name or a leading "区" ("区司法局" = "青山区司法局"); then reading "分局" as "局".
/// It never matches on a part of a name, never strips "市" (a city bureau is not the district's), and reports group
/// names ("各街道办事处") as collective unless a unit carries that exact alias.
public struct ListUnitMatcher: Sendable {
    private let candidates: [ListUnitCandidate]
    private let regionNames: [String]

    /// Creates a matcher over `candidates`; `regionNames` are the district's own names as lists may prefix them
    /// ("青山区", "青山"), longest tried first.
    public init(candidates: [ListUnitCandidate], regionNames: [String] = []) {
        self.candidates = candidates
        self.regionNames = regionNames.map { ListText.compact(ListText.fold($0)) }.filter { !$0.isEmpty }
            .sorted { $0.count > $1.count }
    }

    /// Matches every name; each one ends up in `matches` or in `unmatched`, in input order.
    public func match(_ names: [String]) -> ListUnitMatchReport {
        var report = ListUnitMatchReport(matches: [], unmatched: [])
        for name in names {
            switch match(name) {
            case .matched(let found): report.matches.append(found)
            case .unmatched(let reason): report.unmatched.append(.init(name: name, reason: reason))
            }
        }
        return report
    }

    /// The problems for every unit a list names that matches no unit or several, with the line of the chapter or
    /// item that first names it (issue 7: unmatched names are reported for the admin to map).
    public func problems(for list: ResponsibilityList) -> [ListImportProblem] {
        list.unitMentions.compactMap { mention in
            guard case .unmatched(let reason) = match(mention.name) else { return nil }
            let why: String
            switch reason {
            case .noUnit: why = "matches no Pingan unit; add it as an alias of the right unit"
            case .ambiguous(let ids): why = "matches several units (\(ids.joined(separator: ", "))); choose one"
            case .collective: why = "names a group of units; map it by hand or add it as an alias"
            }
            return ListImportProblem(
                line: mention.line == 0 ? nil : mention.line, severity: .warning, kind: .unmatchedUnit,
                message: "unit “\(mention.name)” (\(mention.code)) \(why)")
        }
    }

    private enum Outcome {
        case matched(ListUnitMatch)
        case unmatched(ListUnitMatchReport.Unmatched.Reason)
    }

    private func match(_ name: String) -> Outcome {
        let exact = candidates.filter { $0.name == name || $0.aliases.contains(name) }
        if let result = decide(name, exact, .exact) { return result }
        let normalized = Self.normalize(name)
        if Self.isCollective(normalized) { return .unmatched(.collective) }
        let levels: [(ListUnitMatch.Basis, (String) -> String)] = [
            (.normalized, Self.normalize),
            (.regionPrefix, { self.withoutRegion(Self.normalize($0)) }),
            (.branchBureau, { self.withoutRegion(Self.normalize($0)).replacingOccurrences(of: "分局", with: "局") }),
        ]
        for (basis, key) in levels {
            let wanted = key(name)
            guard !wanted.isEmpty else { continue }
            let found = candidates.filter { candidate in
                ([candidate.name] + candidate.aliases).contains { key($0) == wanted }
            }
            if let result = decide(name, found, basis) { return result }
        }
        return .unmatched(.noUnit)
    }

    private func decide(
        _ name: String, _ found: [ListUnitCandidate], _ basis: ListUnitMatch.Basis
    ) -> Outcome? {
        switch found.count {
        case 0: nil
        case 1: .matched(ListUnitMatch(name: name, unitID: found[0].id, unitName: found[0].name, basis: basis))
        default: .unmatched(.ambiguous(found.map(\.id)))
        }
    }

    private func withoutRegion(_ name: String) -> String {
        for region in regionNames where name.hasPrefix(region) && name.count > region.count + 1 {
            return String(name.dropFirst(region.count))
        }
        if name.hasPrefix("区"), name.count > 2 { return String(name.dropFirst()) }
        return name
    }

    /// Folded, without blanks, quotes and a trailing "等".
    static func normalize(_ name: String) -> String {
        var text = ListText.compact(ListText.fold(name)).filter { !"\"“”'‘’「」".contains($0) }
        for ending in ["等单位", "等部门", "等"] where text.hasSuffix(ending) && text.count > ending.count {
            text.removeLast(ending.count)
            break
        }
        return text
    }

    /// Names that stand for a group of units: "各……", "区直各部门", "相关单位", "有关部门", "成员单位".
    static func isCollective(_ normalized: String) -> Bool {
        normalized.hasPrefix("各") || normalized.contains("各部门") || normalized.contains("各单位")
            || ["相关单位", "有关单位", "相关部门", "有关部门", "成员单位", "区直部门", "区直单位"].contains {
                normalized.hasSuffix($0)
            }
    }
}
