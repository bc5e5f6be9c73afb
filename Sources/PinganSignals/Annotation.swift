/// What the engine says about one post (issue 5, §9 `annotate`): the pseudonymised author, the normalised text,
/// sentiment, matched subjects, the original it duplicates, its topic and domain.
public struct Annotation: Sendable {
    /// The post's id.
    public var id: String
    /// The author's pseudonym, if an author was given.
    public var authorPseudonym: String?
    /// The normalised text and extracted fields.
    public var normalized: NormalizedText
    /// Sentiment.
    public var sentiment: Sentiment
    /// Names of the matched monitoring subjects.
    public var subjects: [String]
    /// The id of the original this post duplicates, or nil.
    public var duplicateOf: String?
    /// The topic id.
    public var topic: Int
    /// The story id of the topic.
    public var story: Int
    /// The risk domain code, or nil.
    public var domain: String?
}
