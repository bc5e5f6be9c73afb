/// A deterministic generator of realistic synthetic posts (issue 5, §3 and the benchmark): stories about BRIEF §3
/// risk events in invented districts, repeated with the edits real streams show — reposts with an added comment,
/// truncations, punctuation and emoji changes, traditional-character variants — mixed with unrelated chatter.
/// No real text: every sentence is assembled from the phrase lists below.
public struct SyntheticCorpus: Sendable {
    /// The kind of edit a generated post carries relative to its story's base text.
    public enum Edit: String, Sendable, CaseIterable {
        /// The base text itself.
        case original
        /// A repost with a comment and hashtag added.
        case repostWithComment
        /// The base text cut short.
        case truncation
        /// Punctuation changed and emoji added.
        case punctuationEmoji
        /// Some characters in traditional form.
        case traditional
        /// Another post of the same kind of event (not a duplicate).
        case sameTemplateOtherEvent
    }

    private var state: UInt64

    /// Creates a generator with `seed`.
    public init(seed: UInt64 = 2026) {
        self.state = seed
    }

    /// The next pseudo-random number (SplitMix64).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Shingles.mix(state)
    }

    /// A uniform integer in 0..<bound.
    public mutating func uniform(_ bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }

    private mutating func pick(_ list: [String]) -> String { list[uniform(list.count)] }

    static let regions = [
        "东城区", "西湖区", "滨江区", "江北区", "南湖区", "高新区", "城关镇", "新华街道", "人民路街道",
        "长乐镇", "东山区", "河西新区", "北塘区", "金山街道", "青石镇", "白云区",
    ]
    static let places = [
        "小区", "工地", "菜市场", "学校门口", "医院", "地铁站", "工业园", "老旧小区", "商业街", "村委会",
        "幼儿园", "物流园", "车站", "步行街", "安置小区", "沿江路",
    ]
    static let events = [
        "发生火灾", "燃气管道泄漏", "楼房外墙坍塌", "多人食物中毒", "大面积停水", "工人讨薪", "道路塌陷",
        "发生车祸", "物业乱收费", "工厂排污", "暴雨内涝", "电梯故障困人", "理财公司跑路", "拆迁补偿纠纷", "噪音扰民",
        "电信诈骗案件",
    ]
    static let details = [
        "现场有很多人围观", "消防和救护车已经赶到", "已经持续好几天了", "居民反映多次没人管",
        "希望有关部门尽快处理", "涉及一百多户居民", "有人受伤被送往医院", "相关部门表示正在调查", "投诉到12345还没有回复",
        "老人和孩子都很担心", "附近商户损失严重", "视频在网上流传", "工资已经拖欠半年", "到现在还没有恢复",
        "街道工作人员已到现场", "大家都很愤怒",
    ]
    static let comments = [
        "转发微博", "求扩散", "太可怕了", "希望早日解决", "关注", "支持维权", "有没有人管管", "同城的注意安全",
        "这也太离谱了吧", "已经报警了",
    ]
    static let chatter = [
        "今天天气不错", "周末去公园散步", "新开的面馆味道很好", "孩子期末考试考得不错", "晚上一起看电影",
        "小区的桂花开了很香", "地铁上人不多", "早餐吃了包子和豆浆", "下午去图书馆看书", "这家咖啡店环境很舒服",
        "朋友推荐了一本好书", "健身房办了年卡", "阳台上的花长得很好", "周五晚上加班到九点", "新买的手机很好用",
        "跟家人视频聊天",
    ]
    static let emoji = ["😡", "🙏", "😭", "🔥", "👍", "❗", "😱"]
    static let traditionalPairs: [(Character, Character)] = [
        ("发", "發"), ("区", "區"), ("医", "醫"), ("灾", "災"),
        ("门", "門"), ("车", "車"), ("场", "場"), ("楼", "樓"), ("气", "氣"), ("们", "們"), ("处", "處"), ("关", "關"),
        ("现", "現"), ("经", "經"), ("没", "沒"), ("还", "還"), ("长", "長"), ("东", "東"), ("时", "時"), ("伤", "傷"),
    ]

    /// A base text of a story of about `length` characters.
    public mutating func storyText(length: Int = 100) -> String {
        var text = pick(Self.regions) + pick(Self.places) + pick(Self.events) + "，"
        while text.unicodeScalars.count < length {
            text += pick(Self.details) + (uniform(3) == 0 ? "。" : "，")
            if uniform(4) == 0 { text += "时间是\(uniform(12) + 1)点\(uniform(60))分，" }
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
    }

    /// An unrelated chatter text of about `length` characters.
    public mutating func chatterText(length: Int = 100) -> String {
        var text = ""
        while text.unicodeScalars.count < length {
            text += pick(Self.chatter) + (uniform(2) == 0 ? "，" : "。") + (uniform(3) == 0 ? "\(uniform(100))" : "")
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(length)))
    }

    /// `base` with `edit` applied.
    public mutating func edit(_ base: String, _ edit: Edit, length: Int = 100) -> String {
        switch edit {
        case .original:
            return base
        case .repostWithComment:
            return pick(Self.comments) + (uniform(2) == 0 ? "#\(pick(Self.regions))\(pick(Self.events))#" : "")
                + "//" + base
        case .truncation:
            let scalars = Array(base.unicodeScalars)
            let keep = max(1, scalars.count * (70 + uniform(25)) / 100)
            return String(String.UnicodeScalarView(scalars.prefix(keep))) + "…"
        case .punctuationEmoji:
            var out = ""
            for character in base {
                if character == "，" {
                    out += ["，", "！", "!!", "。。。", " "][uniform(5)]
                } else if character == "。" {
                    out += ["。", "！！！", "?"][uniform(3)]
                } else {
                    out.append(character)
                }
            }
            return out + pick(Self.emoji) + pick(Self.emoji)
        case .traditional:
            var out = ""
            for character in base {
                if let pair = Self.traditionalPairs.first(where: { $0.0 == character }) {
                    out.append(pair.1)
                } else {
                    out.append(character)
                }
            }
            return out
        case .sameTemplateOtherEvent:
            return storyText(length: length)
        }
    }

    /// A generated monitoring subject: its expression and the same logic as OR-groups that must all hit, and
    /// exclusions that must not (for baselines that cannot parse expressions).
    public struct GeneratedSubject: Sendable {
        /// The subject's name.
        public var name: String
        /// The expression in the analysts' form.
        public var expression: String
        /// Each group needs one of its terms.
        public var groups: [[String]]
        /// None of these may occur.
        public var exclusions: [String]
    }

    /// `count` monitoring subjects in the analysts' form: (regions) + (places) + (events) − exclusions.
    public mutating func subjects(count: Int) -> [GeneratedSubject] {
        (0..<count).map { index in
            let regions = [pick(Self.regions), pick(Self.regions)]
            let places = [pick(Self.places), pick(Self.places), "居民\(index % 97)"]
            let events = [pick(Self.events), String(pick(Self.details).prefix(4))]
            let exclusions = uniform(3) == 0 ? ["演习"] : []
            let expression =
                "(\(regions[0]) | \(regions[1])) + (\(places[0]) OR \(places[1]) OR \(places[2])) AND "
                + "(\"\(events[0])\" | \(events[1]))" + (exclusions.isEmpty ? "" : " NOT 演习")
            return GeneratedSubject(
                name: "subject\(index)", expression: expression, groups: [regions, places, events],
                exclusions: exclusions)
        }
    }

    /// A stream of `count` posts of about `length` characters over `days` days: ~35 % story originals, ~45 %
    /// edited copies of recent stories, ~20 % chatter; engagement and regions vary.
    public mutating func stream(
        count: Int, length: Int = 100, days: Int = 3, start: Int64 = 1_767_225_600
    )
        -> [Post]
    {
        var posts: [Post] = []
        posts.reserveCapacity(count)
        var recent: [String] = []
        let sources = ["weibo", "wechat", "news", "forum", "hotline", "grid"]
        for index in 0..<count {
            let roll = uniform(100)
            var text: String
            if roll < 35 || recent.isEmpty {
                text = storyText(length: length)
                recent.append(text)
                if recent.count > 512 { recent.removeFirst(recent.count - 512) }
            } else if roll < 80 {
                let kinds: [Edit] = [.original, .repostWithComment, .truncation, .punctuationEmoji, .traditional]
                text = edit(
                    recent[recent.count - 1 - uniform(min(recent.count, 64))], kinds[uniform(kinds.count)],
                    length: length)
            } else {
                text = chatterText(length: length)
            }
            let time = start + Int64(index) * Int64(days * 86_400) / Int64(max(count, 1))
            posts.append(
                Post(
                    id: "p\(index)", text: text, time: time, source: sources[uniform(sources.count)],
                    region: "r\(uniform(16))", authorPseudonym: nil, reposts: uniform(50), comments: uniform(30),
                    likes: uniform(200)))
        }
        return posts
    }
}
