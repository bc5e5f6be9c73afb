/// A story (topics linked across days) with its metrics, colour and explanation (issue 5, §6 and §8).
public struct StoryReport: Sendable {
    /// The story id.
    public var storyID: Int
    /// Its daily topics, oldest first.
    public var topics: [Topic]
    /// The latest day (UTC day number).
    public var day: Int
    /// The metrics graded.
    public var metrics: ColourGrader.Metrics
    /// The grade.
    public var grade: ColourGrader.Grade
    /// Risk domain code and label, if any.
    public var domain: DomainLexicon.Domain?
    /// Names of the subjects matched by the story's posts, with counts.
    public var subjects: [String: Int]
    /// Daily counts over the 8 days ending on `day` (the EARS C1 input).
    public var dailyCounts: [Double]
}
