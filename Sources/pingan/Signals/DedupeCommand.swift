import ArgumentParser
import Foundation
import PinganSignals

/// `pingan signals dedupe`: the groups of near-duplicates (issue 5, §3 and §9), one JSON line per group of two
/// or more posts: the original, the merged count, and each duplicate with how it matched.
struct DedupeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe", abstract: "Group near-duplicate posts (exact hash, then MinHash LSH).")

    @Option(help: "JSON Lines posts, or - for standard input.") var input: String
    @Option(help: "Jaccard threshold over character trigrams.") var threshold = 0.7

    func run() async throws {
        guard threshold > 0, threshold <= 1 else { throw ValidationError("--threshold must be in (0, 1]") }
        let normalizer = Normalizer()
        var index = NearDuplicateIndex(threshold: threshold)
        var order: [String] = []
        var members: [String: [[String: Any]]] = [:]
        for post in try SignalsIO.posts(input) {
            let verdict = index.insert(id: post.id, content: normalizer.normalize(post.text).content, time: post.time)
            switch verdict {
            case .original:
                order.append(post.id)
            case .exact(let original):
                members[original, default: []].append(["id": post.id, "match": "exact"])
            case .near(let original, let similarity):
                members[original, default: []].append(["id": post.id, "match": "near", "similarity": similarity])
            }
        }
        var output = SignalsIO.Output()
        for original in order {
            guard let duplicates = members[original] else { continue }
            output.line(
                SignalsIO.jsonLine([
                    "original": original, "count": duplicates.count + 1, "duplicates": duplicates,
                ]))
        }
        output.flush()
    }
}
