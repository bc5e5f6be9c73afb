import PinganCore

extension DemoLedger {
    /// A kind of case the demo district sees, with the words a centre would record. Places are fictional.
    struct Template: Sendable {
        var kind: CaseKind
        var category: String
        var title: String
        var description: String
        var result: String

        static let all: [Template] = [
            .init(
                kind: .dispute, category: "conflict.labour", title: "{place}工地拖欠农民工工资",
                description: "十余名工人反映{place}项目完工两个月,劳务公司仍拖欠工资约二十万元,多次讨要未果。",
                result: "约谈总包单位,从工资专户足额发放欠薪,工人签字确认。"),
            .init(
                kind: .dispute, category: "conflict.labour", title: "{place}餐饮店解聘员工经济补偿争议",
                description: "员工反映被口头辞退,未签劳动合同,要求支付经济补偿,店方拒绝。",
                result: "经劳动人事争议调解,双方达成补偿协议并当场履行。"),
            .init(
                kind: .dispute, category: "conflict.property", title: "{place}小区物业费上调引发业主不满",
                description: "业主反映物业公司未经业主大会表决上调物业费,并以停车卡停用相要挟。",
                result: "街道召集物业与业主委员会协商,暂缓调价,启动业主大会表决程序。"),
            .init(
                kind: .dispute, category: "conflict.property", title: "{place}楼顶渗水维修责任纠纷",
                description: "顶楼住户反映屋面渗水,物业称属公共维修资金范围,双方互相推诿。",
                result: "启用维修资金应急程序,完成屋面防水维修,住户确认。"),
            .init(
                kind: .dispute, category: "conflict.neighbour", title: "{place}邻里噪音纠纷",
                description: "楼上住户夜间噪音影响休息,双方多次发生争吵,有肢体冲突苗头。",
                result: "人民调解员上门调解,签订调解协议,约定作息时段。"),
            .init(
                kind: .dispute, category: "conflict.family", title: "{place}赡养老人费用分担纠纷",
                description: "老人反映三名子女对赡养费用分担意见不一,生活费无着落。",
                result: "社区调委会主持调解,子女按月分担赡养费并签订协议。"),
            .init(
                kind: .dispute, category: "conflict.medical", title: "患者家属与医院医疗费用纠纷",
                description: "家属对住院期间治疗效果与费用有异议,在医院门诊大厅聚集。",
                result: "医调委介入调解,医院出具费用说明,双方达成协议。"),
            .init(
                kind: .dispute, category: "conflict.land", title: "{place}旧改项目补偿标准异议",
                description: "部分住户对旧城改造补偿标准有异议,拒绝签约并在项目部聚集。",
                result: "召开听证会逐户解释补偿政策,完成复核并签约。"),
            .init(
                kind: .hazard, category: "safety.gas", title: "{place}楼道燃气管道异味",
                description: "居民反映楼道内有明显燃气味,疑似管道接口老化泄漏。",
                result: "燃气公司抢修更换接口并检测合格,同步排查同楼栋管道。"),
            .init(
                kind: .hazard, category: "safety.fire", title: "{place}电动自行车楼道违规充电",
                description: "网格员巡查发现多辆电动自行车在楼道内飞线充电,堵塞消防通道。",
                result: "清理楼道车辆,增设集中充电桩,张贴安全提示。"),
            .init(
                kind: .hazard, category: "safety.construction", title: "{place}工地塔吊夜间违规作业",
                description: "居民反映工地塔吊夜间作业,且未设置安全警戒区。",
                result: "住建局现场检查并责令整改,夜间施工许可外作业已停止。"),
            .init(
                kind: .hazard, category: "safety.road", title: "{place}路口信号灯故障",
                description: "路口信号灯持续黄闪,早晚高峰车辆混行,存在事故隐患。",
                result: "交警部门联系维护单位修复信号灯,高峰期安排警力疏导。"),
            .init(
                kind: .request, category: "service.utilities", title: "{place}小区停水未提前通知",
                description: "居民反映小区突然停水超过十小时,供水单位未提前公告。",
                result: "供水单位恢复供水,并承诺计划停水提前48小时公告。"),
            .init(
                kind: .request, category: "service.city", title: "{place}人行道占道经营",
                description: "市民反映早市摊贩占用人行道,行人被迫走机动车道。",
                result: "城管部门规范设置临时疏导点,人行道恢复畅通。"),
            .init(
                kind: .request, category: "service.complaint", title: "办事大厅排队时间过长",
                description: "市民反映社保窗口排队超过两小时,自助设备无法使用。",
                result: "增开窗口并修复自助设备,推行线上预约办理。"),
            .init(
                kind: .request, category: "service.social_security", title: "灵活就业人员社保缴费咨询",
                description: "来电咨询灵活就业人员社保缴费基数与补缴政策。",
                result: "人社局工作人员电话答复政策并寄送办事指南。"),
            .init(
                kind: .request, category: "safety.food", title: "{place}超市销售过期食品",
                description: "消费者反映在超市购买的牛奶已过保质期,商家拒绝退换。",
                result: "市场监管局立案调查,商家下架过期商品并赔偿消费者。"),
            .init(
                kind: .request, category: "order.fraud", title: "老人接到冒充客服诈骗电话",
                description: "社区反映多名老人接到冒充电商客服的退款电话,要求转账。",
                result: "派出所上门宣传反诈知识,拦截可疑转账一笔。"),
            .init(
                kind: .incident, category: "safety.disaster", title: "{place}暴雨致地下车库进水",
                description: "强降雨导致小区地下车库进水约三十厘米,多辆车被淹。",
                result: "应急管理局组织排涝,完成车库清淤,排查周边易涝点。"),
            .init(
                kind: .opinionWarning, category: "conflict.labour", title: "网帖:{place}项目工人讨薪视频传播",
                description: "监测发现短视频平台出现工人举牌讨薪视频,转评量快速上升。",
                result: "核实情况并督促发放欠薪,官方账号发布处置进展。"),
            .init(
                kind: .opinionWarning, category: "service.utilities", title: "网帖:{place}片区频繁停电引发讨论",
                description: "本地论坛集中出现停电投诉帖,负面评论占比较高。",
                result: "协调供电公司排查线路,发布停电原因说明和抢修计划。"),
        ]

        static let places = [
            "桃李苑", "翠湖花园", "明德里", "滨江一号", "官园新村", "渔港路", "青山大道", "临江湾", "锦绣华庭", "枫林小区",
            "东湖路", "学府苑",
        ]

        static let surnames = ["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙"]

        static let progress = [
            "已联系当事人核实情况,正在协调相关单位。", "已现场查看,制定处置方案。", "已召集双方初步沟通,约定再次协商时间。",
            "已向分管领导汇报,明日现场处置。",
        ]
    }
}
