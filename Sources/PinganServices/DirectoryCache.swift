import Foundation
import PinganCore
import PinganStore
import SQLKit
import Synchronization

/// What almost every request reads and almost nothing changes, held in memory (docs/ARCHITECTURE.md "The directory
/// cache"): the region tree, the units with their leaders, the active categories, the routing table and the stored
/// rule documents — and, separately, the principal behind each bearer token seen recently.
///
/// Every entry is labelled with the directory generation it was read under (M0011: database triggers move the
/// generation on at any change to those tables, by any process). The generation is read again when the last reading
/// is older than ``recheckInterval``, and at once after this process wrote something other than cases
/// (``expire()``); a different generation drops everything. So a change made by this process is seen by its next
/// request, and one made by another process (a second server on PostgreSQL, the command line) within
/// ``recheckInterval``. With an interval of zero the generation is read on every use — a single-row read instead of
/// the dozen a request used to make.
public final class DirectoryCache: Sendable {
    /// How long a reading of the generation is trusted.
    public let recheckInterval: Duration
    /// The most token entries kept; beyond it the token entries are dropped and refilled.
    public let maxTokens: Int

    private let state = Mutex(State())

    private struct State {
        var generation: Int64?
        var checkedAt: ContinuousClock.Instant?
        var directory: Directory?
        var tokens: [String: TokenEntry] = [:]
    }

    private struct TokenEntry {
        var principal: Principal
        var tokenID: UUID
        var expiresAt: Date
        var generation: Int64
    }

    /// Creates an empty cache.
    public init(recheckInterval: Duration = .zero, maxTokens: Int = 50_000) {
        self.recheckInterval = recheckInterval
        self.maxTokens = maxTokens
    }

    /// Makes the next use read the generation again (after this process changed the directory).
    public func expire() {
        state.withLock { $0.checkedAt = nil }
    }

    /// Where the cache reads when it must: a new read transaction, or the caller's own transaction (inside a write,
    /// so that a writer never waits for a second connection from a pool its peers may hold).
    enum Source: Sendable {
        /// A read transaction of the provider.
        case provider(any DatabaseProvider)
        /// The caller's connection or transaction.
        case connection(any SQLDatabase)

        func read<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
            switch self {
            case .provider(let provider): try await provider.read(body)
            case .connection(let db): try await body(db)
            }
        }
    }

    /// The current generation, read from the store unless the last reading is recent enough.
    func generation(_ source: Source) async throws -> Int64 {
        let now = ContinuousClock.now
        let known = state.withLock { state -> Int64? in
            guard let generation = state.generation, let checkedAt = state.checkedAt,
                now - checkedAt < recheckInterval
            else { return nil }
            return generation
        }
        if let known { return known }
        let fresh = try await source.read { db in try await DirectoryRepository(db).generation() }
        state.withLock { state in
            if state.generation != fresh {
                state.generation = fresh
                state.directory = nil
                state.tokens = [:]
            }
            state.checkedAt = now
        }
        return fresh
    }

    /// The directory as of the current generation, loading it when needed.
    func directory(_ source: Source) async throws -> Directory {
        let generation = try await generation(source)
        if let cached = state.withLock({ $0.directory }), cached.generation == generation { return cached }
        let loaded = try await source.read { db in try await Directory.load(db) }
        state.withLock { state in
            if loaded.generation >= (state.directory?.generation ?? .min) { state.directory = loaded }
        }
        return loaded
    }

    /// The principal of the token with `hash` as of the current generation, asking `load` when it is not cached.
    /// An entry is used only until its token expires.
    func principal(
        tokenHash hash: String, at now: Date, provider: any DatabaseProvider,
        load: @Sendable () async throws -> (principal: Principal, tokenID: UUID, expiresAt: Date)?
    ) async throws -> (Principal, tokenID: UUID)? {
        let generation = try await generation(.provider(provider))
        let cached = state.withLock { state -> TokenEntry? in
            guard let entry = state.tokens[hash], entry.generation == generation, entry.expiresAt > now else {
                return nil
            }
            return entry
        }
        if let cached { return (cached.principal, cached.tokenID) }
        guard let loaded = try await load() else { return nil }
        state.withLock { state in
            guard state.generation == generation else { return }
            if state.tokens.count >= maxTokens { state.tokens = [:] }
            state.tokens[hash] = TokenEntry(
                principal: loaded.principal, tokenID: loaded.tokenID, expiresAt: loaded.expiresAt,
                generation: generation)
        }
        return (loaded.principal, loaded.tokenID)
    }
}

/// One reading of the directory: everything ``DirectoryCache`` holds besides tokens.
struct Directory: Sendable {
    /// The generation it was read under (read before the rest, so the data is never older than the label).
    let generation: Int64
    /// The region tree, in path order.
    let regions: [Region]
    /// Regions by code.
    let regionsByCode: [String: Region]
    /// The units with their leaders, by code.
    let units: [OrgUnit]
    /// Units by id.
    let unitsByID: [UUID: OrgUnit]
    /// The codes of the active categories.
    let activeCategories: Set<String>
    /// The routing table in force.
    let routing: RoutingTable
    /// The stored SLA policy in force (nil: the shipped default applies).
    let sla: SLAPolicy?
    /// The stored escalation policy in force (nil: the shipped default applies).
    let escalation: EscalationPolicy?
    /// The stored working-day calendar in force (nil: the shipped default applies).
    let calendar: WorkCalendar?

    static func load(_ db: any SQLDatabase) async throws -> Directory {
        let generation = try await DirectoryRepository(db).generation()
        let regions = try await RegionRepository(db).list()
        let units = try await UnitRepository(db).list()
        let policies = PolicyRepository(db)
        let sla = try await policies.current(PolicyService.Kind.sla.rawValue)
        let escalation = try await policies.current(PolicyService.Kind.escalation.rawValue)
        let calendar = try await policies.current(PolicyService.Kind.calendar.rawValue)
        return Directory(
            generation: generation, regions: regions,
            regionsByCode: Dictionary(regions.map { ($0.code, $0) }) { first, _ in first }, units: units,
            unitsByID: Dictionary(units.map { ($0.id, $0) }) { first, _ in first },
            activeCategories: Set(try await CaseRepository(db).categories().map(\.code)),
            routing: try await RoutingService.current(db),
            sla: try sla.map { try SLAPolicy.load(json: Data($0.document.utf8)) },
            escalation: try escalation.map { try EscalationPolicy.load(json: Data($0.document.utf8)) },
            calendar: try calendar.map { try WorkCalendar.load(json: Data($0.document.utf8)) })
    }
}
