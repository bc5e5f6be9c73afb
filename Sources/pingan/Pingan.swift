import ArgumentParser

/// The `pingan` command: serve, manage and check a Pingan installation.
@main
struct Pingan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pingan",
        abstract: "Pingan (平安): risk early-warning and disposal for social-governance centres.",
        discussion: """
            Settings come from flags, then the environment (PINGAN_…), then a .env file in the working directory.
            Run `pingan serve --demo` to try it with the demo district.
            """,
        subcommands: [
            ServeCommand.self, MigrateCommand.self, DemoCommand.self, UsersCommand.self, TokensCommand.self,
            AuditCommand.self, EscalationsCommand.self, ListsCommand.self, SignalsCommand.self,
            ReconcileCommand.self, OpenAPICommand.self, LedgerBenchCommand.self, ImportCommand.self,
        ])
}
