/// The risk domains of BRIEF §3 and the words that place a topic in one (issue 5, §6). Only these risk domains —
/// public safety, social conflict, public order, cyber and public services — are classified; no domain, watch-list
/// or classifier targets people by belief, identity or community (BRIEF §6). Severity 1–3 feeds the grading
/// (3: threats to life and health or mass disputes).
public struct DomainLexicon: Sendable {
    /// One risk domain.
    public struct Domain: Sendable, Equatable {
        /// Machine name, e.g. `fire`.
        public var code: String
        /// Chinese label, e.g. 火灾.
        public var label: String
        /// 1 (low) … 3 (high).
        public var severity: Int
        /// Indicative words.
        public var words: [String]

        /// Creates a domain.
        public init(code: String, label: String, severity: Int, words: [String]) {
            self.code = code
            self.label = label
            self.severity = severity
            self.words = words
        }
    }

    /// The domains.
    public var domains: [Domain]

    /// Creates a lexicon.
    public init(domains: [Domain]) {
        self.domains = domains
    }

    /// The shipped domains (BRIEF §3 risk chapters).
    public static let standard = DomainLexicon(domains: [
        Domain(
            code: "production_safety", label: "安全生产", severity: 3,
            words: [
                "安全生产", "生产事故", "爆炸", "坍塌", "倒塌", "矿难", "工地", "脚手架", "高空坠落", "坠落", "泄漏", "危化品",
                "厂房", "工厂", "塔吊",
            ]),
        Domain(
            code: "road_traffic", label: "道路交通", severity: 2,
            words: [
                "车祸", "交通事故", "追尾", "相撞", "撞车", "肇事", "逃逸", "侧翻", "酒驾", "闯红灯", "大货车", "渣土车",
            ]),
        Domain(
            code: "fire", label: "火灾", severity: 3,
            words: [
                "火灾", "起火", "着火", "失火", "浓烟", "大火", "明火", "消防", "火情", "烧毁",
            ]),
        Domain(
            code: "utilities", label: "燃气与市政设施", severity: 3,
            words: [
                "燃气", "煤气", "天然气", "停水", "停电", "停气", "断水", "爆管", "水管", "井盖", "路面塌陷", "塌陷", "供暖",
                "暖气",
            ]),
        Domain(
            code: "public_health", label: "公共卫生", severity: 3,
            words: [
                "中毒", "食物中毒", "疫情", "感染", "发热", "腹泻", "呕吐", "传染", "疫苗", "食品安全", "变质", "过期食品",
            ]),
        Domain(
            code: "natural_disaster", label: "自然灾害", severity: 3,
            words: [
                "暴雨", "洪水", "内涝", "台风", "地震", "山体滑坡", "滑坡", "泥石流", "冰雹", "干旱", "积水",
            ]),
        Domain(
            code: "labour_wages", label: "劳动与欠薪", severity: 3,
            words: [
                "拖欠", "欠薪", "讨薪", "工资", "农民工", "工钱", "包工头", "讨要", "劳动仲裁", "社保", "裁员", "加班费",
            ]),
        Domain(
            code: "housing_property", label: "住房与物业", severity: 2,
            words: [
                "物业", "烂尾", "业主", "交房", "维修基金", "停车费", "开发商", "房产证", "漏水", "电梯", "小区",
            ]),
        Domain(
            code: "investment_loss", label: "投资受损", severity: 3,
            words: [
                "爆雷", "非法集资", "p2p", "理财", "跑路", "兑付", "暴雷", "投资款", "本金", "集资",
            ]),
        Domain(
            code: "medical_dispute", label: "医疗纠纷", severity: 2,
            words: [
                "医疗事故", "医闹", "误诊", "医患", "手术失败", "医疗纠纷", "医院", "医生",
            ]),
        Domain(
            code: "family_dispute", label: "婚姻家庭纠纷", severity: 1,
            words: [
                "家暴", "离婚", "赡养", "抚养费", "家庭纠纷", "遗产",
            ]),
        Domain(
            code: "land_demolition", label: "土地与拆迁", severity: 3,
            words: [
                "拆迁", "征地", "强拆", "补偿款", "宅基地", "征收", "安置房",
            ]),
        Domain(
            code: "environment", label: "生态环境", severity: 2,
            words: [
                "污染", "排污", "臭味", "异味", "噪音", "扰民", "垃圾焚烧", "水质", "黑臭", "粉尘", "偷排", "垃圾",
            ]),
        Domain(
            code: "fraud", label: "诈骗", severity: 2,
            words: [
                "诈骗", "电信诈骗", "网络诈骗", "骗局", "刷单", "冒充", "被骗", "受骗", "骗子",
            ]),
        Domain(code: "theft", label: "盗窃", severity: 1, words: ["盗窃", "被偷", "小偷", "入室", "扒窃", "偷车"]),
        Domain(code: "drugs", label: "毒品", severity: 2, words: ["吸毒", "贩毒", "毒品"]),
        Domain(code: "gambling", label: "赌博", severity: 1, words: ["赌博", "赌场", "网赌", "聚赌"]),
        Domain(
            code: "data_leak", label: "个人信息泄露", severity: 2,
            words: [
                "信息泄露", "数据泄露", "泄露", "个人信息", "隐私",
            ]),
        Domain(
            code: "cyber_attack", label: "网络攻击", severity: 2,
            words: [
                "黑客", "网络攻击", "勒索病毒", "系统瘫痪", "病毒", "钓鱼网站",
            ]),
        Domain(
            code: "public_service", label: "公共服务", severity: 1,
            words: [
                "投诉", "办事难", "推诿", "12345", "窗口", "服务态度", "不作为", "乱收费", "踢皮球", "热线",
            ]),
    ])
}
