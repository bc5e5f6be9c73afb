/// A post's text after normalisation (issue 5, §1): the folded text, its content scalars (letters, digits and CJK
/// characters only — what shingles and features are built from), and the fields extracted from it.
public struct NormalizedText: Sendable, Equatable {
    /// The normalised text: NFKC, half-width, simplified, lower case, single spaces, URLs and @mentions removed,
    /// emoji removed, repeated punctuation folded to one.
    public var text: String
    /// Scalar values of the letters, digits and ideographs of `text`, in order (no spaces, no punctuation).
    public var content: [UInt32]
    /// Clause breaks: `b` in this list means punctuation (or a removed URL, mention or hashtag) stood between
    /// `content[b - 1]` and `content[b]`. Negation and degree scopes do not cross a break.
    public var clauseBreaks: [Int32]
    /// URLs found in the text, in order.
    public var urls: [String]
    /// @mentions, as pseudonyms when the normaliser has a `Pseudonymizer` (a handle names a person, BRIEF §6);
    /// empty otherwise.
    public var mentions: [String]
    /// Number of @mentions found (also when they are not kept).
    public var mentionCount: Int
    /// Hashtag texts (`#话题#` or `#tag`), normalised, without the `#` marks; the text keeps them as words.
    public var hashtags: [String]
    /// Number of emoji scalars removed.
    public var emojiCount: Int
}
