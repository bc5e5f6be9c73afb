import ArgumentParser
import Foundation
import PinganCore
import PinganServices

/// `pingan reconcile --month YYYY-MM [--unit CODE] [--consultations]`: the monthly reconciliation (每月交账) list —
/// every case unresolved at the month's end, per unit, with days overdue and the unit's entry once recorded.
struct ReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "List the cases unresolved at a month's end per unit, with days overdue (每月交账).")

    @OptionGroup var common: CommonOptions

    @Option(help: "The month, YYYY-MM (Asia/Shanghai); it must have begun.")
    var month: String

    @Option(help: "Only this unit (its code).")
    var unit: String?

    @Flag(help: "Only the cases flagged for a joint consultation (会诊).")
    var consultations = false

    func validate() throws {
        do {
            _ = try ReconciliationMonth(parsing: month)
        } catch {
            throw ValidationError("--month '\(month)' is not a month written YYYY-MM")
        }
    }

    func run() async throws {
        let (month, unit, consultations) = (month, unit, consultations)
        try await Runtime.run(flags: common.flags) { _, env, _ in
            let service = ReconciliationService(env)
            let listing =
                consultations
                ? try await service.consultations(month: month, by: .system("cli"))
                : try await service.listing(month: month, unit: unit, by: .system("cli"))
            print("每月交账 \(listing.month): cases unresolved at \(Timestamp.format(listing.monthEnd))")
            var groups: [UUID?: [ReconciliationItem]] = [:]
            for item in listing.items { groups[item.snapshot.responsibleUnitID, default: []].append(item) }
            let ordered = groups.sorted {
                (($0.key.flatMap { listing.units[$0]?.code }) ?? "")
                    < (($1.key.flatMap { listing.units[$0]?.code }) ?? "")
            }
            for (id, items) in ordered {
                let name = id.flatMap { listing.units[$0].map { "\($0.code) \($0.name)" } } ?? "(unassigned)"
                print("\n\(name): \(items.count) case(s), \(items.filter(\.isOverdue).count) overdue")
                for item in items {
                    var columns = [
                        item.record.number, item.snapshot.status.rawValue, "\(item.daysOverdue) d overdue",
                    ]
                    if let entry = item.entry {
                        columns.append("cause: \(entry.cause)")
                        columns.append("responsible: \(entry.responsiblePerson)")
                        columns.append("new deadline: \(Timestamp.format(entry.newDeadline))")
                        if entry.consultation { columns.append("会诊") }
                    } else {
                        columns.append("no entry yet")
                    }
                    print("  " + columns.joined(separator: "\t"))
                }
            }
            print("\n\(listing.items.count) case(s)")
        }
    }
}
