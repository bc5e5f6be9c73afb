import Foundation
import PinganCore

/// Benchmark support for the case ledger (issue 3 performance; docs/PERFORMANCE.md): fills the demo district's
/// ledger with many open cases through the real services, so that lists and scheduler passes can be timed against a
/// large ledger. Not for production data.
public struct LedgerBench: Sendable {
    private let env: ServiceEnvironment

    /// Creates the seeder on the demo district (`pingan demo` must have run).
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// What seeding did.
    public struct Seeded: Sendable {
        /// Cases opened through ``CaseService/create(_:by:)``.
        public var created = 0
        /// Cases with a warning level assigned through ``CaseService/apply(_:to:expectedVersion:by:)``, which makes
        /// their escalation plans.
        public var assigned = 0
    }

    /// Opens `count` cases as operator.zhou with the demo templates (titles numbered so they differ), spread over the
    /// grids; one case in `levelledEvery`, if its kind has a warning scale, gets a level of that scale and is assigned
    /// to the routed unit, so it is open with an escalation plan; the others stay received. `concurrency` intakes run at once. Stops
    /// early, with what it opened so far, once `budget` has passed.
    public func seed(
        count: Int, levelledEvery: Int, concurrency: Int, budget: Duration? = nil, seed: UInt64 = 20_261_122,
        progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> Seeded {
        let cast = try await DemoLedger.Cast.load(env)
        let grids = cast.regions.filter { $0.level == .grid }
        let workers = max(1, concurrency)
        let cases = CaseService(env)
        let routing = RoutingService(env)
        let every = max(1, levelledEvery)
        let stop = budget.map { ContinuousClock.now + $0 }
        return try await withThrowingTaskGroup(of: Seeded.self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var random = SplitMix64(seed: seed &+ UInt64(worker))
                    var routes: [String: RoutingProposal] = [:]
                    var done = Seeded()
                    for index in stride(from: worker, to: count, by: workers) {
                        if let stop, ContinuousClock.now >= stop { break }
                        let template = DemoLedger.Template.all[random.next(below: DemoLedger.Template.all.count)]
                        let place = DemoLedger.Template.places[random.next(below: DemoLedger.Template.places.count)]
                        let region = grids[random.next(below: grids.count)]
                        let scale = template.kind.warningScale.filter { $0 != .none }
                        let levelled = index % every == 0 && !scale.isEmpty
                        let draft = CaseDraft(
                            kind: template.kind, categoryCode: template.category, regionCode: region.code,
                            source: template.kind == .opinionWarning ? .signal : .hotline,
                            title: template.title.replacingOccurrences(of: "{place}", with: place) + " #\(index)",
                            description: template.description.replacingOccurrences(of: "{place}", with: place),
                            level: levelled ? scale[random.next(below: scale.count)] : .none,
                            isPublic: template.kind == .request)
                        let intake = try await cases.create(.init(draft: draft), by: cast.centre)
                        done.created += 1
                        if levelled {
                            let key = template.category + "|" + region.code
                            let proposal: RoutingProposal
                            if let cached = routes[key] {
                                proposal = cached
                            } else {
                                proposal = try await routing.propose(
                                    category: template.category, regionCodes: [region.code])
                                routes[key] = proposal
                            }
                            _ = try await cases.apply(
                                .assign(
                                    unitID: proposal.responsibleUnitID, personID: nil,
                                    participantIDs: proposal.participantUnitIDs, reason: proposal.reason,
                                    deadline: nil, acceptDeadline: nil),
                                to: intake.record.number, expectedVersion: intake.record.version, by: cast.centre)
                            done.assigned += 1
                        }
                        if worker == 0, done.created % 1_000 == 0 { progress(done.created * workers) }
                    }
                    return done
                }
            }
            var total = Seeded()
            for try await part in group {
                total.created += part.created
                total.assigned += part.assigned
            }
            return total
        }
    }
}
