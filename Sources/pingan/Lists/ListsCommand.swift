import ArgumentParser

/// `pingan lists …`: responsibility lists (责任清单) and their import (BRIEF §4, issue 7).
struct ListsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lists",
        abstract: "Responsibility lists (责任清单): import, check and export.",
        subcommands: [
            ListsImportCommand.self, ListsExportCommand.self, ListsVersionsCommand.self, ListsActivateCommand.self,
        ]
    )
}
