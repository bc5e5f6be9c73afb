import Crypto
import Foundation
import PinganCore
import PinganStore
import SQLKit

/// Responsibility lists (责任清单, BRIEF §4, issue 7): import a document into stored, versioned lists with their unit
/// names matched to Pingan's units, and activate a list version for an assessment period and subject region.
///
/// Admins and assessors import and activate; anyone signed in may read lists (they are published documents).
public struct ListService: Sendable {
    private let env: ServiceEnvironment

    /// The service on `env`.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// The outcome of an import: the versions stored (none for a dry run), the lists read, the problems, and every
    /// unit name that matched no unit or several (reported, never dropped).
    public struct ImportOutcome: Sendable {
        /// The stored versions, in document order; empty for a dry run.
        public var stored: [ListRepository.Stored]
        /// The lists read, in document order.
        public var lists: [ResponsibilityList]
        /// The problems found, including unmatched units.
        public var problems: [ListImportProblem]
        /// The unit names that matched no Pingan unit or several, per list title.
        public var unmatched: [(list: String, name: String, reason: String)]
    }

    /// Reads a document in `format`, matches its unit names, and — unless `dryRun` — stores each list it holds as
    /// the next version of its title, audited (`list.import`), all in one transaction. Nothing is written when the
    /// document is refused (empty, over 50 MB, not UTF-8, malformed, no list, a list without units, or a strict
    /// import with problems): the error is `invalid` on field `file` with the rule.
    public func importDocument(
        _ data: Data, format: ListImportFormat, strict: Bool = false, dryRun: Bool = false, by actor: Actor
    ) async throws -> ImportOutcome {
        try actor.require(Self.mayManage, "import responsibility lists")
        let result: ListImportResult
        do {
            result = try format.importDocument(data, strict: strict, spreadsheet: XLSXListSheet())
        } catch {
            throw PinganError.invalid(field: "file", rule: Self.rule(error), detail: error.description)
        }
        let (units, regions) = try await env.provider.read { db in
            (try await UnitRepository(db).list(), try await RegionRepository(db).list())
        }
        let matcher = ListUnitMatcher(
            candidates: units.map { ListUnitCandidate(id: $0.id.uuidString, name: $0.name, aliases: $0.aliases) },
            regionNames: Self.regionNames(regions))
        var problems = result.problems
        var unmatched: [(list: String, name: String, reason: String)] = []
        var matchesByList: [[ListRepository.UnitMatch]] = []
        for list in result.lists {
            problems += matcher.problems(for: list)
            let report = matcher.match(list.unitMentions.map(\.name))
            var matches = report.matches.map {
                ListRepository.UnitMatch(name: $0.name, unitID: UUID(uuidString: $0.unitID), basis: $0.basis.rawValue)
            }
            for missing in report.unmatched {
                let reason = Self.reason(missing.reason)
                matches.append(.init(name: missing.name, unitID: nil, basis: reason))
                unmatched.append((list.title, missing.name, reason))
            }
            matchesByList.append(matches)
        }
        if strict, problems.contains(where: { $0.kind == .unmatchedUnit }) {
            throw PinganError.invalid(
                field: "file", rule: "strict",
                detail: "strict import refused: \(unmatched.count) unit name(s) match no Pingan unit")
        }
        guard !dryRun else {
            return ImportOutcome(stored: [], lists: result.lists, problems: problems, unmatched: unmatched)
        }
        let digest = Hex.lowercase(SHA256.hash(data: data))
        let now = env.clock()
        let lists = result.lists
        let allMatches = matchesByList
        let stored = try await env.write { db, audit in
            let repository = ListRepository(db)
            var stored: [ListRepository.Stored] = []
            for (list, matches) in zip(lists, allMatches) {
                let version = try await repository.latestVersion(title: list.title) + 1
                let row = ListRepository.Stored(
                    id: UUID(), title: list.title, version: version, list: list, sourceFormat: format.rawValue,
                    sourceDigest: digest, unitMatches: matches, importedBy: actor.auditName, importedAt: now)
                try await repository.insert(row)
                try await audit.append(
                    AuditRecord(
                        actor: actor.auditName, action: "list.import", objectType: "responsibility_list",
                        objectID: row.id.uuidString,
                        change: [
                            "title": list.title, "version": String(version), "format": format.rawValue,
                            "source_digest": digest,
                            "unmatched_units": String(matches.filter { $0.unitID == nil }.count),
                        ]),
                    at: now)
                stored.append(row)
            }
            return stored
        }
        return ImportOutcome(stored: stored, lists: lists, problems: problems, unmatched: unmatched)
    }

    /// Every stored version, by title and version.
    public func versions(by actor: Actor) async throws -> [ListRepository.Stored] {
        try await env.provider.read { db in try await ListRepository(db).all() }
    }

    /// The stored version with `id`.
    public func version(id text: String, by actor: Actor) async throws -> ListRepository.Stored {
        guard let id = UUID(uuidString: text),
            let found = try await env.provider.read({ db in try await ListRepository(db).find(id: id) })
        else { throw PinganError.notFound(entity: "responsibility_list", id: text) }
        return found
    }

    /// Activates the version `id` for `period` (2025, 2025-Q2) and the subject region `regionCode`, replacing the
    /// version of the same title activated there before; audited (`list.activate`).
    public func activate(
        id text: String, period periodText: String, regionCode: String, by actor: Actor
    ) async throws -> ListRepository.Activation {
        try actor.require(Self.mayManage, "activate responsibility lists")
        let period = try AssessmentPeriod(parsing: periodText)
        let now = env.clock()
        return try await env.write { db, audit in
            guard let id = UUID(uuidString: text), let stored = try await ListRepository(db).find(id: id) else {
                throw PinganError.notFound(entity: "responsibility_list", id: text)
            }
            guard let region = try await RegionRepository(db).find(code: regionCode) else {
                throw PinganError.invalid(
                    field: "region", rule: "not_found", detail: "there is no region '\(regionCode)'")
            }
            if case .user(let principal) = actor, !principal.has(.admin),
                !AccessPolicy.isWithin(region.path, scope: principal.regionPath)
            {
                throw PinganError.invalid(field: "region", rule: "scope", detail: "the region is outside your area")
            }
            let activation = ListRepository.Activation(
                period: period.description, regionCode: regionCode, listTitle: stored.title, listID: stored.id,
                activatedBy: actor.auditName, activatedAt: now)
            try await ListRepository(db).activate(activation)
            try await audit.append(
                AuditRecord(
                    actor: actor.auditName, action: "list.activate", objectType: "responsibility_list",
                    objectID: stored.id.uuidString,
                    change: [
                        "period": period.description, "region": regionCode, "title": stored.title,
                        "version": String(stored.version),
                    ]),
                at: now)
            return activation
        }
    }

    /// The activations of a period and region (either nil for all).
    public func activations(
        period: String?, regionCode: String?, by actor: Actor
    ) async throws
        -> [ListRepository.Activation]
    {
        if let period { _ = try AssessmentPeriod(parsing: period) }
        return try await env.provider.read { db in
            try await ListRepository(db).activations(period: period, regionCode: regionCode)
        }
    }

    static func mayManage(_ principal: Principal) -> Bool {
        principal.has(.admin) || principal.has(.assessor)
    }

    /// The names lists prefix units with: each region's name and its name without 区/县/市/街道 ("青山区", "青山").
    static func regionNames(_ regions: [Region]) -> [String] {
        var names: Set<String> = []
        for region in regions where region.level == .city || region.level == .district {
            names.insert(region.name)
            for suffix in ["区", "县", "市"] where region.name.hasSuffix(suffix) && region.name.count > 2 {
                names.insert(String(region.name.dropLast()))
            }
        }
        return names.sorted()
    }

    private static func reason(_ reason: ListUnitMatchReport.Unmatched.Reason) -> String {
        switch reason {
        case .noUnit: "no_unit"
        case .ambiguous: "ambiguous"
        case .collective: "collective"
        }
    }

    private static func rule(_ error: ListImportError) -> String {
        switch error {
        case .tooLarge: "too_large"
        case .notUTF8: "encoding"
        case .empty: "empty"
        case .noList: "no_list"
        case .refused: "refused"
        case .malformed: "format"
        }
    }
}
