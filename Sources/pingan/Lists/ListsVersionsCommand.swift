import ArgumentParser
import Foundation
import PinganCore
import PinganServices
import PinganStore

/// `pingan lists versions`: every stored list version with its activations.
struct ListsVersionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "versions", abstract: "List the stored responsibility lists, one line per version.")

    @OptionGroup var common: CommonOptions

    func run() async throws {
        try await Runtime.run(flags: common.flags) { _, env, _ in
            let service = ListService(env)
            let activations = try await service.activations(period: nil, regionCode: nil, by: .system("cli"))
            for stored in try await service.versions(by: .system("cli")) {
                let active = activations.filter { $0.listID == stored.id }.map { "\($0.period)@\($0.regionCode)" }
                let unmatched = stored.unitMatches.filter { $0.unitID == nil }.count
                print(
                    [
                        stored.id.uuidString, "v\(stored.version)", stored.title,
                        stored.list.points.map { "\($0)分" } ?? "-", "\(unmatched) unmatched unit(s)",
                        active.isEmpty ? "not active" : "active: " + active.joined(separator: ", "),
                    ].joined(separator: "  "))
            }
        }
    }
}

/// `pingan lists activate ID --period 2025-Q2 --region CODE`: activates a version for an assessment period and a
/// subject region.
struct ListsActivateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activate", abstract: "Activate a list version for an assessment period and subject region.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The list version's id (see `pingan lists versions`).")
    var id: String

    @Option(help: "The period: a year (2025) or a quarter (2025-Q2).")
    var period: String

    @Option(help: "The subject region's code.")
    var region: String

    func validate() throws {
        do {
            _ = try AssessmentPeriod(parsing: period)
        } catch {
            throw ValidationError("--period '\(period)' is not a year (2025) or a quarter (2025-Q2)")
        }
    }

    func run() async throws {
        let (id, period, region) = (id, period, region)
        try await Runtime.run(flags: common.flags) { _, env, _ in
            let activation = try await ListService(env).activate(
                id: id, period: period, regionCode: region, by: .system("cli"))
            print("activated “\(activation.listTitle)” (\(activation.listID.uuidString)) for \(period) in \(region)")
        }
    }
}
