import ArgumentParser
import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// `pingan tokens …`: API tokens for client systems and scripts.
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create and revoke API tokens.", subcommands: [Create.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token for a user; printed once.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The user the token acts for.") var username: String
        @Option(help: "A label for the token.") var name = "cli"
        @Option(help: "Lifetime in days.") var days = 365

        func run() async throws {
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let issued = try await AuthService(env).createToken(
                    username: username, name: name, lifetime: TimeInterval(days) * 86_400, by: .system("cli"))
                print("token: \(issued.token)")
                print("id: \(issued.id.uuidString)")
                print("expires: \(issued.expiresAt)")
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id.")
        @OptionGroup var common: CommonOptions
        @Argument(help: "The token's id (printed when it was created).") var id: String

        func validate() throws {
            guard UUID(uuidString: id) != nil else { throw ValidationError("'\(id)' is not a token id") }
        }

        func run() async throws {
            let id = UUID(uuidString: id) ?? UUID()
            try await Runtime.run(flags: common.flags) { _, env, _ in
                try await AuthService(env).revoke(tokenID: id, by: .system("cli"))
                print("revoked \(id.uuidString)")
            }
        }
    }
}
