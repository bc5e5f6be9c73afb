/// A daily topic (issue 5, §6): posts of one day that talk about the same thing, linked across days into a story
/// (`storyID`). Carries its posts' count with duplicates, times, keywords, a representative post, sources, regions,
/// engagement sums, negative share and a risk domain. Authors are not kept, not even pseudonymised (BRIEF §6).
public struct Topic: Sendable {
    /// The topic's id (unique within an engine run).
    public var id: Int
    /// The story this daily topic belongs to: the id of the story's first topic.
    public var storyID: Int
    /// The UTC day number of the topic.
    public var day: Int
    /// Posts, duplicates included.
    public var count = 0
    /// Posts that were not duplicates.
    public var originals = 0
    /// Duplicates merged into the topic.
    public var duplicates = 0
    /// Earliest post time (epoch seconds).
    public var firstTime: Int64
    /// Latest post time.
    public var lastTime: Int64
    /// Id of the representative post (the first original).
    public var representativeID: String
    /// Normalised text of the representative post, at most 140 scalars.
    public var representativeText: String
    /// Posts per source. Filled in when the clusterer hands the topic out (`TopicClusterer.topic(_:)`,
    /// `allTopics`); while it is held, `sourceCounts` counts them by interned name.
    public var sources: [String: Int] = [:]
    /// Posts per region (bounded to 256 regions); filled in as `sources` is, from `regionCounts`.
    public var regions: [String: Int] = [:]
    /// Hashtag counts (bounded to 64).
    public var hashtags: [String: Int] = [:]
    /// Sum of reposts.
    public var reposts = 0
    /// Sum of comments.
    public var comments = 0
    /// Sum of likes.
    public var likes = 0
    /// Posts judged negative.
    public var negative = 0
    /// Votes per domain index of the `DomainLexicon`.
    public var domainVotes: [Int: Int] { domainCounts.dictionary { Int($0) } }
    /// Posts per source and per region by the clusterer's interned name ids, and votes per domain index.
    var sourceCounts = SmallCounts()
    var regionCounts = SmallCounts()
    var domainCounts = SmallCounts()
    /// Posts per matched subject index.
    public var subjects: [Int: Int] {
        var result: [Int: Int] = [:]
        result.reserveCapacity(subjectIDs.count)
        for (subject, count) in zip(subjectIDs, subjectCounts) { result[Int(subject)] = Int(count) }
        return result
    }
    /// The matched subject indices, ascending, and the posts of each (`subjects` as two short arrays: a post
    /// matches dozens of subjects, and a merge of sorted lists costs less than a hash per subject and takes less
    /// memory than a dictionary).
    private(set) var subjectIDs: [Int32] = []
    private(set) var subjectCounts: [Int32] = []
    /// Centroid: packed term → summed TF-IDF weight (bounded).
    var centroid = TermWeights()
    /// Squared norm of `centroid`.
    var norm2: Float = 0
    /// Whether a newer daily topic of the same story has taken over.
    var superseded = false
    /// The terms under which the topic is in the clusterer's inverted index.
    var indexedTerms: [UInt64] = []

    init(id: Int, storyID: Int, day: Int, time: Int64, representativeID: String, representativeText: String) {
        self.id = id
        self.storyID = storyID
        self.day = day
        self.firstTime = time
        self.lastTime = time
        self.representativeID = representativeID
        self.representativeText = representativeText
    }

    /// Counts one post that matched `subjects` (subject indices; each occurrence counts, as before).
    mutating func count(subjects unordered: [Int]) {
        guard !unordered.isEmpty else { return }
        // The matcher gives them ascending; sort anything else.
        var ascending = true
        for index in unordered.indices.dropFirst() where unordered[index] < unordered[index - 1] { ascending = false }
        let subjects = ascending ? unordered : unordered.sorted()
        // Known subjects count in place; new ones are merged in (in order) if there are any.
        var missing = 0
        var position = 0
        for subject in subjects {
            let id = Int32(subject)
            while position < subjectIDs.count && subjectIDs[position] < id { position += 1 }
            if position < subjectIDs.count && subjectIDs[position] == id {
                subjectCounts[position] += 1
            } else {
                missing += 1
            }
        }
        guard missing > 0 else { return }
        var ids: [Int32] = []
        var counts: [Int32] = []
        ids.reserveCapacity(subjectIDs.count + missing)
        counts.reserveCapacity(subjectIDs.count + missing)
        position = 0
        for subject in subjects {
            let id = Int32(subject)
            while position < subjectIDs.count && subjectIDs[position] < id {
                ids.append(subjectIDs[position])
                counts.append(subjectCounts[position])
                position += 1
            }
            if position < subjectIDs.count && subjectIDs[position] == id { continue }
            if ids.last == id {
                counts[counts.count - 1] += 1
            } else {
                ids.append(id)
                counts.append(1)
            }
        }
        ids.append(contentsOf: subjectIDs[position...])
        counts.append(contentsOf: subjectCounts[position...])
        subjectIDs = ids
        subjectCounts = counts
    }

    /// Share of posts judged negative.
    public var negativeShare: Double { count == 0 ? 0 : Double(negative) / Double(count) }

    /// Reposts + comments + likes.
    public var engagement: Int { reposts + comments + likes }

    /// The domain index with the most votes, ties to the lower index; `nil` if none.
    public var domainIndex: Int? {
        domainVotes.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }

    /// The top keywords (character bigrams and hashtags) by centroid weight.
    public func keywords(_ limit: Int = 8) -> [String] {
        var out: [String] = []
        for (key, _) in centroid.byWeight() where key < (1 << 42) {
            out.append(Normalizer.string([UInt32(key >> 21), UInt32(key & 0x1F_FFFF)]))
            if out.count == limit { break }
        }
        return out
    }
}
