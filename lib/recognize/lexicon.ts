/**
 * What the recognizer knows about how Chinese official news is written, as word lists.
 * Each list is data, not a patch for a record: add words of the same kind, never single names.
 */

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);
const set = (s: string): ReadonlySet<string> => new Set(words(s));

/** Common single-character surnames (the ~400 most frequent, Mainland usage). Rare ones are left out on purpose: 福, 包 etc. start too many common words. */
export const SURNAMES_SINGLE = set(`
习 王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 傅 白 邹 孟 熊 秦 邱 江 尹 薛 闫 阎 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 温 康 文 牛 樊 葛 邢 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 兰 焦 俞 左 柳 甘 祝 包 宁 符 舒 阮 柯 纪 梅 童 凌 毕 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 辛 靳 柴 蒙 鲍 华 喻 祁 蒲 滕 屈 饶 牟 尤 阳 穆 卓 缪 芦 麦 褚 娄 窦 戚 岑 宫 费 卜 冷 晏 卫 米 柏 宗 瞿 桂 佟 臧 闵 苟 邬 卞 姬 师 栾 隋 刁 沙 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 麻 苑 迟 邝 封 谈 匡 鞠 荆 冀 郁 胥 南 班 储 栗 燕 楚 鄢 谌 奚 皮 粟 冼 蔺 闻 厉 伊 仝 郜 海 阚 帅 屠 朴 廉 禹 祖 漆 卿 狄 扈 晁 芮 阙 邸 裘 亓 邰 赫 杭 逯 茹 慕 玉 嵇 哈 湛 宾 戎 勾 茅 尉 冶 斯 昝 鄧 劉 陳 楊 黃 趙 吳 張 孫 馬 鄭 謝 許 韓 馮 蕭 葉 蔣 魏 呂 盧 姜 鍾 譚 陸 範 龐 聶 顏 莊 嚴 龔 賀 顧 湯 溫 贠 隗 濮 宓 仉 佴 禚 訾 郗 蒯 厍 笪 眭 庹 邴 亢 郦 揭 暨
`);

/** Compound surnames. */
/**
 * Elements of Tibetan personal names as Chinese writes them: a Tibetan name is two of them (次仁旺堆,
 * 旦增顿珠, 扎西多吉). Seen in the training corpora 62 times out of 64 inside a person's name.
 */
export const TIBETAN_NAME_PARTS = set(`次仁 扎西 旦增 达瓦 尼玛 格桑 洛桑 多吉 顿珠 卓玛 央金 拉姆 平措 边巴 索朗 普布 巴桑 德吉 曲珍 次旦 益西 群培 贡嘎 罗布 白玛 仁青 强巴 土登 丹增 桑珠 欧珠 旺堆 旺姆 米玛 拉巴 巴珠 达娃 卓嘎 央宗 曲措 措姆 扎巴 坚参 江村 嘉措 加措 才让 才旦 更登 贡布 洛追 南杰 琼达 仁增 桑杰 索南 西绕 阿旺 晋美 久美 吉美 拉毛 多杰 周措 仁欠 才仁 公保 夏吾 万玛 完玛 更藏 措吉 吉毛 尕藏 桑吉 德庆 玉珍 普琼 次珍 群宗 洛松 泽仁 泽旺 降措 俄色 斗拉 洛绒 四郎 降央 泽郎 斯朗 呷绒 根秋 俄珠 巴登 拥措 德青 曲扎 向巴 旦巴 仁真 洛布 拉措`);

/**
 * Elements of Mongolian names as Chinese news writes them (苏和 + 巴特尔, 乌兰 + 其其格, 那仁 +
 * 满都拉): two side by side make one person, as Tibetan names' do; so does the surname 包 before
 * one (包满都拉). Elements that are also places' first words (乌兰 of 乌兰察布, 巴音 of 巴音郭楞)
 * make a person only with a second element.
 */
export const MONGOLIAN_NAME_PARTS = set(`巴特尔 满都拉 其其格 乌兰 苏和 那仁 朝鲁 巴雅尔 额尔敦 格日勒 图雅 阿拉坦 宝音 达来 斯琴 萨仁 乌力吉 孟和 敖其尔 毕力格 吉日嘎拉 额尔德尼 那日苏 布和 道尔吉 青格勒 哈斯 呼和 特木尔 巴图 巴音 白音 乌日娜 乌云 高娃 娜仁 格根 塔娜 图门 阿拉腾 敖登 赛音 吉雅 巴根 查干 德力格尔 朝克图 苏雅拉 宝力道 照日格图 宝力高 乌日根 其木格 萨出拉 额尔德木图 巴达荣贵 阿古拉 白乙拉 那顺 孟根 乌恩 达布希拉图 额日和木 图布信 吉格木德 乌兰图雅 格日乐 斯日古楞 包勒尔 苏日娜 萨日娜 其其格玛 特古斯 锡林 呼格吉勒图 伊德尔 巴雅斯古楞`);

/**
 * Yi surnames of two characters (吉克, 沙马, 海来, 曲比 …) as Liangshan news writes them, before a
 * given name of two (吉克阿呷, 沙马伍各). Left out: those that open common words or Han names
 * (木乃 of 木乃伊, 吉木 of 吉木乃县, 罗洪 of 罗洪涛, 马海 of 马海燕, 阿西 of 阿西部: 阿 for Afghanistan).
 */
export const YI_SURNAMES = set(`吉克 海来 沙马 俄木 吉伍 阿苏 勒尔 曲比 阿的 巴莫 阿约 苏呷 沙玛 尔古 吉史 果基 比曲 日火 洛古 俄底 倮伍 瓦扎 吉觉`);

export const SURNAMES_DOUBLE = set(`欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 万俟 澹台 公冶 太史 申屠 钟离`);

/**
 * Characters common in Chinese given names (a few hundred cover most of them). A candidate's
 * given name with none of these is more likely a word than a name.
 */
export const GIVEN_NAME_CHARS = new Set([...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞波斌宇浩凯健俊帆帅旭宁龙林欢阳建亮成佳婷雪琳晶丹颖慧莉梅燕兰凤洁琴云莲真环瑶怡倩婉娴瑾露瑞凡嘉琼勤珍贞娣叶璐娅琦妍茜秋珊莎锦黛青姣婵雁蓓纨仪荷蓉眉君蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希欣飘育滢馥筠柔竹霭凝晓霄枫芸菲寒伊亚宜可姬舒影荔枝妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦雨忠宗曼紫逸贤蝶菡绿蓝儿翠烟小轩文辉力永世广志义兴良海山仁贵福生元全国胜学祥才发武新利清彬富顺信子昌康星光天达安岩中茂进有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆民友裕河哲江政谦亨奇固之轮翰朗伯宏言若鸣朋梁栋维启克伦翔泽晨辰士以家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘峰锋宾鑫森淼晖毅骏立东金春冬夏雷霖益书荣庭卫洪恩沛泉源涵瀚润深渊湘淇潇洲岳嵩峻崇巍昆仑岗峥嵘越跃骞驰骁骐骥鹤鹰麟彤彩丰登开拓展望卓远迪通遥征途舟昊晗昕晟晔暄曦旻映景晋普智捷锐铭钰镇铁钢锡铮镛韬略谋谟谊谨训诗词章典籍礼孝廉耻俭惠淑香芬芝蕙莹萃苗蓬萌蕾蔚藻苏葵茹茵菊柏杉桐楷模樱槐榆桢材杏桃李梓楚乔柳根本溪涧湖池塘沙石珠瑜璋琅瑛璇玮珏琨璞珂珲瑟萧笛箫筝鼓']);

/**
 * Characters that rarely occur in Chinese given names; a candidate whose given name uses one is
 * more likely a word (的, 了, 在 …) than a name.
 */
export const NOT_GIVEN_NAME_CHARS = new Set(
  [...'的了在是和与及或等为对从把被将向于由以而且但则就都也又还再只更最很太这那其所们个些么什怎吗呢吧啊哦嘛着说过去上下里外内前后左右年月日时分秒第每各某该此本省市县区镇乡村街路号届次员会议部门单位工作管理服务企业产业项目经济社会政府群众活动问题情况面记者通讯摄报讯办局厅处委院署'],
)

/**
 * Words that jieba's POS tagger or unknown-word model may take for a person name but are not:
 * two- and four-character words beginning with a surname character.
 */
export const NOT_PERSON = set(`
尼古丁 维生素 阿司匹林 阿米巴 阿拉伯 雷阵雨 阵雨 许可证 厄尔尼诺 拉尼娜 高增值 高素质 纪念章 冷不丁 桑塔纳 田径赛 玉兰树 金字塔 努力提高 万里长城 马拉松 阿司匹林 白兰地 香槟 巧克力 沙发 咖啡 
包罗万象 福祉 高质量 高新 高校 高端 高效 金融 金额 金牌 文明 文化 文件 文旅 万元 万人 万家 万吨 方面 方案 方式 方向 方针 黄河 长江 安全 安排 安置 平安 平台 平稳 常态 常委 常务 时间 时代 时期 和谐 和平 康养 康复 明确 明显 明年 向好 成效 成果 成立 成为 成员 成绩 全面 全省 全市 全国 全体 全力 全年 全部 全过程 关键 关于 关注 关心 任务 任期 任职 应用 应急 应对 应当 路线 路径 路网 江河 海外 海关 海洋 海拔 石油 石化 云端 华人 华侨 武装 武警 严格 严重 龙头 尚未 施工 程序 程度 齐全 齐心 原则 原因 原料 来源 来自 强化 强国 林业 林草 钱款 车辆 车间 项目 连续 连接 宁静 温暖 温度 艾滋 田间 田野 毛泽东思想 司法 司机 司令 周年 周边 周期 周转 周到 石羊河 杜绝 华夏 牛羊 苏区 党员 党建 党委 柏油 乐观 乐于 童年 展开 展示 展览 展现 信息 信心 信任 信用 智慧 智能 富裕 富民 由于 元旦 元素 解决 解放 宣传 宣讲 公开 公布 公司 公共 公众 公益 公路 公园 公安 公正 卫生 卫星 左右 支持 支部 支撑 国家 国内 国际 国有 国务院 计划 计算 索引 相关 相应 相互 初步 初心 门户 门诊 容易 敬老 普遍 普惠 普及 鲜明 印发 印刷 隆重 战略 战斗 危险 危机 银行 利用 利益 居民 居住 干部 干事 但是 元件 束缚 衣食 展望 奉献 富有 由此 汤圆 邵阳
`);

/** Roles and titles that stand next to a person's name (either side) in news text. */
export const PERSON_TITLES = set(`
书记 副书记 总书记 主任 副主任 主席 副主席 院士 局长 副局长 厅长 副厅长 处长 副处长 科长 部长 副部长 省长 副省长 市长 副市长 县长 副县长 区长 副区长 镇长 乡长 村长 州长 副州长 旗长
委员 常委 总理 副总理 总统 副总统 首相 国务委员 秘书长 董事长 副董事长 总经理 副总经理 经理 总裁 主编 社长 台长 院长 副院长 校长 副校长 所长 站长 馆长 行长 会长 理事长
夫妇 父子 母女 兄弟 姐妹 一行 等人 一家 大臣 外交大臣 首相 国王 女王 王子 公主 议长 外长 防长 主教 教皇 总督 酋长 亲王 男友 女友 妻子 丈夫 夫人 党员 警长 网格长 楼栋长 组长 户主 总工程师 工程师 研究员 副研究员 教授 副教授 博士 讲师 教师 老师 医生 主治医师 护士 专家 队长 班长 支书 网格员 志愿者 民警 警官 法官 检察官 律师 会计 技术员 负责人 创始人 代表 大使 发言人 将军 司令员 政委 同志 先生 女士 小姐 老人 大爷 大妈 阿姨 师傅 村民 居民 农民 职工 员工 工人 学生 选手 运动员 教练 主持人 作家 画家 记者 通讯员 编辑 摄影
`);

/** Words that, right before a name, announce a byline or credit. */
export const BYLINE_ROLES = ['特约记者', '本报记者', '本报通讯员', '见习记者', '实习生', '记者', '通讯员', '文/图', '文', '图', '摄影', '责任编辑', '编辑', '作者', '撰文', '校对', '责编', '审核', '审签', '审校', '终审', '监制', '出品', '策划', '统筹', '制作', '主编', '美编', '设计', '翻译'];

/**
 * Suffixes that end an organization's name. Multi-character ones match the end of a token;
 * single characters only match a token that is exactly that character (so 场所 is not an ORG).
 */
export const ORG_SUFFIXES = words(`
委员会 常委会 办公室 办公厅 管委会 工委 党工委 党委 党组 党支部 支部 总支 纪委 监委 人大 政协 政府 法院 检察院 公安局 派出所 警务室 边防站 交警队
局 厅 部 委 办 处 科 署 司 所 院 中心 站 队 社 馆 党 团 军
管理局 监管局 监督局 研究所 研究院 研究中心 科学院 工程院 设计院 医院 卫生院 学院 大学 中学 小学 幼儿园 学校 党校 图书馆 博物馆 纪念馆 体育馆 剧院 电视台 广播电台 出版社 报社 杂志社 新闻网 日报 晚报 时报 商报
公司 有限公司 股份有限公司 集团 集团公司 银行 分行 支行 合作社 联社 工厂 厂 药业 制药 矿业 矿机 电缆
协会 学会 商会 联合会 促进会 基金会 研究会 联盟 联谊会 俱乐部 服务队 志愿服务队 志愿队 工作站 服务站 实验室 重点实验室 残联 妇联 科协 侨联 文联 作协 工商联 总工会 团委 红十字会 工作室 服务中心 孵化器 产业园管委会 军区 部队 舰队 球队 代表团 代表队 女队 男队 女篮 男篮 女排 男排 女足 男足 国家队 俱乐部 组委会 立法会 议会 国会 内阁 总部 使馆 大使馆 领事馆 总领事馆 办事处 创城办 文明办
`);

/** Single-character ORG suffixes (see {@link ORG_SUFFIXES}). */
export const ORG_SUFFIX_SINGLE = new Set(ORG_SUFFIXES.filter((s) => s.length === 1));
/** Multi-character ORG suffixes, longest first. */
export const ORG_SUFFIX_MULTI = ORG_SUFFIXES.filter((s) => s.length > 1).sort((a, b) => b.length - a.length);

/**
 * Words that may stand inside an organization's name between its head (a place, 省, 市 …) and
 * its suffix: sectors and functions of government bodies.
 */
export const ORG_INNER = set(`
市场 监督 管理 监管 知识产权 公共 服务 科技 科学 技术 工业 信息化 信息 和 教育 卫生 健康 文化 旅游 体育 广播 电视 新闻 出版 交通 运输 水利 农业 农村 林业 草原 自然资源 资源 环境 生态 生态环境 住房 城乡 城乡建设 建设 规划 财政 税务 审计 统计 商务 外事 外交 发展 改革 发展和改革 经济 民政 人力 人力资源 社会 社会保障 保障 退役军人 事务 应急 公安 司法 安全 国家安全 民族 宗教 民族宗教 侨务 统战 宣传 组织 政法 纪律 检查 监察 机构 编制 政策 研究 网信 文明 精神文明 创建 创城 乡村振兴 振兴 扶贫 开发 区域 医疗 保险 医保 药品 疾病 预防 控制 中医药 食品 粮食 物资 储备 能源 电力 气象 地震 海洋 测绘 地质 矿产 林草 国有 资产 国资 金融 银行 保险 证券 商标 品牌 专利 运用 促进 保护 行政 执法 综合 城市 街道 社区 产业 园区 工业园 高新区 开发区 经开区 投资 集团 控股 有限 责任 股份 电子 材料 生物 医药 新能源 电池 技术 咨询 本草 化工 盐湖 冶金 矿山 设备 装备 制造 水 中药 制剂 全国 重点 院士 成果 转化 交易 人民 群众 工作 青年 妇女 儿童 老年 残疾人 红十字 慈善 快递 行业 律师 两新 非公 科学技术 生产力 中小企业 党建 协调 志愿 理化 盐湖研究 药用植物 中药研究 中医 师范 民族 职业 技术学院 工程 中国 中华 国家 全国性 第一 第二 第三 人民政府 常务 创新 创业 孵化 推广 培训 检测 检验 认证 评估 鉴定 交流 合作 协作 联络 指导 调解 仲裁 救助 援助 帮扶 监测 预警 调度 指挥 招商 引资 融资 担保 产权 交易 科技成果 成果转化 数据 大数据 网络 通信 邮政 铁路 民航 航空 航天 港口 海事 气候 水文 环保 城管 规划 建筑 设计 勘察 林业和草原 文化和旅游 退役 军人 老干部 离退休 机关 事务管理 后勤 接待 信访 督查 法制 法治 政务 大厅
广电 文体 文广 广播电视 新闻出版 农业农村 交通运输 应急管理 市场监督管理 医疗保障 物资储备
`);

/**
 * Heads that may begin a short-form organization name without a place: 省市场监管局,
 * 市委“两新”工委, 县教育和科技局, 国家知识产权局, 中国科学院.
 */
export const ORG_HEADS = set(`省 市 县 区 州 镇 乡 旗 盟 自治区 国家 中国 中华 中央 中共 国务院 省委 市委 县委 区委 州委 省政府 市政府 县政府 省局 市局 县局`);

/** Generic references to bodies that are not names of any one (ANNOTATION.md: not ORG). */
export const GENERIC_ORG = set(`
省局 市局 县局 区局 党委 党组 支部 党支部 社区党支部 村党支部 政府 人民政府 各级政府 地方政府 当地政府 民间组织 团组织 党组织 基层组织 社会组织 全国高校 新政府 政府机构 上市公司 人民法院 人民检察院 人民医院 交易中心 有关部门 相关部门 相关单位 有关单位 主管部门 职能部门 管理部门 监管部门 各部门 各单位 本单位 该公司 公司 企业 集团 中心 协会 学会 委员会 办公室 管委会 医院 学校 大学 银行 研究所 研究院 科研院所 高校 基层党组织 党组织 工作站 实验室 服务站 服务中心 派出所 社区 居委会 村委会 两委 村两委 县上 乡上 村上 该局 该中心 该院 该所 全省 全市 各市 各县 各地 市州 各市州
`);

/** Suffixes that end a place name made of a name plus a generic place word. */
export const PLACE_SUFFIXES = words(`
大厦 大会堂 会堂 中路 东路 西路 南路 北路 自治区 自治州 自治县 自治旗 特别行政区 省 市 县 区 州 盟 旗 镇 乡 村 街道 社区 小区 苑 里 路 街 巷 大道 大街 胡同 广场 公园 新区 高新区 经开区 开发区 工业园区 工业园 产业园 物流园区 园区 保税区 自贸区 示范区 试验区 山 山脉 岭 峰 河 江 湖 海 湾 岛 峡 峡谷 谷 川 塬 盆地 高原 草原 沙漠 走廊 水库 大桥 机场 港 车站 火车站 口岸 景区 古城 老街 遗址 石窟 莫高窟 寺 庙 塔 楼 宫 城
`).sort((a, b) => b.length - a.length);

/** Words that name a category of place, not a place: 城市, 盐湖, 全省 … (ANNOTATION.md: not PLACE). */
export const NOT_PLACE = set(`
半壁江山 江山 城中村 老旧小区 物业小区 我省 全省 本省 外省 我市 全市 本市 我县 全县 本县 我区 全区 本区 国内 国外 境内 境外 省内 市内 县内 区内 城市 农村 乡村 城乡 城区 郊区 山区 牧区 社区 小区 园区 景区 街道 道路 公路 马路 街巷 山河 江河 湖泊 河流 海外 各地 当地 本地 外地 异地 两地 内地 全国 各省 各市 各县 盐湖 高原 草原 河湖 流域 地区 区域 新区 开发区 工业园 产业园 工业园区 示范区 试验区 保税区 中心城区 老城区 城镇 乡镇 村庄 村落 本村 全村 该村 该县 该市 该区 该镇 各乡镇 市州 省市 省会 首都 边疆 沿海 内陆 东部 西部 南部 北部 中部 一线 二线 大街小巷
`);

/** Verbs of saying that follow a speaker's name: 赵刚介绍, 张伯礼表示. */
export const SPEECH_VERBS = set(`说 表示 介绍 指出 认为 强调 称 告诉 坦言 谈到 回忆 感慨 透露 提出 建议 说道 笑着说 补充 解释 要求 主持 出席 会见 会晤 考察 调研 讲话 致辞`);

/**
 * Organizations written without any suffix the chain rules know: central bodies, news
 * agencies and papers. Names only, as commonly written in news text.
 */
export const KNOWN_ORGS = set(`
党中央 中共中央 国务院 全国人大 全国政协 中央军委 中央政府 中纪委 中央纪委 国家监委 最高人民法院 最高人民检察院 全国人大常委会
发改委 国家发改委 工信部 外交部 教育部 科技部 公安部 民政部 司法部 财政部 商务部 文旅部 卫健委 国资委 海关总署 税务总局 市场监管总局 国家市场监管总局 统计局 国家统计局 国家知识产权局 证监会 银保监会 金融监管总局 人民银行 中国人民银行 央行
文明办 网信办 扶贫办 台办 侨办 外办 编办 创城办 金融办 应急办 综治办 老龄办 双拥办 爱卫办 政研室 人民图片网 央视网 中国网 光明网 国际在线 中国新闻网
新华社 人民日报 光明日报 经济日报 解放军报 中央电视台 央视 中央广播电视总台 中新社 中国新闻社 人民网 新华网 求是 中国日报 青海日报 甘肃日报 人民图片网
国会 议会 参议院 众议院 内阁 国家杜马 联邦委员会 共青团 解放军 人民解放军 武警 海军 陆军 空军 火箭军 北大 清华 复旦 南开 浙大 国航 东航 南航 民航局
华为 中兴 腾讯 阿里巴巴 百度 京东 小米 比亚迪 宁德时代 联想 海尔 格力 中石油 中石化 中海油 国家电网 南方电网 中国移动 中国联通 中国电信
国家发展和改革委员会 科学技术部 工业和信息化部 国家民族事务委员会 国家安全部 人力资源和社会保障部 自然资源部 生态环境部 住房和城乡建设部 交通运输部 水利部 农业农村部 文化和旅游部 国家卫生健康委员会 退役军人事务部 应急管理部 审计署 国防部
国务院国有资产监督管理委员会 国家税务总局 国家市场监督管理总局 国家金融监督管理总局 中国证券监督管理委员会 国家广播电视总局 国家体育总局 国家信访局 国家医疗保障局 国家机关事务管理局 国家国际发展合作署 国家数据局
国家粮食和物资储备局 国家能源局 国家国防科技工业局 国家烟草专卖局 国家移民管理局 国家林业和草原局 国家铁路局 中国民用航空局 国家邮政局 国家文物局 国家中医药管理局 国家疾病预防控制局 国家矿山安全监察局 国家消防救援局 国家外汇管理局 国家药品监督管理局
中国中车 中国建筑 中国中铁 中国铁建 中粮 中信 招商局 宝武 鞍钢 首钢 微软 英特尔 谷歌 亚马逊 特斯拉 三星 丰田 本田 波音 空客 西门子
欧佩克 石油输出国组织 联合国 世界卫生组织 世贸组织 世界贸易组织 欧盟 东盟 北约 国际奥委会 世界银行 国际货币基金组织 上合组织 金砖国家 亚投行 世界经济论坛
世卫组织 上海合作组织 非盟 非洲联盟 联合国教科文组织 联合国粮农组织 粮农组织 国际劳工组织 国际原子能机构 世界气象组织 国际电信联盟 亚太经合组织 联合国开发计划署 联合国儿童基金会 国际红十字委员会
中国电建 国家电投 国家能源集团 中国华能 中国大唐 中国华电 中核集团 中广核 国家林草局 国家文物局 国家数据局
`);

/**
 * News media of China named without 《》 in bylines and sources (来源：中新网): organizations
 * (ANNOTATION.md). The national outlets and their sites, the central broadcasters, and the
 * provincial papers and portals most often cited; a paper named after its place (福州晚报) is
 * found by the combination of the tagger and the rules without a list.
 */
export const KNOWN_MEDIA = set(`
新华社 新华网 人民网 人民日报社 中新社 中新网 中国新闻网 央视网 央视新闻 央广网 中央人民广播电台 中国国际广播电台 国际在线 中国网 光明网 中国日报网
中国青年报 中青报 中国青年网 中青网 中国经济网 经济日报社 工人日报 农民日报 法治日报 科技日报 中国教育报 中国妇女报 解放军报 参考消息 参考消息网
澎湃新闻 封面新闻 界面新闻 上观新闻 新京报 北京日报 北京青年报 解放日报 文汇报 南方日报 南方都市报 南方网 羊城晚报 华西都市报 四川日报 大众日报
浙江日报 新华日报 湖北日报 湖南日报 河南日报 河北日报 陕西日报 甘肃日报 青海日报 宁夏日报 新疆日报 西藏日报 云南日报 贵州日报 广西日报 海南日报
黑龙江日报 吉林日报 辽宁日报 内蒙古日报 山西日报 天津日报 重庆日报 福建日报 江西日报 安徽日报 大众网 红网 华龙网 东方网 荆楚网 大河网 齐鲁网
东北网 北方网 千龙网 西部网 中国甘肃网 青海新闻网 天山网 中国西藏网 多彩贵州网 云南网 新浪 腾讯新闻 网易新闻 今日头条 上证报 中国证券报 证券时报
第一财经 财新 21世纪经济报道 每日经济新闻 中国证券网 环球时报 环球网 学习强国 求是网 共产党员网 中国政府网 CCTV
`);

/**
 * Characters used to write foreign names in Chinese transliteration (克林顿, 叶利钦, 若斯潘).
 * A word made only of these, tagged as a name by jieba, is taken as a foreign person.
 */
export const TRANSLIT_CHARS = new Set([
  ...'阿埃艾爱安昂奥巴拔柏邦鲍贝本比彼毕宾波伯勃博布查达戴丹道德登迪蒂丁东杜敦顿多厄恩尔法范菲费芬丰冯弗福夫盖甘冈戈格古圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷黎里利莉连列林琳刘隆卢鲁伦罗洛吕马迈麦曼芒梅门蒙米密明摩莫默姆穆纳娜奈南内尼涅宁诺欧帕潘佩彭皮珀普奇齐乔琼丘萨塞瑟森沙莎尚舍什施史舒斯松苏索塔泰坦汤唐特滕提汀通图托瓦万旺威韦维魏温沃乌伍武西希锡席夏谢辛休雅亚扬耶叶伊因英尤约泽扎詹兹佐延若茨丝蕾芙玛妮娃琪黛蒂迦拜姆赛萨索哲裘鲍科罗纳梅丽芭莎琪妮露茜珍汀薇妲缇翰逊钦契士蒂茨沃兹乔杰迈柯伯托普肖努·',
]);

/**
 * Characters of names written in parts joined by a middle dot: the transliteration characters and
 * those Uyghur and Kazakh names add (阿不都热合曼·托乎提, 热合曼江·吐尔逊, 买买提·吾斯曼). Used
 * only next to a dot, which says "a name" by itself.
 */
export const DOTTED_NAME_CHARS: ReadonlySet<string> = new Set([...TRANSLIT_CHARS, ...'热合江吐不都乎买依木吾力孜别那卜太汗甫罕玉素则送肉再完满班洪']);

/** Endings of words that hold a person's name before them: 邓小平理论, 毛泽东思想. */
export const NAME_COMPOUND_ENDINGS = ['理论', '思想', '同志', '主义', '精神', '故居', '纪念馆', '旧居'];


/**
 * Words ending in a character that also ends organization names (局 处 所 部 办 院 …) but that
 * are ordinary words: 格局 is no bureau, 场所 no institute.
 */
export const NOT_ORG_SUFFIX_WORDS = set(`
两院 音乐会 晚会 舞会 茶话会 座谈会 研讨会 招待会 发布会 运动会 博览会 展览会 交易会 年会 例会 飞行 交界处 大部 中小学校 中小学 中小学生 团队 驿站 领办 平台 大厅 窗口 格局 结局 布局 当局 开局 大局 全局 骗局 僵局 时局 政局 新局 棋局 饭局 赌局 变局 破局 终局 残局 危局 邮局 书局 药局
场所 住所 厕所 处所 寓所 会所 哨所 诊所 派所 所以 所有 所在 研究生所
好处 到处 长处 用处 益处 难处 短处 住处 去处 此处 各处 何处 深处 远处 近处 高处 低处 相处 共处 出处 妙处 痛处 不足之处
内部 全部 干部 局部 西部 东部 南部 北部 中部 外部 头部 底部 顶部 腹部 胸部 面部 背部 腰部 足部 细部 部分 部署 签署 联署
主办 创办 举办 承办 开办 兴办 合办 督办 协办 包办 代办 查办 交办 经办 一窗办 一网办 马上办 就近办 网上办 掌上办
剧院 影院 庭院 书院 宅院 寺院 住院 出院 入院 大院 小院 后院 四合院
全委 常委 编委 村委 居委
课题组 专家组 工作组 小组 班组 机组 剧组
`);

/**
 * Names of government departments and titles that jieba's own dictionary cuts badly
 * (山东省市场监管/局确定, 副局/长江/林说). They go into the segmenter's user dictionary before
 * the first recognition, so they are cut whole; they are generic words, not names.
 */
export const SEGMENTER_WORDS = words(`
市场监管局 市场监督管理局 知识产权局 科技局 科学技术局 科技厅 教育局 教育厅 财政局 财政厅 民政局 民政厅 公安局 公安厅 司法局 司法厅
商务局 商务厅 文旅局 文化和旅游局 文化和旅游厅 卫健委 卫生健康委员会 生态环境局 生态环境厅 自然资源局 自然资源厅 住建局 住房和城乡建设局
住房和城乡建设厅 交通运输局 交通运输厅 水利局 水利厅 农业农村局 农业农村厅 应急管理局 应急管理厅 统计局 审计局 审计厅 税务局 人社局
人力资源和社会保障局 人力资源和社会保障厅 退役军人事务局 医保局 医疗保障局 林草局 林业和草原局 发改委 发展和改革委员会 工信局 工信厅
工业和信息化局 工业和信息化厅 人社厅 住建厅 文旅厅 交通厅 应急厅 应急局 数据局 大数据局 信访局 档案局 气象局 地震局 市监局 城管局 综合执法局 行政审批局 政务服务中心 大数据中心 大数据发展局 大数据发展管理局 大数据管理局 大数据交易所 数据交易所 政务服务管理局 政务服务和大数据管理局 融媒体中心 信息中心 农商行 农商银行 农信社 农村信用社 农村商业银行 村镇银行 邮储银行
交通巡逻警察大队 交通警察大队 交警大队 交警支队 治安大队 刑侦大队 刑警大队 巡特警大队 特警大队 禁毒大队 经侦大队 网安大队 交通警察支队 刑事侦查大队
副局长 副厅长 副处长 副科长 副主任 副书记 副县长 副市长 副省长 副区长 副镇长 副乡长 副州长 副主席 副院长 副校长 副所长 副站长 副会长
`);

/** Government departments: the full name and the short forms news uses (the suffix included). */
export const DEPARTMENTS: ReadonlyArray<readonly string[]> = [
  ['市场监督管理局', '市场监管局'], ['知识产权局'], ['发展和改革委员会', '发改委'], ['工业和信息化局', '工信局'],
  ['科学技术局', '科技局'], ['教育局'], ['教育和科技局'], ['财政局'], ['民政局'], ['公安局'], ['司法局'], ['商务局'],
  ['文化和旅游局', '文旅局'], ['卫生健康委员会', '卫健委'], ['生态环境局'], ['自然资源局'], ['住房和城乡建设局', '住建局'],
  ['交通运输局', '交通局'], ['水利局'], ['农业农村局', '农业局'], ['应急管理局', '应急局'], ['统计局'], ['审计局'],
  ['人力资源和社会保障局', '人社局'], ['退役军人事务局'], ['医疗保障局', '医保局'], ['林业和草原局', '林草局'],
  ['数据局'], ['信访局'], ['城市管理局', '城管局'], ['行政审批局'], ['乡村振兴局'], ['气象局'], ['税务局'],
  ['融媒体中心'], ['政务服务中心'], ['疾病预防控制中心', '疾控中心'], ['人民医院'], ['中医医院'], ['妇幼保健院'],
  ['人民法院', '法院'], ['人民检察院', '检察院'], ['总工会'], ['妇女联合会', '妇联'], ['残疾人联合会', '残联'],
  ['科学技术协会', '科协'], ['工商业联合会', '工商联'], ['红十字会'], ['广播电视台'], ['图书馆'], ['档案馆'],
];
/** Every department name and short form of {@link DEPARTMENTS}: after a level's head (市 + 公安局) they name one body. */
export const DEPARTMENT_NAMES: ReadonlySet<string> = new Set([
  ...DEPARTMENTS.flat(),
  // A province's departments are 厅 (its 局 are bureaus of their own, 统计局).
  ...SEGMENTER_WORDS.filter((w) => w.endsWith('厅') && !w.startsWith('副')),
  '农业厅',
  '市监局',
]);

/** Party bodies after a committee (市委 + 宣传部). */
export const PARTY_DEPARTMENTS = ['宣传部', '组织部', '统战部', '政法委', '编办', '网信办', '政研室', '社会工作部', '老干部局'];

/** Honorifics and titles after a bare surname: 李老师, 陈小姐, 胡老 (the surname is the PERSON). */
export const SURNAME_HONORIFICS = set(`某 主席 总理 委员长 先生 女士 小姐 老师 老 教授 大娘 大爷 阿姨 师傅 同志 局长 主任 书记 县长 市长 部长 经理 总 外长 院士 厂长 校长 医生 大夫 律师 法官 警官 所长 站长 村长 乡长 镇长 处长 科长 会长 董事长 总经理`);

// One-character forms of countries and places (中美, 访华, 华侨): optional PLACE in the guide.
export const ABBR = new Set([...'中美俄日韩英法德意印巴以朝越葡菲泰澳加新缅老柬蒙墨叙伊埃土古阿欧非']);
/** Two-character words made of country forms that mean something else: 美德 (virtue), 中意 (to like). */
export const NOT_PAIR = new Set(['中以', '加以', '古老', '土法', '日新', '中古', '新意', '美德', '中意', '意中', '日中', '中加', '加德', '法德', '德法', '以德', '以中', '以新', '老中', '新中', '新老', '老新', '中新', '加新', '新加', '非法', '非中', '中非', '法中']);
/** Words of relations after two country forms: 中美关系, 巴以双方, 日俄高层. */
export const PAIR_NEXT = ['关系', '双方', '两国', '三国', '建交', '首脑', '高层', '之间', '会谈', '会晤', '合作', '贸易', '联合', '边境', '边界', '友好', '三个', '峰会', '对话', '战略', '伙伴', '外长', '领导人', '间', '加强', '和平', '历代', '友谊', '经贸', '交流', '两军', '两党'];
/** What may follow a country form after 对/与/同 (对美关系, 对华投资). */
export const AFTER_TOWARDS = ['关系', '贸易', '投资', '出口', '进口', '政策', '短期', '援助', '制裁', '友好', '合作'];
/** A country's government or side after its one-character form: 俄总统, 中方. */
export const ROLE_NEXT = ['总统', '总理', '政府', '首脑', '外长', '外交部', '议会', '央行', '领导人', '方'];
/** Words after 方 that make it no "side": 方面, 方法. */
export const NOT_SIDE = new Set([...'面法式向针案便']);
/** Verbs of travel or stay before a one-character place: 访华, 驻华, 抵京. */
export const TRAVEL_BEFORE = new Set([...'访驻来赴抵离返旅留侵']);
export const TRAVEL_PLACE = new Set([...'华京沪港澳台美日韩俄英法德']);
/** Words made from a one-character place (华侨, 京剧): the place is optional in the guide. */
export const DERIVED: ReadonlyMap<string, readonly string[]> = new Map([
  ['华', ['侨', '人', '裔', '商']],
  ['京', ['剧', '韵', '腔']],
  ['川', ['剧']],
  ['粤', ['剧']],
  ['沪', ['剧']],
  ['豫', ['剧']],
]);
