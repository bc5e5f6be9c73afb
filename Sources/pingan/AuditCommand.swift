import ArgumentParser
import Foundation
import Logging
import PinganConfig
import PinganCore
import PinganServices
import PinganStore

/// `pingan audit verify`: prove the audit chain intact, or show where it was altered.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain; exit 0 when intact, 1 with the first broken entry otherwise.")
        @OptionGroup var common: CommonOptions

        func run() async throws {
            try await Runtime.run(flags: common.flags, migrate: false) { _, env, _ in
                let result = try await AuditService(env).verify()
                if let broken = result.firstBroken {
                    print(
                        "BROKEN at entry \(broken.seq): \(broken.reason) (\(result.checked) entries before it are intact)"
                    )
                    throw ExitCode(1)
                }
                print("intact: \(result.checked) entries verified")
            }
        }
    }
}
