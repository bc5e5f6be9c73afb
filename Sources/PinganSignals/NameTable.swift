/// Interned names (issue 5, §6–7): the sources and regions that topics and daily counters count, each distinct string
/// numbered from 0 in order of first appearance. Open addressing with linear probing at most three-quarters full over
/// an FNV-1a hash of the UTF-8 bytes: a source or region is a few bytes, so this costs a few instructions where
/// `Dictionary<String, _>` runs SipHash, and every post looks up its source and region.
struct NameTable: Sendable {
    /// The names, by id.
    private(set) var names: [String] = []
    /// The hash of `names[i]`.
    private var hashes: [UInt64] = []
    /// Per table position: the id + 1 of the name whose probe sequence passes there, 0 when empty.
    private var positions: [Int32]

    /// Creates an empty table.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity { size <<= 1 }
        positions = [Int32](repeating: 0, count: size)
    }

    /// Number of names held.
    var count: Int { names.count }

    /// The id of `name`, if it has one.
    func id(of name: String) -> Int32? { find(name, Self.hash(name)).id }

    /// The id of `name`, giving it the next id if it has none.
    mutating func intern(_ name: String) -> Int32 {
        let hash = Self.hash(name)
        let (position, found) = find(name, hash)
        if let found { return found }
        let id = Int32(names.count)
        names.append(name)
        hashes.append(hash)
        positions[position] = id + 1
        if names.count * 4 > positions.count * 3 { grow() }
        return id
    }

    /// The id of `name` (with `hash`) if held, and its position or the empty position where it would go.
    @inline(__always) private func find(_ name: String, _ hash: UInt64) -> (position: Int, id: Int32?) {
        var position = home(hash)
        while true {
            let entry = Int(positions[position])
            if entry == 0 { return (position, nil) }
            if hashes[entry - 1] == hash && names[entry - 1] == name { return (position, Int32(entry - 1)) }
            position = (position + 1) & (positions.count - 1)
        }
    }

    /// The names with their ids, as a dictionary.
    var dictionary: [String: Int] {
        var result: [String: Int] = [:]
        result.reserveCapacity(names.count)
        for (id, name) in names.enumerated() { result[name] = id }
        return result
    }

    @inline(__always) private func home(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash) & (positions.count - 1) }

    private mutating func grow() {
        positions = [Int32](repeating: 0, count: positions.count * 2)
        for (id, hash) in hashes.enumerated() {
            var position = home(hash)
            while positions[position] != 0 { position = (position + 1) & (positions.count - 1) }
            positions[position] = Int32(id + 1)
        }
    }

    /// FNV-1a over the UTF-8 bytes, mixed so that the low bits can index the table.
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { bytes in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
            return Shingles.mix(h ^ UInt64(bytes.count))
        }
    }
}
