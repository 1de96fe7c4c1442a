/**
 * Word lists for the figures recognizer (figures.ts): currencies, measure words and classifiers as
 * Chinese news writes them after a number. Plain data, no logic beyond building lookups.
 */

/** Currency words written after an amount, with their ISO 4217 code (`元` → CNY, `美元` → USD). */
export const CURRENCIES: Readonly<Record<string, string>> = {
  元: 'CNY',
  元人民币: 'CNY',
  人民币: 'CNY',
  块钱: 'CNY',
  美元: 'USD',
  美金: 'USD',
  欧元: 'EUR',
  日元: 'JPY',
  港元: 'HKD',
  港币: 'HKD',
  澳门元: 'MOP',
  澳门币: 'MOP',
  新台币: 'TWD',
  台币: 'TWD',
  英镑: 'GBP',
  澳元: 'AUD',
  澳大利亚元: 'AUD',
  加元: 'CAD',
  加拿大元: 'CAD',
  新西兰元: 'NZD',
  新加坡元: 'SGD',
  新元: 'SGD',
  瑞士法郎: 'CHF',
  瑞郎: 'CHF',
  法国法郎: 'FRF',
  法郎: 'FRF',
  德国马克: 'DEM',
  马克: 'DEM',
  卢布: 'RUB',
  韩元: 'KRW',
  泰铢: 'THB',
  印度卢比: 'INR',
  卢比: 'INR',
  林吉特: 'MYR',
  印尼盾: 'IDR',
  越南盾: 'VND',
  菲律宾比索: 'PHP',
  比索: 'MXN',
  雷亚尔: 'BRL',
  兰特: 'ZAR',
  里拉: 'TRY',
  迪拉姆: 'AED',
  里亚尔: 'SAR',
  坚戈: 'KZT',
  图格里克: 'MNT',
  挪威克朗: 'NOK',
  瑞典克朗: 'SEK',
  丹麦克朗: 'DKK',
  克朗: 'SEK',
  特别提款权: 'XDR',
  美分: 'USD', // cents: the value is then in cents of a dollar (see CURRENCY_SCALE)
};

/** Currency words that name a fraction of the main unit: the value is scaled to the main unit. */
export const CURRENCY_SCALE: Readonly<Record<string, number>> = { 美分: 0.01 };

/**
 * Classifiers and measure words that make a number a QUANTITY. The unit of a span is the longest
 * entry that matches right after the number and its magnitude (`6 万千瓦` → `千瓦`, `3个工作日` →
 * `个工作日`). Durations are here too (`20年`, `19个月`); calendar dates are recognized before units.
 */
export const QUANTITY_UNITS: readonly string[] = [
  // Counting classifiers
  '个', '名', '人', '位', '家', '件', '项', '条', '所', '座', '户', '辆', '台', '套', '次', '批', '场', '篇', '份',
  '支', '只', '头', '匹', '株', '棵', '块', '张', '本', '册', '部', '首', '幅', '起', '宗', '例', '艘', '架', '列',
  '栋', '幢', '层', '间', '处', '类', '种', '款', '期', '轮', '届', '组', '对', '副', '把', '根', '粒', '颗', '片',
  '枚', '盏', '杯', '瓶', '包', '箱', '袋', '盒', '桶', '罐', '顿', '集', '章', '页', '版', '票', '笔', '口', '羽',
  '尾', '趟', '遍', '回', '拨', '堂', '节', '帧', '段', '床', '桌', '扇', '道', '卷', '盘', '台套', '盆', '束', '尊',
  '册次', '件次', '人次', '户次', '车次', '架次', '辆次', '场次', '班次', '台次', '批次', '艘次', '航次', '列次',
  '家次',
  // Percentages as quantities, indexes
  '个百分点', '百分点', '基点',
  // Time spans
  '年', '个月', '日', '周', '个星期', '星期', '天', '小时', '个小时', '分钟', '秒', '秒钟', '个工作日', '工作日',
  '个季度', '学时', '课时', '周年', '周岁', '岁', '昼夜',
  // Multiples
  '倍',
  // Mass
  '吨', '千克', '公斤', '克', '毫克', '微克', '斤', '盎司', '磅', '克拉',
  // Length
  '公里', '千米', '米', '厘米', '毫米', '微米', '纳米', '海里', '英里', '英尺', '英寸', '光年',
  // Area
  '平方米', '平方千米', '平方公里', '平方厘米', '平米', '亩', '公顷', '平方英里',
  // Volume
  '立方米', '立方', '方', '升', '毫升', '千升', '标准立方米',
  // Energy and power
  '千瓦', '千瓦时', '兆瓦', '兆瓦时', '吉瓦', '吉瓦时', '太瓦时', '瓦', '瓦时', '度', '千伏', '伏', '千伏安',
  '兆伏安', '焦耳', '千焦', '千卡', '大卡', '马力', '安培', '毫安时',
  // Pressure, temperature, speed, data, other measures
  '兆帕', '千帕', '帕', '摄氏度', '℃', '华氏度', '公里/小时', '千米/小时', '米/秒', '标准箱', '标箱',
  '吨公里', '人公里', '分贝', '赫兹', '兆赫', '吉赫', '比特', '字节', '兆字节', 'GB', 'TB', 'MB',
  'km', 'kg', 'kW', 'kWh', 'MW', 'MWh', 'GW', 'GWh', 'TWh', 'm²', 'm³', '㎡', '㎞', '㎏', 'cm', 'mm',
  // Scores
  '分',
];

/** Units that a Chinese numeral may not take: `十九届` names a congress, not a count. */
export const ARABIC_ONLY_UNITS: ReadonlySet<string> = new Set([
  '届', '日', '分', '节', '道', '段', '回', '拨', '床', '桌', '方', '口', '尾', '版', '章', '集', '卷', '期', '周', '对',
  '副', '把', '片', '帧', '扇', '层', '间', '处', '类', '笔', '盘', '盆', '束', '尊',
]);

/**
 * Characters that, right after a unit, show that the unit's characters begin a word instead
 * (`3部门` is not `3部`, `2元素`, `5方面`, `3年级`, `90年代`). Keyed by unit.
 */
export const UNIT_BLOCKERS: Readonly<Record<string, string>> = {
  元: '旦素宵首老帅件月',
  部: '门委分队署长属位件',
  方: '面案式法向针位略阵志言',
  年: '级代',
  度: '过日',
  次: '方元生',
  期: '间',
  种: '子',
  米: '饭',
  所: '有以谓长',
  处: '理长室罚置',
  间: '接',
  起: '草诉来',
  层: '面次',
  回: '答应归',
  道: '路理',
  分: '之钟别局公院行会社队区厂析布配散享',
  口: '岸径号',
  周: '边围末',
  名: '单额义',
  台: '湾阶',
  节: '日约点能假庆',
  列: '入为举出车',
  盘: '活点子古',
  天: '然',
  克: '服',
  届: '时',
  条: '件例',
  本: '地',
  对: '于0123456789接口应比象话策外标抗',
  批: '准',
  票: '据',
  首: '都府次届批',
  片: '区',
  段: '落',
  副: '市省县主',
  把: '握',
  帕: '金',
  伏: '特',
  秒: '杀',
  支: '持付部',
  头: '脑',
  集: '团体中',
  位: '数置于',
  人: '民口',
  户: '籍口型外',
  份: '额',
  个: '亿',
  场: '所地馆景',
  升: '至到高级温值幅为入任格学华起降',
};

/** Currency-or-unit entries, longest first, for building one alternation. */
export function unitAlternation(): string[] {
  const all = new Set<string>([...Object.keys(CURRENCIES), ...QUANTITY_UNITS]);
  return [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
}

/**
 * Set phrases and idioms holding numerals that are never figures, even where their characters
 * would otherwise read as a number with a unit (`十万八千里`, `成千上万`).
 */
export const NUMERAL_IDIOMS: readonly string[] = [
  '成千上万', '成百上千', '千千万万', '千家万户', '十万八千里', '千辛万苦', '千方百计', '千军万马', '万水千山',
  '一五一十', '三番五次', '三五成群', '七上八下', '九牛一毛', '百里挑一', '千篇一律', '千锤百炼', '万无一失',
  '十全十美', '四面八方', '五湖四海', '千里之外', '百年大计', '千秋万代', '万紫千红', '万里长城',
];

/** Words of a time of day that may follow a date and belong to it (`5月11日上午`, `25日晚`). */
export const TIME_OF_DAY: readonly string[] = [
  '凌晨', '清晨', '早晨', '早上', '上午', '中午', '午后', '下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '深夜', '午夜',
  '晚',
];

/** Times of day after which an hour below 12 is in the afternoon or evening (下午3时 → 15:00). */
export const PM_TIME_OF_DAY: ReadonlySet<string> = new Set(['下午', '傍晚', '晚上', '晚间', '夜间', '夜里', '深夜', '晚', '午后']);
