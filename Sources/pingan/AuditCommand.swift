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
            abstract: "Walk the audit chain; exit 0 when intact, 1 with the first broken entry otherwise.",
            discussion: """
                It prints the chain's head (sequence and hash). Keep that line outside the database (a ticket, a \
                printed record); pass it back with --expect-head to find entries removed from the end of the chain \
                or a tail rewritten with recomputed hashes.
                """)
        @OptionGroup var common: CommonOptions

        @Option(help: "A head printed by an earlier run, as SEQ:HASH.")
        var expectHead: String?

        func validate() throws {
            if let expectHead, Self.head(expectHead) == nil {
                throw ValidationError("--expect-head must be SEQ:HASH as printed by an earlier verify")
            }
        }

        static func head(_ text: String) -> (seq: Int64, hash: String)? {
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let seq = Int64(parts[0]), seq > 0, parts[1].count == 64 else { return nil }
            return (seq, String(parts[1]))
        }

        func run() async throws {
            let expected = expectHead.flatMap(Self.head)
            try await Runtime.run(flags: common.flags, migrate: false) { _, env, _ in
                let result = try await AuditService(env).verify(expectedHead: expected)
                if let broken = result.firstBroken {
                    print(
                        "BROKEN at entry \(broken.seq): \(broken.reason) (\(result.checked) entries before it are intact)"
                    )
                    throw ExitCode(1)
                }
                print("intact: \(result.checked) entries verified")
                if let head = result.head { print("head: \(head.seq):\(head.hash)") }
            }
        }
    }
}
