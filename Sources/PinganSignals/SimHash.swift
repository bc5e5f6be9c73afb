/// 64-bit SimHash (Charikar 2002) over character bigrams and a banded index for Hamming distance ≤ 3 (Manku, Jain &
/// Das Sarma, WWW 2007: four 16-bit blocks, by the pigeonhole principle one block matches exactly). An option for
/// long news bodies only (issue 5, §3): a short repost with a comment added differs by more bits than it tolerates.
public struct SimHash: Sendable {
    /// The 64-bit fingerprint of `content`: each bigram's hash votes ±1 on every bit.
    public static func fingerprint(_ content: [UInt32]) -> UInt64 {
        guard content.count >= 2 else { return content.first.map { Shingles.unigram($0) } ?? 0 }
        var votes = [Int32](repeating: 0, count: 64)
        for index in 0..<(content.count - 1) {
            let h = Shingles.bigram(content[index], content[index + 1])
            for bit in 0..<64 { votes[bit] &+= (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where votes[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// Hamming distance of two fingerprints.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    private var blocks: [[UInt64: [Int32]]] = Array(repeating: [:], count: 4)
    private var fingerprints: [UInt64] = []
    private var ids: [String] = []
    /// Maximum Hamming distance for a match (≤ 3 with four blocks).
    public let maxDistance: Int

    /// Creates an empty index.
    public init(maxDistance: Int = 3) {
        self.maxDistance = min(maxDistance, 3)
    }

    /// Returns the id of a held fingerprint within `maxDistance` of `fingerprint`, or records it and returns nil.
    public mutating func insert(id: String, fingerprint: UInt64) -> String? {
        for block in 0..<4 {
            let key = (fingerprint >> UInt64(block * 16)) & 0xFFFF
            for slot in blocks[block][key] ?? []
            where Self.distance(fingerprints[Int(slot)], fingerprint) <= maxDistance {
                return ids[Int(slot)]
            }
        }
        let slot = Int32(ids.count)
        ids.append(id)
        fingerprints.append(fingerprint)
        for block in 0..<4 { blocks[block][(fingerprint >> UInt64(block * 16)) & 0xFFFF, default: []].append(slot) }
        return nil
    }
}
