import Foundation
import Logging
import PinganCore
import PinganStore
import Synchronization

/// The demo district's ledger (issue 3 §10): a few hundred cases over the past three months, replayed through the
/// real services at their own times — intake, routing, assignment, acceptance, progress, resolution, feedback,
/// returns, reopenings, supervision, level changes and the escalation scheduler — so every number the demo shows was
/// produced by the rules. Deterministic: the same seed gives the same ledger (numbers, texts and times).
public struct DemoLedger: Sendable {
    private let env: ServiceEnvironment

    /// Creates the loader.
    public init(_ env: ServiceEnvironment) { self.env = env }

    /// What was loaded.
    public struct Summary: Sendable, Equatable {
        /// Cases opened.
        public var cases = 0
        /// Lifecycle actions applied.
        public var actions = 0
        /// Escalation steps fired.
        public var escalations = 0
        /// Planned actions that the rules refused (a generator defect; zero in a correct ledger).
        public var refused = 0
    }

    /// Loads `count` cases spread over the `days` before the environment's clock reads now. Changes nothing when the
    /// ledger already holds cases.
    public func load(count: Int = 300, days: Int = 90, seed: UInt64 = 20_261_122) async throws -> Summary? {
        let empty = try await env.provider.read { db in try await CaseRepository(db).count() == 0 }
        guard empty else { return nil }
        let end = env.clock()
        let start = end.addingTimeInterval(-Double(days) * 86_400)
        let people = try await Cast.load(env)
        var random = SplitMix64(seed: seed)
        let plans = (0..<count).map { _ in Plan.random(using: &random, start: start, days: days, cast: people) }
        var steps: [(at: Date, order: Int, plan: Int, step: Step)] = []
        for (index, plan) in plans.enumerated() {
            for (order, step) in plan.steps.enumerated() where step.at(plan.openedAt) <= end {
                steps.append((step.at(plan.openedAt), order, index, step))
            }
        }
        steps.sort { ($0.at, $0.plan, $0.order) < ($1.at, $1.plan, $1.order) }

        let clock = MovingClock(start)
        let replay = env.with(clock: { clock.now })
        let cases = CaseService(replay)
        let routing = RoutingService(replay)
        let scheduler = EscalationScheduler(replay)
        var numbers: [Int: (number: String, version: Int)] = [:]
        var summary = Summary()
        var nextPass = start
        for (at, _, index, step) in steps {
            while nextPass <= at {
                clock.set(nextPass)
                summary.escalations += try await scheduler.runOnce(now: nextPass).count
                nextPass = nextPass.addingTimeInterval(6 * 3600)
            }
            clock.set(at)
            let plan = plans[index]
            do {
                switch step {
                case .open:
                    let intake = try await cases.create(plan.request, by: plan.reporter)
                    numbers[index] = (intake.record.number, intake.record.version)
                    summary.cases += 1
                case .assign(_, let unitCode, let reason):
                    guard let current = numbers[index] else { continue }
                    let unit: UUID
                    var participants: [UUID] = []
                    var why = reason
                    if let unitCode, let chosen = people.units[unitCode] {
                        unit = chosen.id
                    } else {
                        let proposal = try await routing.propose(
                            category: plan.request.draft.categoryCode, regionCodes: [plan.request.draft.regionCode])
                        unit = proposal.responsibleUnitID
                        participants = proposal.participantUnitIDs
                        why = proposal.reason
                    }
                    // The operator acts on the case as it is now (the scheduler may have changed it meanwhile).
                    let version = try await cases.find(current.number, by: people.centre).version
                    let changed = try await cases.apply(
                        .assign(
                            unitID: unit, personID: nil, participantIDs: participants, reason: why, deadline: nil,
                            acceptDeadline: nil),
                        to: current.number, expectedVersion: version, by: people.centre)
                    numbers[index] = (current.number, changed.version)
                    summary.actions += 1
                case .unit(_, let action), .centre(_, let action):
                    guard let current = numbers[index] else { continue }
                    let record = try await cases.find(current.number, by: people.centre)
                    let actor: Principal
                    if case .unit = step {
                        guard let unit = record.responsibleUnitID, let handler = people.handlers[unit] else { continue }
                        actor = handler
                    } else {
                        actor = people.centre
                    }
                    let changed = try await cases.apply(
                        action(at), to: current.number, expectedVersion: record.version, by: actor)
                    numbers[index] = (current.number, changed.version)
                    summary.actions += 1
                }
            } catch let error as CaseTransitionError {
                env.logger.debug("demo step refused", metadata: ["error": "\(error)"])
                summary.refused += 1
            } catch let error as PinganError {
                env.logger.debug("demo step refused", metadata: ["error": "\(error)"])
                summary.refused += 1
            }
        }
        while nextPass <= end {
            clock.set(nextPass)
            summary.escalations += try await scheduler.runOnce(now: nextPass).count
            nextPass = nextPass.addingTimeInterval(6 * 3600)
        }
        return summary
    }

    // MARK: The people who work the demo ledger

    struct Cast: Sendable {
        var centre: Principal
        var grid: [Principal]
        var handlers: [UUID: Principal]
        var units: [String: OrgUnit]
        var regions: [Region]

        static func load(_ env: ServiceEnvironment) async throws -> Cast {
            let organisation = OrganisationService(env)
            let system = Actor.system("demo")
            let regions = try await organisation.regions(for: system)
            let units = try await organisation.units(for: system)
            let users = try await organisation.users(for: system)
            let paths = Dictionary(
                uniqueKeysWithValues: units.map { unit in
                    (unit.id, regions.first { $0.code == unit.regionCode }?.path ?? unit.regionCode)
                })
            func principal(_ user: User) -> Principal {
                Principal(
                    userID: user.id, username: user.username, roles: user.roles, unitID: user.unitID,
                    regionPath: paths[user.unitID] ?? "")
            }
            guard let centre = users.first(where: { $0.username == "operator.zhou" }) else {
                throw PinganError.notFound(entity: "user", id: "operator.zhou")
            }
            var handlers: [UUID: Principal] = [:]
            for user in users where user.roles.contains(.handler) && handlers[user.unitID] == nil {
                handlers[user.unitID] = principal(user)
            }
            for user in users where user.roles.contains(.leader) && handlers[user.unitID] == nil {
                handlers[user.unitID] = principal(user)
            }
            return Cast(
                centre: principal(centre), grid: users.filter { $0.roles.contains(.gridWorker) }.map(principal),
                handlers: handlers, units: Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) }),
                regions: regions)
        }
    }

    // MARK: One case's story

    enum Step: Sendable {
        case open
        case assign(after: TimeInterval, unitCode: String?, reason: String)
        case unit(after: TimeInterval, action: @Sendable (Date) -> CaseAction)
        case centre(after: TimeInterval, action: @Sendable (Date) -> CaseAction)

        func at(_ opened: Date) -> Date {
            switch self {
            case .open: opened
            case .assign(let after, _, _), .unit(let after, _), .centre(let after, _): opened.addingTimeInterval(after)
            }
        }
    }

    struct Plan: Sendable {
        var openedAt: Date
        var request: CaseService.NewCase
        var reporter: Principal
        var steps: [Step]

        static func random(using random: inout SplitMix64, start: Date, days: Int, cast: Cast) -> Plan {
            let hour = 3600.0
            let day = 86_400.0
            // Office hours in Beijing time (UTC+8): 08:30–18:00 local is 00:30–10:00 UTC.
            let openedAt = start.addingTimeInterval(
                Double(random.next(below: days)) * day + 1_800 + Double(random.next(below: 34_200)))
            let template = Template.all[random.next(below: Template.all.count)]
            let grids = cast.regions.filter { $0.level == .grid }
            let region = grids[random.next(below: grids.count)]
            let place = Template.places[random.next(below: Template.places.count)]
            var level = WarningLevel.none
            if template.kind == .dispute {
                level = [.level3, .level3, .level3, .level2, .level2, .level1, .none][random.next(below: 7)]
            } else if template.kind == .opinionWarning {
                level = [.blue, .yellow, .yellow, .orange, .red][random.next(below: 5)]
            }
            // A grid report comes from a grid worker who covers that grid; elsewhere the same event reaches the hotline.
            let coveringWorkers = cast.grid.filter { AccessPolicy.isWithin(region.path, scope: $0.regionPath) }
            var source: SourceChannel =
                template.kind == .opinionWarning
                ? .signal : [.grid, .hotline, .hotline, .walkIn, .online][random.next(below: 5)]
            if source == .grid && coveringWorkers.isEmpty { source = .hotline }
            var parties: [CaseService.Party] = []
            if template.kind == .dispute || random.next(below: 3) == 0 {
                let surname = Template.surnames[random.next(below: Template.surnames.count)]
                parties.append(
                    .init(role: "applicant", name: "\(surname)某某", phone: "1380000\(1000 + random.next(below: 9000))"))
            }
            let draft = CaseDraft(
                kind: template.kind, categoryCode: template.category, regionCode: region.code, source: source,
                title: template.title.replacingOccurrences(of: "{place}", with: place),
                description: template.description.replacingOccurrences(of: "{place}", with: place),
                level: level, isPublic: template.kind == .request || template.kind == .hazard)
            let reporter =
                source == .grid ? coveringWorkers[random.next(below: coveringWorkers.count)] : cast.centre

            var steps: [Step] = [
                .open, .assign(after: hour * Double(1 + random.next(below: 3)), unitCode: nil, reason: ""),
            ]
            var t = hour * Double(4 + random.next(below: 20))
            var fate = random.next(below: 100)
            // Work still open is mostly recent; a quarter of older cases stay open as the backlog a centre carries.
            let end = start.addingTimeInterval(Double(days) * day)
            if fate < 35, openedAt < end.addingTimeInterval(-14 * day), random.next(below: 4) != 0 { fate = 35 + fate }
            if fate < 4 {
                return Plan(
                    openedAt: openedAt, request: .init(draft: draft, parties: parties), reporter: reporter,
                    steps: [.open])
            }
            if fate < 8 {
                return Plan(
                    openedAt: openedAt, request: .init(draft: draft, parties: parties), reporter: reporter, steps: steps
                )
            }
            if fate < 13 {
                // Misrouted: the unit returns it, the centre reassigns it to the centre's own choice.
                steps.append(.unit(after: t) { _ in .returnToCentre(reason: "经核实不属于本单位职责范围,请重新分流") })
                t += hour * 3
                steps.append(.assign(after: t, unitCode: "qs-centre", reason: "退回后由综治中心牵头协调"))
                t += hour * 4
            }
            steps.append(.unit(after: t) { _ in .accept(personID: nil) })
            t += hour * Double(6 + random.next(below: 30))
            let note = Template.progress[random.next(below: Template.progress.count)]
            steps.append(.unit(after: t) { _ in .addProgress(note: note) })
            if template.kind == .dispute && level == .level3 && random.next(below: 6) == 0 {
                t += hour * 5
                steps.append(.centre(after: t) { _ in .changeLevel(level: .level2, reason: "事态升级,出现聚集苗头") })
            }
            if random.next(below: 8) == 0 {
                t += hour * 2
                steps.append(
                    .centre(after: t) { now in
                        .superviseOn(deadline: now.addingTimeInterval(3 * 86_400), reason: "群众反映强烈,列入督办")
                    })
            }
            if fate < 25 {
                return Plan(
                    openedAt: openedAt, request: .init(draft: draft, parties: parties), reporter: reporter, steps: steps
                )
            }
            // Resolved within a few days, some after the deadline.
            t += day * Double(1 + random.next(below: random.next(below: 5) == 0 ? 14 : 6))
            let channel: ResolutionChannel =
                template.kind == .dispute
                ? [.peopleMediation, .peopleMediation, .administrativeMediation, .settlement][random.next(below: 4)]
                : .directHandling
            steps.append(.unit(after: t) { _ in .resolve(channel: channel, result: template.result) })
            if fate < 35 {
                return Plan(
                    openedAt: openedAt, request: .init(draft: draft, parties: parties), reporter: reporter, steps: steps
                )
            }
            t += hour * Double(20 + random.next(below: 40))
            if fate < 43 {
                steps.append(
                    .centre(after: t) { _ in
                        .reopen(reason: "回访时群众反映问题仍未解决", requester: .citizen, deadline: nil)
                    })
                t += day * Double(1 + random.next(below: 4))
                steps.append(.unit(after: t) { _ in .resolve(channel: channel, result: "二次办理:" + template.result) })
                t += hour * 30
            }
            let satisfied = random.next(below: 10) < 9
            steps.append(
                .centre(after: t) { _ in
                    .close(feedback: satisfied ? .satisfied : .unsatisfied, afterFeedbackPeriod: false)
                })
            return Plan(
                openedAt: openedAt, request: .init(draft: draft, parties: parties), reporter: reporter, steps: steps)
        }
    }
}

/// A clock the demo moves forward as it replays the ledger.
final class MovingClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func set(_ time: Date) { current.withLock { $0 = time } }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fast, seedable generator, so the demo is the same every time.
struct SplitMix64: Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextValue() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (bound > 0).
    mutating func next(below bound: Int) -> Int {
        Int(nextValue() % UInt64(max(1, bound)))
    }
}
