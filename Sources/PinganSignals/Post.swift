import Foundation

/// A post of the signal stream (BRIEF §3) after parsing and pseudonymisation: the author is already a keyed hash,
/// the raw author string never reaches this type (BRIEF §6).
public struct Post: Sendable, Equatable {
    /// The caller's identifier of the post.
    public var id: String
    /// The raw text as received.
    public var text: String
    /// Seconds since 1970-01-01T00:00:00Z.
    public var time: Int64
    /// The channel: weibo, wechat, news, forum, hotline, grid, …
    public var source: String
    /// The region code, if given.
    public var region: String?
    /// HMAC-SHA256 pseudonym of the author (see `Pseudonymizer`), if an author was given.
    public var authorPseudonym: String?
    /// Engagement counts; absent counts are zero.
    public var reposts: Int
    /// Number of comments.
    public var comments: Int
    /// Number of likes.
    public var likes: Int
    /// The post's URL, if given.
    public var url: String?

    /// Creates a post; `authorPseudonym` must already be a pseudonym.
    public init(
        id: String, text: String, time: Int64, source: String, region: String? = nil,
        authorPseudonym: String? = nil, reposts: Int = 0, comments: Int = 0, likes: Int = 0, url: String? = nil
    ) {
        self.id = id
        self.text = text
        self.time = time
        self.source = source
        self.region = region
        self.authorPseudonym = authorPseudonym
        self.reposts = reposts
        self.comments = comments
        self.likes = likes
        self.url = url
    }

    /// Reposts + comments + likes.
    public var engagement: Int { reposts &+ comments &+ likes }

    /// The UTC day number (days since 1970-01-01) of `time`.
    public var day: Int { Int((time >= 0 ? time : time - 86_399) / 86_400) }
}
