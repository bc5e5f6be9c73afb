import ArgumentParser
import Foundation
import PinganCore
import PinganServices

/// `pingan lists export FILE [--from text|csv|xlsx|yaml] [--format yaml|json]`: converts a list document to the canonical
/// YAML form (issue 7) or to the dry-run JSON.
struct ListsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Print responsibility lists in the canonical YAML form (or JSON).",
        discussion: "The YAML schema is described in docs/LISTS.md.")

    @Argument(help: "A list document to convert.")
    var file: String

    @Option(help: "The document's format: text, csv, xlsx or yaml.")
    var from: String = "text"

    @Option(help: "Output format: yaml or json.")
    var format: String = "yaml"

    func validate() throws {
        guard ListImportFormat(rawValue: from) != nil else {
            throw ValidationError("unknown input format '\(from)'; use text, csv, xlsx or yaml")
        }
        guard ["yaml", "json"].contains(format) else {
            throw ValidationError("unknown output format '\(format)'; use yaml or json")
        }
    }

    func run() async throws {
        let result: ListImportResult
        do {
            result = try (ListImportFormat(rawValue: from) ?? .text).read(
                try ListFile.read(file), spreadsheet: XLSXListSheet())
        } catch {
            ListFile.fail("export", "\(file): \(error)")
        }
        guard !result.lists.isEmpty else { ListFile.fail("export", "\(file): \(ListImportError.noList)") }
        print(
            format == "json" ? ListImportJSON.encode(result) : ListYAMLDocument.export(result.lists), terminator: "")
    }
}
