/// Counts per small integer id (a source or region id of a `NameTable`, a domain index) for one topic (issue 5, §6):
/// a short list searched linearly. A topic sees a few sources, regions and domains, so a list costs less to search
/// than a hash and takes one small allocation where a `Dictionary` takes a hashed storage that grows by copying.
struct SmallCounts: Sendable {
    /// (id, count) in order of first appearance.
    private(set) var entries: [(id: Int32, count: Int)] = []

    /// Creates an empty list.
    init() {}

    /// Number of distinct ids.
    var count: Int { entries.count }

    /// Adds one to the count of `id`; a new id is admitted only while fewer than `limit` ids are held.
    @inline(__always) mutating func add(_ id: Int32, limit: Int = .max) {
        for index in entries.indices where entries[index].id == id {
            entries[index].count += 1
            return
        }
        if entries.count < limit { entries.append((id, 1)) }
    }

    /// The count of `id` (0 when absent).
    subscript(id: Int32) -> Int {
        entries.first { $0.id == id }?.count ?? 0
    }

    /// The counts keyed by `key(id)`.
    func dictionary<Key: Hashable>(_ key: (Int32) -> Key) -> [Key: Int] {
        var result: [Key: Int] = [:]
        result.reserveCapacity(entries.count)
        for entry in entries { result[key(entry.id)] = entry.count }
        return result
    }
}
