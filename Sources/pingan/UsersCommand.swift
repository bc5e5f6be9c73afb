import ArgumentParser
import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// `pingan users …`: manage users from the command line (acting as the system, audited as `system:cli`).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Add, list, disable users and reset passwords.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, ResetPassword.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user; prints a generated password unless --password-stdin is given.")

        @OptionGroup var common: CommonOptions
        @Argument(help: "Login name: 3–64 lower-case letters, digits, '.', '_' or '-'.") var username: String
        @Option(help: "Name shown to colleagues.") var name: String
        @Option(help: "Unit code, e.g. qs-police.") var unit: String
        @Option(
            parsing: .upToNextOption,
            help: "Roles: admin, operator, handler, grid_worker, leader, analyst, assessor.")
        var roles: [String]
        @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false

        func run() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            let request = OrganisationService.NewUser(
                username: username, displayName: name, roles: roles, unitCode: unit, password: password)
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let (user, generated) = try await OrganisationService(env).createUser(request, by: .system("cli"))
                print("added \(user.username)")
                if let generated { print("password: \(generated)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List users.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let service = OrganisationService(env)
                let units = Dictionary(
                    uniqueKeysWithValues: try await service.units(for: .system("cli")).map { ($0.id, $0.code) })
                for user in try await service.users(for: .system("cli")) {
                    let state = user.disabled ? "disabled" : "active"
                    print(
                        [
                            user.username, user.displayName, units[user.unitID] ?? "?",
                            user.roles.sorted().map(\.rawValue).joined(separator: ","), state,
                        ].joined(separator: "\t"))
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user and revoke its tokens.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String

        func run() async throws { try await setDisabled(true, username: username, common: common) }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String

        func run() async throws { try await setDisabled(false, username: username, common: common) }
    }

    static func setDisabled(_ disabled: Bool, username: String, common: CommonOptions) async throws {
        try await Runtime.run(flags: common.flags) { _, env, _ in
            _ = try await OrganisationService(env).setDisabled(disabled, username: username, by: .system("cli"))
            print("\(disabled ? "disabled" : "enabled") \(username)")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-password",
            abstract: "Set a new password (generated, or from standard input), clear lock-out, revoke tokens.")
        @OptionGroup var common: CommonOptions
        @Argument var username: String
        @Flag(help: "Read the new password from standard input.") var passwordStdin = false

        func run() async throws {
            let password = passwordStdin ? readLine(strippingNewline: true) : nil
            try await Runtime.run(flags: common.flags) { _, env, _ in
                let generated = try await OrganisationService(env).resetPassword(
                    username: username, password: password, by: .system("cli"))
                print("password reset for \(username)")
                if let generated { print("password: \(generated)") }
            }
        }
    }
}
