/// The project's own sentiment lexicon (issue 5, §5), written for public-concern text: general negative and
/// positive words, negators, degree adverbs, and the vocabulary of public complaint and harm (拖欠, 讨薪, 维权,
/// 投诉无门, 爆炸, 坍塌, 中毒, 停水, …) which weighs double. Entries are simplified Chinese; the lexicon is data, a
/// deployment may pass its own.
public struct SentimentLexicon: Sendable {
    /// Word → weight (negative words < 0).
    public var words: [String: Double]
    /// Negators: a sentiment word up to `scope` scalars after one, in the same clause, is flipped.
    public var negators: [String]
    /// Degree adverbs → multiplier, applied to the next sentiment word within `scope` scalars, same clause.
    public var degrees: [String: Double]
    /// Scope in scalars of negators and degree adverbs.
    public var scope: Int

    /// Creates a lexicon.
    public init(words: [String: Double], negators: [String], degrees: [String: Double], scope: Int = 4) {
        self.words = words
        self.negators = negators
        self.degrees = degrees
        self.scope = scope
    }

    /// The shipped lexicon.
    public static let standard: SentimentLexicon = {
        var words: [String: Double] = [:]
        for word in negativeWords { words[word] = -1 }
        for word in positiveWords { words[word] = 1 }
        for word in complaintWords { words[word] = -2 }
        return SentimentLexicon(words: words, negators: negatorWords, degrees: degreeWords)
    }()

    static let negativeWords: [String] = [
        "差", "差劲", "糟糕", "失望", "愤怒", "气愤", "生气", "恶心", "可恶", "无语", "无奈", "郁闷", "难受", "痛苦",
        "伤心", "难过", "担心", "担忧", "害怕", "恐慌", "恐惧", "焦虑", "崩溃", "绝望", "悲剧", "惨", "可怜", "心寒",
        "不满", "不满意", "不合理", "不公平", "不公", "不负责", "不靠谱", "不作为", "太慢", "慢吞吞", "敷衍", "冷漠",
        "态度恶劣", "恶劣", "粗暴", "野蛮", "霸道", "嚣张", "欺负", "欺骗", "坑人", "黑心", "无良", "垃圾", "烂",
        "骗子", "骗人", "忽悠", "推脱", "推诿", "扯皮", "踢皮球", "刁难", "拖延", "拖拉", "拖着", "没人管", "没人理",
        "不管不问", "置之不理", "石沉大海", "乱收费", "乱象", "混乱", "脏", "脏乱差", "臭", "臭味", "刺鼻", "吵",
        "扰民", "噪音", "危险", "隐患", "严重", "问题", "麻烦", "困难", "吃亏", "损失", "受害", "受伤", "伤亡", "死亡",
        "身亡", "遇难", "去世", "被困", "失踪", "受骗", "被骗", "上当", "投诉", "举报", "曝光", "质疑", "抗议", "谴责",
        "讨厌", "反感", "不行", "不好", "不要脸", "丢人", "耻辱", "离谱", "荒唐", "过分", "可耻", "坑", "贵", "太贵",
        "漏", "破", "坏了", "故障", "瘫痪", "堵", "拥堵", "排长队", "停工", "倒闭", "亏", "血本无归", "告急", "求救",
        "哭", "泪", "惨痛", "心疼", "揪心", "痛心", "悲痛", "哀悼",
    ]

    static let complaintWords: [String] = [
        "拖欠", "欠薪", "讨薪", "讨要工资", "维权", "投诉无门", "求助无门", "爆炸", "坍塌", "倒塌", "中毒", "停水", "停电",
        "停气", "断水", "断电", "火灾", "起火", "着火", "失火", "事故", "车祸", "爆管", "塌陷", "泄漏", "污染", "排污",
        "强拆", "烂尾", "跑路", "爆雷", "诈骗", "非法集资", "暴雨", "内涝", "洪水", "滑坡", "泥石流", "漏水", "求扩散",
        "家暴", "医闹", "误诊", "医疗事故", "偷", "盗窃", "被偷", "泄露",
    ]

    static let positiveWords: [String] = [
        "好", "很好", "不错", "满意", "满足", "喜欢", "开心", "高兴", "快乐", "幸福", "感谢", "谢谢", "感激", "点赞",
        "赞", "棒", "优秀", "完美", "及时", "迅速", "高效", "负责", "认真", "耐心", "热情", "贴心", "周到", "专业",
        "放心", "安心", "温暖", "暖心", "感动", "支持", "方便", "便利", "干净", "整洁", "漂亮", "美丽", "舒服", "舒适",
        "顺利", "成功", "解决", "已解决", "妥善", "化解", "恢复", "修复", "改善", "提升", "平安", "安全", "和谐", "稳定",
        "实惠", "划算", "值得", "推荐", "给力", "靠谱", "好评", "表扬", "感恩", "辛苦了", "安全无事",
    ]

    static let negatorWords: [String] = [
        "不", "没", "没有", "无", "未", "别", "莫", "勿", "毫无", "并非", "并不", "不是", "绝不", "从不", "从未", "从没",
        "不曾", "未曾", "不会", "不能", "无法", "难以", "不太", "不够",
    ]

    static let degreeWords: [String: Double] = [
        "极其": 2, "极度": 2, "极为": 2, "非常": 1.8, "特别": 1.8, "十分": 1.8, "相当": 1.5, "格外": 1.5, "太": 1.8,
        "超": 1.6, "超级": 1.8, "最": 2, "越来越": 1.5, "很": 1.5, "挺": 1.3, "真": 1.3, "真的": 1.3,
        "比较": 1.1, "更": 1.3, "更加": 1.3, "有点": 0.6, "有些": 0.6, "稍微": 0.5, "略": 0.5, "略微": 0.5, "一点": 0.6,
    ]
}
