import ArgumentParser
import Foundation
import PinganCore
import PinganServices
import PinganStore

/// `pingan lists import FILE [--format text] [--dry-run] [--json] [--strict]` (issue 7, "Importers").
///
/// Reads a responsibility-list document and, with `--dry-run`, prints the lists it holds — tree, points, units,
/// negative-list rules — and the problems found, as text or as JSON. Without `--dry-run` it stores every list as the
/// next version of its title, with its unit names matched to Pingan's units (unmatched names are printed).
struct ListsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a responsibility list (use --dry-run to check a file).",
        discussion: "The text format is described in docs/LISTS.md."
    )

    @OptionGroup var common: CommonOptions

    @Argument(help: "The document to import (UTF-8 text, or an .xlsx workbook).")
    var file: String

    @Option(help: "Input format: text, csv, xlsx or yaml.")
    var format: String = "text"

    @Flag(help: "Check the file and print what would be imported; store nothing.")
    var dryRun = false

    @Flag(help: "With --dry-run: print JSON instead of the text tree.")
    var json = false

    @Flag(help: "Refuse the import when any warning or error is found.")
    var strict = false

    func validate() throws {
        guard ["text", "csv", "xlsx", "yaml"].contains(format) else {
            throw ValidationError("unknown format '\(format)'; use text, csv, xlsx or yaml")
        }
    }

    func run() async throws {
        guard let format = ListImportFormat(rawValue: format) else {
            fail("unknown format '\(self.format)'; use text, csv, xlsx or yaml", code: 2)
        }
        let result: ListImportResult
        do {
            result = try format.read(try ListFile.read(file), spreadsheet: XLSXListSheet())
        } catch {
            fail("\(file): \(error)")
        }
        guard !result.lists.isEmpty else { fail("\(file): \(ListImportError.noList)") }
        guard dryRun else {
            if let rejection = result.rejection(strict: strict) { fail("\(file): \(rejection)") }
            try await store(try ListFile.read(file), format: format)
            return
        }
        print(json ? ListImportJSON.encode(result) : result.textReport(), terminator: "")
        if let rejection = result.rejection(strict: strict) {
            fail("\(file): \(rejection)")
        }
    }

    /// Stores the lists (each as the next version of its title) and prints each version with the unit names that
    /// matched no Pingan unit.
    private func store(_ data: Data, format: ListImportFormat) async throws {
        let (strict, file) = (strict, file)
        try await Runtime.run(flags: common.flags) { _, env, _ in
            let outcome = try await ListService(env).importDocument(
                data, format: format, strict: strict, by: .system("cli"))
            for stored in outcome.stored {
                let points = stored.list.points.map { "\($0)分" } ?? "no points"
                print("stored \(stored.id.uuidString) “\(stored.title)” version \(stored.version) (\(points))")
            }
            for missing in outcome.unmatched {
                print("unmatched unit “\(missing.name)” in “\(missing.list)”: \(missing.reason)")
            }
            let serious = outcome.problems.filter { $0.severity >= .warning && $0.kind != .unmatchedUnit }
            if !serious.isEmpty {
                print("\(serious.count) problem(s) in \(file); run with --dry-run to see them")
            }
        }
    }

    /// Writes one line to stderr and exits with `code`.
    private func fail(_ message: String, code: Int32 = 1) -> Never {
        ListFile.fail("import", message, code: code)
    }
}
