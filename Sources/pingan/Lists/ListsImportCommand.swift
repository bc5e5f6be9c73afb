import ArgumentParser
import Foundation
import PinganCore

/// `pingan lists import FILE [--format text] [--dry-run] [--json] [--strict]` (issue 7, "Importers").
///
/// Reads a responsibility-list document and, with `--dry-run`, prints the lists it holds — tree, points, units,
/// negative-list rules — and the problems found, as text or as JSON. Storing lists needs the store, which does not
/// exist yet: without `--dry-run` the command says so and exits with code 2.
struct ListsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a responsibility list (use --dry-run to check a file).",
        discussion: "The text format is described in docs/LISTS.md."
    )

    @Argument(help: "The document to import (UTF-8 text).")
    var file: String

    @Option(help: "Input format: text, csv or yaml (xlsx is not available yet).")
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
            fail("importing --format \(self.format) is not available yet; use text, csv or yaml", code: 2)
        }
        let result: ListImportResult
        do {
            result = try format.read(try ListFile.read(file))
        } catch {
            fail("\(file): \(error)")
        }
        guard !result.lists.isEmpty else { fail("\(file): \(ListImportError.noList)") }
        guard dryRun else {
            fail("storing responsibility lists is not available yet; run with --dry-run to check the file", code: 2)
        }
        print(json ? ListImportJSON.encode(result) : result.textReport(), terminator: "")
        if let rejection = result.rejection(strict: strict) {
            fail("\(file): \(rejection)")
        }
    }

    /// Writes one line to stderr and exits with `code`.
    private func fail(_ message: String, code: Int32 = 1) -> Never {
        ListFile.fail("import", message, code: code)
    }
}
