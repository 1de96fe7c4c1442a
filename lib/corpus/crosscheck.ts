/**
 * The figure cross-check (数字核对): for a figure on the page (格尔木液态空气储能示范项目总投资
 * 15.68亿元), the statements of the corpus about the same subject and the same kind of quantity,
 * each with a verdict: `same`, `different` or `compatible`, and why.
 *
 * Pure: no Node or DOM API; runs unchanged in the CLIs, the tests and the extension. It reads an
 * article's text and its recognized spans (the corpus records keep them as `marks`).
 *
 * ## How a figure becomes a statement
 *
 * Chinese news states a figure as `[time][subject][verb][indicator][verb/approximator]FIGURE` or
 * `[subject][verb]FIGURE[classifier][counted noun][predicate]`, clause by clause. So, per figure:
 * - **sentence**: the text between 。！？；or line breaks; **clause**: between ，、：within it;
 * - **subject**: the specific names (ORG, PLACE, PERSON, DOC) of the sentence up to the figure's
 *   clause, as keys (青海省 → 青海; a body named after a place also gives the place: 金昌市快递
 *   行业党委 → 金昌), and the article's subject: the names of its headline, of its first sentence
 *   naming one, and those it repeats (places and bodies twice, people three times). A sentence that refers back (该院士工作站,
 *   此次…) names the article's subject as its own. Not specific: the country (中国), media
 *   (人民日报, 新华社), datelines and credits;
 * - **indicator**: what is counted or measured: the noun phrase before the figure in its clause
 *   (after the last name, date or figure there) and the first words of the counted noun after it
 *   (31个**党支部**). Dropped from it: scope, time, demonstrative and manner words (我国, 全市,
 *   该高新区, 今年, 这, 精心, 积极), particles (的, 了), linking
 *   verbs and approximators (达, 为, 约, 超过), cumulative words (累计, 共), leading verbs of
 *   acting (完成, 发放, 受理…), measure nouns at the end (数量, 拥有量), list items before 等 (and
 *   its category noun: 等领域),
 *   agents and beneficiaries before a preposition (联合…为小区居民 | 解决难题), and, when a
 *   counted noun follows, the relative clause before the figure (此次开工的 | 6万千瓦…项目).
 *   A generic counted noun (2家**企业**) is specified by its predicate (企业开展运营类专利导航);
 *   a bare rate (办结率), a bare change (同比增长) or a bare share (其中七成…) takes the indicator
 *   of the clause before as its topic (群众诉求办结率). `居民活动空间从658平方米增至2045平方米`:
 *   both figures are about 居民活动空间;
 * - **relation**: a level (达, 增至, 缩短至), an increase or a decrease by (增长, 减少), or the
 *   starting value of a change (从…);
 * - **qualifier**: the approximation (约/左右, 近, 超过/逾/突破/以上, 余/多, 不足/以下, 数千/上万),
 *   a range (3至5个, 15%至20%), stock or flow (截至, 以来, 累计, 共 vs 今年, 2025年, 1-6月,
 *   新增…), the years and the part of a year named before the figure (1-6月, 上半年), and the
 *   precision it is written with (15.68亿 to 0.01亿; 530万 to 10万; 83% to a point; 1740件 exact).
 *
 * ## Decision order (first that applies wins)
 *
 * 1. Only MONEY, PERCENT and QUANTITY figures are checked; DATE spans only qualify periods.
 * 2. Candidates come from the index by subject key and dimension (MONEY by currency, PERCENT,
 *    QUANTITY by unit class): never a scan of the corpus. No shared specific key → no match.
 * 3. Dimension: MONEY only with the same currency, PERCENT with PERCENT, QUANTITY with the same
 *    measure word after normalization (千瓦/兆瓦, 公里/千米, 人/名/位); otherwise no match.
 * 4. Period: both sides name years and share none, or both name parts of a year that differ → no
 *    match (figures of other periods are about another subject).
 * 5. Relation: a level never meets a change or a starting value → no match.
 * 6. Indicator: the shorter indicator's characters must all occur in the longer one, and the
 *    longer one's extra characters must occur in the shorter one's sentence (with the sentence
 *    before in its paragraph when it names nobody: it continues that topic), leaving out the
 *    other items of a list of the same kind (总投资 matches 液态空气储能示范项目总投资 when the
 *    sentence names the project; 知识产权优势企业 does not match 国家知识产权优势企业 because
 *    国家 only occurs in a sibling item). Otherwise no match: a different modifier (有效 vs 高价值
 *    发明专利, 每万人口…) names another indicator.
 * 7. Stock against flow (累计…, 拥有… vs 2025年…, 新增…): `compatible` (`cumulative-vs-period`)
 *    when the stock is not below the flow, even with equal values; otherwise no verdict.
 * 8. Equal stated values → `same` (`equal`), whatever approximators surround them (two ranges:
 *    when both ends are equal).
 * 9. The intervals the two figures allow overlap → `compatible`, the reason naming what made
 *    them overlap: `range`, `approx-vague`, `approx-over`, `approx-under`, `approx-near`,
 *    `approx-about`, or `rounding` (two exact figures written to different precisions).
 * 10. Otherwise → `different` (with the difference as amount and share), only when the subject
 *    agrees strongly: a shared key that each side names in its own sentence (or a side whose
 *    sentence names nobody, falling back on its article); and never for a vague figure (数千,
 *    上万). Otherwise no verdict.
 */
import type { Span } from '../recognize/types';
import { marksAsSpans, type CorpusArticle } from './article';

export type Verdict = 'same' | 'different' | 'compatible';

/** How a figure is approximated in the text: exact, or the kind of approximator around it. */
export type ApproxKind = 'exact' | 'about' | 'near' | 'over' | 'under' | 'vague' | 'range';

/** What a figure states: a level, a change by the amount, or the starting value of a change. */
export type Relation = 'level' | 'increase' | 'decrease' | 'from';

/** How a figure is qualified by its words: approximation, range, stock or flow, period. */
export interface Qualifier {
  approx: ApproxKind;
  /** The values the figure allows (written precision and approximation), in the dimension's base unit. */
  bounds: [number, number];
  /** `range` only: the two ends (3至5个 → [3, 5]), in the dimension's base unit. */
  range?: [number, number];
  /** A stock (截至, 以来, 累计, 共…) rather than a flow of a period. */
  cumulative: boolean;
  /** The sentence names a period the figure belongs to (a year, 今年, 1-6月, 新增…). */
  periodic: boolean;
  /** Years the sentence's dates name up to the figure's clause (not a start: 从2016年). */
  years: number[];
  /** A part of the year (`01-06` for 1-6月 or 上半年), when one is named. */
  months?: string;
  /** What the figure states: a level, a change, or where a change started. */
  relation: Relation;
}

/** One figure of an article, read as a statement about a subject. */
export interface FigureStatement {
  articleId: string;
  /** The sentence holding the figure, with its offsets in the article's text. */
  sentence: { text: string; start: number; end: number };
  /** The checked figure (MONEY, PERCENT or QUANTITY; a two-span range as one span), offsets in the article's text. */
  figure: Span;
  /** Subject keys: the sentence's own (see {@link FigureStatement.own}), then the article's. */
  subject: string[];
  /** The keys the sentence names itself, up to the figure's clause. */
  own: string[];
  /** The normalized indicator (what is counted or measured), e.g. `有效发明专利`, `总投资`. */
  indicator: string;
  qualifier: Qualifier;
}

/** One statement of the corpus that a checked figure was compared with. */
export interface CrossCheckMatch {
  articleId: string;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  /** The corpus figure, as written, with its offsets in its article's text. */
  figure: { text: string; type: string; value: number | string; unit?: string; start: number; end: number };
  verdict: Verdict;
  /** Short code of why (see the decision order above): `equal`, `rounding`, `approx-over`, `value`, … */
  reason: string;
  /**
   * `different` only: the checked value minus the corpus value, in the corpus figure's terms (its
   * `value` and `unit`: yuan, a fraction, the measure word), and that as a share of the corpus
   * value (0 when the corpus value is 0).
   */
  difference?: { amount: number; share: number };
}

/** The cross-check of one figure of the checked text. */
export interface CrossCheckResult {
  /** The checked figure (a range such as 95%至97% comes as one span). */
  figure: Span;
  /** The sentence of the checked text holding it. */
  sentence: string;
  /** The corpus statements about the same subject and quantity, best first (possibly none). */
  matches: CrossCheckMatch[];
}

export interface CheckOptions {
  /** Leave out this article's own statements (checking an article already in the corpus). */
  excludeArticleId?: string;
  /** Most matches kept per checked figure (default 10). */
  limit?: number;
}

/** The article as {@link figureStatements} reads it; `title` (optional) adds the headline's names to its subject. */
export type StatementSource = Pick<CorpusArticle, 'id' | 'text' | 'marks'> & { title?: string };

// ---------------------------------------------------------------------------------------
// Words of how Chinese news states figures

const CHECKED_TYPES = new Set(['MONEY', 'PERCENT', 'QUANTITY']);
const NAME_TYPES = new Set(['ORG', 'PLACE', 'PERSON', 'DOC']);

/** The characters ending a sentence, and those ending a clause within one (for fast scans). */
const SENTENCE_CODES = new Set([...'。！？!?；;\n'].map((c) => c.charCodeAt(0)));
const CLAUSE_CHARS = new Set('，,、：:。！？!?；;\n');

/** Names that do not pin a subject down: the country, the world, bare party committees. */
const UNSPECIFIC = new Set(['中国', '中华', '中', '华', '中华人民共和国', '全国', '我国', '国内', '国家', '世界', '全球', '国际', '市委', '省委', '县委', '区委', '州委', '党中央', '中央', '国务院']);
/** Media and their outlets: a source, not a subject. */
const MEDIA = /(?:日报|晚报|早报|商报|时报|报社|新闻网|新闻社|通讯社|新华社|中新社|电视台|广播电台|广播电视台|融媒体中心|人民网|新华网|央视|图片网|杂志社?|工作报|(?<![电管])网)$/;
/** A dateline or lead byline at the head of a paragraph: `人民日报北京2月25日电(记者谷业凯)`, `本报讯（记者 张金凤）`. */
const DATELINE = /^[^。！？\n]{0,30}?(?:电|讯)\s*(?:[（(][^）)\n]{0,40}[）)])?/;
/** A bracketed credit anywhere: `（记者 崔永焘）`, `(特约记者…)`. */
const CREDIT = /[（(][^）)\n]{0,12}(?:记者|通讯员|摄|编辑|实习生)[^）)\n]{0,30}[）)]/g;

/** Words by which a sentence refers back to the article's subject (该院士工作站, 此次开工的…). */
const ANAPHORA = /该|此次|此项|本次|上述/;

/** Administrative suffixes dropped from place keys (青海省 → 青海). */
const ADMIN_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|地区|省|市|县|州|盟)$/;
/** A body's name opened by a place: the place, up to its suffix (金昌市 in 金昌市快递行业党委). */
const PLACE_PREFIX = /^[\u4e00-\u9fff]{2,8}?(?:省|市|州|县|区|盟|旗)/;

/** Approximators right before a figure, longest first, and what they mean. */
const APPROX_BEFORE: Array<[string, ApproxKind]> = [
  ['大约', 'about'], ['大概', 'about'], ['约', 'about'], ['将近', 'near'], ['接近', 'near'], ['近乎', 'near'], ['近', 'near'],
  ['超过', 'over'], ['超出', 'over'], ['多于', 'over'], ['高于', 'over'], ['至少', 'over'], ['突破', 'over'], ['逾', 'over'], ['超', 'over'],
  ['不足', 'under'], ['不到', 'under'], ['少于', 'under'], ['低于', 'under'], ['最多', 'under'], ['未满', 'under'],
];
/** Approximators right after a figure (an inner 余/多 is inside the span, see the annotation guide). */
const APPROX_AFTER: Array<[string, ApproxKind]> = [
  ['左右', 'about'], ['上下', 'about'], ['以上', 'over'], ['+', 'over'], ['＋', 'over'], ['以下', 'under'], ['以内', 'under'],
];

/** Time frames of a stock, read over the sentence up to the figure (今年以来 is a period instead). */
const STOCK_FRAME = /截至|截止|(?<!今年)以来|迄今|至今/;
/** Cumulative adverbs and verbs of holding, read over the figure's clause. `共` alone only as the adverb (not 公共, 共同…). */
const CUMULATIVE = /累计|总计|共计|合计|一共|历年|先后|拥有|现有|保有|(?<![公一总])共(?![同建享治性识产青商谋])/;
/** Words naming the period a flow belongs to. */
const PERIODIC = /今年|去年|当年|全年|年内|年度|本年|上年|上半年|下半年|季度|本月|当月|上月|假期|期间|新增|每年|年均|一年来|同比|环比|春节|国庆/;
/** Parts of a year named in words. */
const YEAR_PARTS: Array<[RegExp, string]> = [
  [/上半年/, '01-06'], [/下半年/, '07-12'], [/前三季度/, '01-09'], [/(?:一|第一)季度/, '01-03'], [/(?:二|第二)季度/, '04-06'],
  [/(?:三|第三)季度/, '07-09'], [/(?:四|第四)季度/, '10-12'], [/全年/, '01-12'],
];

/**
 * Changes by an amount (with what they compare against: 同比, 较去年春节假期…); followed by
 * 至/到/为 they give a level instead. One-character verbs only right before the figure.
 */
const CHANGE = /(?:(?:同比|环比|较|比)[^，,、；;。]{0,10}?)?(增长|增加|提高|提升|上升|扩大|下降|减少|降低|缩短|压缩|缩减|回落)(了)?(至|到|为)?/g;
const CHANGE_AT_END = /(?:(?:同比|环比|较|比)[^，,、；;。]{0,10}?)?(增|减|降|升)(了)?$/;
const DECREASE = /下降|减少|降低|缩短|压缩|缩减|回落|减|降/;
/** `从X增至Y`: the text between the starting figure and the level. */
const FROM_TO = /^(?:增至|增加到|增加至|扩至|扩大到|扩大至|提高到|提高至|提升到|提升至|上升到|上升至|降至|降低到|降低至|下降到|下降至|减少到|减少至|缩短到|缩短至|压缩至|压缩到|减至|至|到|增长到|增长至)$/;

/** Words removed anywhere in an indicator: scope, time, connectives, evaluative adjectives, cumulative words, particles. */
const NOISE_ANYWHERE = new RegExp([
  '截至目前', '截止目前', '截至', '截止', '目前', '日前', '近日', '近期', '近年来', '一年来', '今年以来', '以来', '今年', '去年', '当年', '全年', '年内', '本年', '上半年', '下半年',
  '前三季度', '[一二三四第]+季度', '同比', '环比', '春节假期', '假期期间', '期间',
  '我国', '国内外', '国内', '全国', '全省', '全市', '全县', '全区', '全州', '全镇', '全乡', '全村', '全盟', '本省', '本市', '本县', '辖区内', '辖区', '区域内', '境内', '世界上',
  '其中', '此外', '同时', '另外', '据悉', '据了解', '据统计', '数据显示', '此次', '本次', '上述', '首次', '首个', '之间',
  '该(?:高新区|开发区|经开区|园区|公司|企业|集团|中心|项目|院士工作站|工作站|研究院|研究所|医院|学校|大学|协会|单位|基地|街道|社区|[省市县区州镇乡村局站所院校厂])?',
  '这些', '那些', '这个', '这', '那',
  '精心', '积极', '全力', '大力', '深入', '认真', '扎实', '着力', '努力', '持续', '不断', '进一步', '全面', '切实', '稳步', '主动', '及时',
  '所有', '全部', '全体', '著名', '知名', '优秀', '广大', '各类', '各项', '各级', '有关', '相关', '一大批', '一批', '众多',
  '累计', '总计', '共计', '合计', '一共', '(?<![公一总])共(?![同建享治性识产青商谋])', '先后', '已经', '分别', '新增',
  '的', '(?<!据)了(?!解)', '[/／—–－]', '[“”"‘’《》「」『』〈〉【】()（）\\s]',
].join('|'), 'g');

/** Linking verbs, approximators, modal verbs and particles stripped at the end of the part before a figure. */
const TRAILING_LINK = new RegExp('(?:' + [
  '大约', '大概', '约为', '约', '将近', '接近', '近乎', '近', '超过', '超出', '多于', '高于', '至少', '突破', '逾', '超', '不足', '不到', '少于', '低于', '最多', '未满',
  '多达', '高达', '达到', '达', '共有', '现有', '拥有', '只有', '总共', '分别为', '可以', '能够', '还能', '也能', '就能', '才能', '将会', '可能',
  // One-character words, unless they end a word (作为, 所有, 社会, 平均, 集中…).
  '(?<![作成认行更因以称视])为', '(?<![但就总还也凡])是', '(?<![甚以乃])至', '(?<![得达受遇])到', '(?<![所具占])有', '(?<![存现所正实])在',
  '(?<!平)均', '(?<![集其])中', '(?<![平高中同初优上均对])等', '已', '仅', '只', '了', '的', '之', '占', '将', '还', '就', '则', '也', '都', '才', '再', '又',
].join('|') + ')+$');
/** Verbs of acting, prepositions and adverbs opening a phrase, stripped at its start. */
const LEADING_VERB = new RegExp('^(?:' + [
  '完成', '实现', '发放', '争取到', '争取', '接待', '解决', '收集', '组织', '举办', '开展', '建成', '建设', '打造', '建立', '配置', '配备', '招聘', '审核', '收录', '邀请',
  '引进', '推进', '推动', '实施', '发布', '备案', '拥有', '形成', '吸收', '投入', '新建', '改造', '培育', '培训', '招收', '聘任', '聘用', '选派', '受理', '慰问', '排查',
  '查处', '清理', '修订', '摸排', '筛选', '征集', '提供', '带动', '吸引', '获得', '获批', '达成', '签约', '签订', '安装', '设置', '设立', '注销', '参与', '参加', '入选', '入围', '共有', '现有',
  '成立', '组建', '新开', '开通', '启动', '完善', '帮助', '成为', '为', '向', '给', '从', '由', '将', '把', '通过', '依托', '围绕', '聚焦', '针对', '按照', '达到', '达', '是',
  '已经', '已', '主要', '计划', '预计', '力争', '则', '就', '才', '也', '还(?![款原贷])', '又', '再(?![生造就])', '都(?![市会])', '均(?![价值衡])', '仍', '更(?![新换改名])',
].join('|') + ')');
/** Measure nouns at the end of an indicator that do not change what is counted. */
const TRAILING_MEASURE = /(?:拥有量|保有量|数量|总数|总量|规模|人数|个数|数|量)$/;
/** Where the counted noun after a figure stops: verbs and function words (checked after its first two characters). */
const AFTER_STOP2 = /^(?:正在|加紧|成功|计划|预计|力争|陆续|目前|入选|入围|形成|参与|参加|完成|实现|提供|开展|获得|纳入|进行|得到|达到|用于|属于|来自|全部|分别|共同|同时|累计|实行|通过|持续|已经|投入|建成|开工|落地|点火|担任|兼任|作为|报到)/;
const AFTER_STOP1 = /^[的和与及或等是将已在到从向对被把让给并共均也都还正了着过为由于]/;
/** Longest stretch read after a figure, and the characters of it kept as the counted noun (its first words). */
const MAX_AFTER = 12;
const MAX_COUNTED = 6;
/** Prepositions and coordinators: what comes before the last of them is agent, partner or beneficiary, not what is counted. */
const PREPOSITION = /(?:(?<![作成认行更因以称视])为(?!期)|向|(?<![针面相绝])对|(?<![供交])给|(?<![参给授])与|(?<![共温])和|(?<![以涉普])及|同|跟|帮|替|联合)/g;
/** A list's closing word: the items before it are not what the figure counts (用地、融资等难题). */
const LIST_END = /(?<![平高中同初优上均对])等(?![级待候])(?:领域|方面|地区|行业|部门|单位|方式|内容|地|处)?/g;
/** An ordinal right before a figure (第一个100万件): a milestone, not a measure. */
const ORDINAL_BEFORE = /第[一二三四五六七八九十百千\d]+个?$/;
/** A linking verb right before a figure: a `的` after it opens what holds the figure (突破500万件的国家), not what is counted. */
const LINK_BEFORE = /(?:突破|超过|超出|达到|达|逾|多达|高达|为|是)\s*$/;
/** A rate or a share named alone: it takes its topic from the clause before. */
const BARE_RATE = /^.{0,2}(?:率|比重|占比|比例|增速|增幅)$/;

/** Classifiers of the same meaning (people). */
const UNIT_CLASS: Record<string, string> = { 名: '人', 位: '人', 人: '人' };
/** Measure units with a factor to a base unit. */
const UNIT_FACTOR: Record<string, [string, number]> = {
  瓦: ['千瓦', 0.001], 千瓦: ['千瓦', 1], 兆瓦: ['千瓦', 1000], 吉瓦: ['千瓦', 1e6],
  度: ['千瓦时', 1], 千瓦时: ['千瓦时', 1], 兆瓦时: ['千瓦时', 1000], 吉瓦时: ['千瓦时', 1e6],
  米: ['米', 1], 公里: ['米', 1000], 千米: ['米', 1000],
  平方米: ['平方米', 1], 平方公里: ['平方米', 1e6], 平方千米: ['平方米', 1e6],
  克: ['克', 1], 千克: ['克', 1000], 公斤: ['克', 1000], 吨: ['克', 1e6],
};

/** Most keys of an article's own subject. */
const MAX_ARTICLE_KEYS = 6;
/** Matches kept per checked figure by default. */
const DEFAULT_LIMIT = 10;
/** The widest relative tolerance of an exact figure read as rounded. */
const MAX_ROUNDING = 0.05;
/** The tolerance of 约/左右 (a share of the value). */
const ABOUT = 0.1;

// ---------------------------------------------------------------------------------------
// Reading statements

interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** Sentences with offsets (end exclusive), at 。！？；and line breaks. */
function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (SENTENCE_CODES.has(text.charCodeAt(i))) {
      out.push({ text: text.slice(start, i + 1), start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) out.push({ text: text.slice(start), start, end: text.length });
  return out;
}

/** Offsets of datelines and credits, whose names are no subject and whose dates no period. */
function creditZones(text: string): Array<[number, number]> {
  const zones: Array<[number, number]> = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = DATELINE.exec(line);
    // Only the shapes of a dateline: `…2月25日电`, `本报讯`/`…网讯`, `电(记者…)`.
    if (m && /\d{1,2}月\d{1,2}日电|(?:报|网|社|台|闻)讯|电\s*[（(][^）)]*(?:记者|通讯员)/.test(m[0])) zones.push([lineStart, lineStart + m[0].length]);
    lineStart += line.length + 1;
  }
  CREDIT.lastIndex = 0;
  for (let m = CREDIT.exec(text); m; m = CREDIT.exec(text)) zones.push([m.index, m.index + m[0].length]);
  return zones;
}

/** Normalizes a name into a subject key, or null when it names nothing specific. */
function nameKey(span: Pick<Span, 'type' | 'text'>): string | null {
  let t = span.text.replace(/[\s“”"《》]/g, '').replace(/（/g, '(').replace(/）/g, ')');
  if (span.type === 'ORG' && MEDIA.test(t)) return null;
  if (span.type === 'DOC' && (t.length < 4 || MEDIA.test(t))) return null;
  if (span.type === 'PLACE' || span.type === 'ORG') {
    const stripped = t.replace(ADMIN_SUFFIX, '');
    if (stripped.length >= 2) t = stripped;
  }
  if (t.length < 2 || UNSPECIFIC.has(t)) return null;
  return t;
}

/** Subject keys of one name: the name, and for a body opened by places, those places. */
function nameKeys(span: Pick<Span, 'type' | 'text'>): string[] {
  const keys: string[] = [];
  const own = nameKey(span);
  if (own) keys.push(own);
  if (span.type === 'ORG') {
    let rest = span.text;
    for (let k = 0; k < 3; k++) {
      const m = PLACE_PREFIX.exec(rest);
      if (!m || m[0].length >= rest.length) break;
      const key = nameKey({ type: 'PLACE', text: m[0] });
      if (key && !keys.includes(key)) keys.push(key);
      rest = rest.slice(m[0].length);
    }
  }
  return keys;
}

/** Removes scope, time and connective words, particles, quotes and brackets. */
function denoise(s: string): string {
  return s.replace(NOISE_ANYWHERE, '');
}

/**
 * Strips linking verbs at the end and verbs of acting at the start, one by one; a leading verb
 * stays when fewer than `minRest` characters would remain (招聘会 keeps 招聘 when it is all
 * that names the thing counted).
 */
function trimVerbs(s: string, minRest = 0): string {
  let t = s.replace(TRAILING_LINK, '');
  for (let k = 0; k < 6; k++) {
    const m = LEADING_VERB.exec(t);
    if (!m || t.length - m[0].length < minRest) break;
    t = t.slice(m[0].length).replace(TRAILING_LINK, '');
  }
  return t;
}

/** Strips measure nouns at the end (数量, 量) when something remains. */
function stripMeasure(s: string): string {
  const t = s.replace(TRAILING_MEASURE, '');
  return t.length >= 2 ? t : s;
}

/** What follows the last match of `re` in `s` (all of `s` when none); `minRest` characters must remain. */
function afterLast(s: string, re: RegExp, minRest = 0): string {
  re.lastIndex = 0;
  let at = -1;
  for (let m = re.exec(s); m; m = re.exec(s)) if (s.length - (m.index + m[0].length) >= minRest) at = m.index + m[0].length;
  return at >= 0 ? s.slice(at) : s;
}

/** The change words of the part before a figure: the relation they give, and the part without them. */
function readChange(s: string): { relation: Relation; rest: string } {
  let relation: Relation = 'level';
  const mark = (verb: string, to: string | undefined) => {
    if (!to) relation = DECREASE.test(verb) ? 'decrease' : 'increase';
    return '';
  };
  let rest = s.replace(CHANGE, (_w: string, verb: string, _le: string | undefined, to: string | undefined) => mark(verb, to));
  rest = rest.replace(/(?:增至|减至|降至|升至|扩至)$/, '');
  rest = rest.replace(CHANGE_AT_END, (_w: string, verb: string) => mark(verb, undefined));
  return { relation, rest };
}

/** The approximator right before `at` in `text` (skipping 了/已), if any. */
function approxBefore(text: string, at: number): ApproxKind | null {
  const head = text.slice(Math.max(0, at - 4), at).replace(/[了已\s]+$/, '');
  for (const [word, kind] of APPROX_BEFORE) if (head.endsWith(word)) return kind;
  return null;
}

/** The approximator right after `at` in `text`, and its length. */
function approxAfter(text: string, at: number): [ApproxKind, number] | null {
  for (const [word, kind] of APPROX_AFTER) if (text.startsWith(word, at)) return [kind, word.length];
  return null;
}

/** Half-width digits. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The unit of the last written digit of a figure, in its normalized unit (15.68亿 → 1e6; 530万 → 1e5; 120 → 10). */
function lastDigitUnit(span: Span, value: number): { unit: number; magnitude: boolean } | null {
  const m = /(\d+)(?:\.(\d+))?/.exec(asciiDigits(span.text));
  if (!m) return null;
  const written = Number(m[0]);
  const multiplier = written > 0 ? value / written : 1;
  if (m[2]) return { unit: multiplier * 10 ** -m[2].length, magnitude: true };
  const digits = m[1]!;
  const tz = /0*$/.exec(digits)![0].length;
  return { unit: multiplier * 10 ** Math.min(tz, digits.length - 1), magnitude: multiplier > 1.5 };
}

/** The precision a figure is written with, in its normalized unit (15.68亿 → 1e6; 83% → 0.01; 1740件 → 1). */
function writtenPrecision(span: Span, value: number): number {
  const text = asciiDigits(span.text);
  if (span.type === 'PERCENT') {
    if (/分之|\//.test(text)) return 1e-4;
    const m = /(\d+)(?:\.(\d+))?\s*[%％]/.exec(text);
    if (m) return 0.01 * 10 ** -(m[2]?.length ?? 0);
    if (/成/.test(text)) return 0.1;
    return 0.01;
  }
  const last = lastDigitUnit(span, value);
  if (last) {
    // A plain count is exact unless it ends in two zeros or more (1700件); a figure with a
    // magnitude word (530万) is precise to its last written digit.
    if (last.magnitude) return last.unit;
    return last.unit >= 100 ? last.unit : 1;
  }
  // Chinese numerals: the place of the last nonzero digit when written with a magnitude.
  if (/[万亿千百]/.test(text) && value > 0) {
    let p = 1;
    while (value % (p * 10) === 0) p *= 10;
    return p;
  }
  return 1;
}

/** The step of `X余`/`X多`: the unit of the last written digit (120余 → 10, 100余 → 100, 1.2万余 → 1000). */
function surplusStep(span: Span, value: number): number {
  const last = lastDigitUnit(span, value);
  if (last) return last.unit;
  let p = 1;
  while (value > 0 && value % (p * 10) === 0) p *= 10;
  return p;
}

/** A range written in one span (3至5个, 10亿至15亿元): its two ends, or null. */
function spanRange(span: Span, value: number): [number, number] | null {
  const m = /(\d+(?:\.\d+)?)\s*[万亿千]?\s*(?:至|到|-|—|–|~|～)\s*(\d+(?:\.\d+)?)/.exec(asciiDigits(span.text));
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (!(a > 0) || !(b > a)) return null;
  return [value, (value * b) / a];
}

/** Years and the part of a year named by DATE spans (or by words of the context). */
function readDates(dates: readonly Span[], context: string): { years: number[]; months?: string } {
  const years = new Set<number>();
  let months: string | undefined;
  for (const d of dates) {
    if (typeof d.value !== 'string') continue;
    const parts = d.value.split('/');
    for (const p of parts) {
      const y = /^(\d{4})/.exec(p);
      if (y) years.add(Number(y[1]));
    }
    if (parts.length === 2) {
      const a = /^(?:\d{4}|-)-(\d{2})/.exec(parts[0]!);
      const b = /^(?:\d{4}|-)-(\d{2})/.exec(parts[1]!);
      if (a && b) months = `${a[1]}-${b[1]}`;
    }
    for (const [re, m] of YEAR_PARTS) if (re.test(d.text)) months = m;
  }
  if (!months) {
    for (const [re, m] of YEAR_PARTS) {
      if (re.test(context)) {
        months = m;
        break;
      }
    }
  }
  return { years: [...years].sort(), ...(months ? { months } : {}) };
}

/** The normalized measure of a figure: dimension key and the factor to its base unit; null when not comparable. */
function dimension(span: Span): { key: string; factor: number } | null {
  if (typeof span.value !== 'number' || !Number.isFinite(span.value)) return null;
  if (span.type === 'MONEY') return { key: `MONEY:${span.unit ?? 'CNY'}`, factor: 1 };
  if (span.type === 'PERCENT') return { key: 'PERCENT', factor: 1 };
  if (span.type !== 'QUANTITY' || !span.unit) return null;
  const unit = span.unit.replace(/\s/g, '');
  const scaled = UNIT_FACTOR[unit];
  if (scaled) return { key: `QUANTITY:${scaled[0]}`, factor: scaled[1] };
  return { key: `QUANTITY:${UNIT_CLASS[unit] ?? unit}`, factor: 1 };
}

/** A statement with what the index and the comparison need. */
interface Statement extends FigureStatement {
  /** Dimension key (MONEY:CNY, PERCENT, QUANTITY:件…). */
  dim: string;
  /** The stated value in the dimension's base unit. */
  value: number;
  /** The factor from the figure's own unit to the dimension's base unit (兆瓦 → 千瓦: 1000). */
  factor: number;
  /** The sentence without the other items of a list of the same kind: where an indicator's context words may come from. */
  context: string;
  /** Index-wide number of the statement's (indicator, context) pair: agreement is computed once per pair and query (0: none yet). */
  reading: number;
}

/** What reading one sentence's figures shares. */
interface SentenceContext {
  articleId: string;
  text: string;
  sentence: Sentence;
  /** The spans of the sentence, sorted, outside datelines and credits. */
  spans: Span[];
  articleKeys: readonly string[];
  /** The sentence before, in the same paragraph ('' when none): the topic a sentence naming nobody continues. */
  previous: string;
}

/** Reads the statements of a text with its spans (the article's or the checked text's). */
function readStatements(articleId: string, text: string, spans: readonly Span[], title?: string): Statement[] {
  const zones = creditZones(text);
  const inZone = (s: Span) => zones.some(([a, b]) => s.start < b && a < s.end);
  const sorted = spans.filter((s) => s.end > s.start && s.end <= text.length && !inZone(s)).sort((a, b) => a.start - b.start);
  const sentences = splitSentences(text);

  // Spans per sentence, in one pass.
  const bySentence: Span[][] = sentences.map(() => []);
  let k = 0;
  for (const s of sorted) {
    while (k < sentences.length - 1 && sentences[k]!.end <= s.start) k++;
    bySentence[k]?.push(s);
  }

  // The article's subject: names of the headline, of the first sentence naming one, and names repeated.
  const articleKeys: string[] = [];
  const addKey = (key: string) => {
    if (!articleKeys.includes(key) && articleKeys.length < MAX_ARTICLE_KEYS) articleKeys.push(key);
  };
  const names = sorted.filter((s) => NAME_TYPES.has(s.type));
  if (title) for (const n of names) if (title.includes(n.text) || title.includes(nameKey(n) ?? '\u0000')) nameKeys(n).forEach(addKey);
  for (const list of bySentence) {
    const keys = list.filter((s) => NAME_TYPES.has(s.type)).flatMap(nameKeys);
    if (keys.length) {
      keys.forEach(addKey);
      break;
    }
  }
  const counts = new Map<string, number>();
  const placeOrBody = new Set<string>();
  for (const n of names) {
    for (const key of nameKeys(n)) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (n.type === 'PLACE' || n.type === 'ORG') placeOrBody.add(key);
    }
  }
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) if (n >= (placeOrBody.has(key) ? 2 : 3)) addKey(key);

  const out: Statement[] = [];
  sentences.forEach((sentence, i) => {
    const list = bySentence[i]!;
    if (!list.some((s) => CHECKED_TYPES.has(s.type))) return;
    const before = sentences[i - 1];
    const previous = before && !before.text.endsWith('\n') ? before.text : '';
    const ctx: SentenceContext = { articleId, text, sentence, spans: list, articleKeys, previous };
    const done: Statement[] = [];
    list.forEach((f, j) => {
      if (!CHECKED_TYPES.has(f.type) || typeof f.value !== 'number') return;
      const dim = dimension(f);
      if (!dim) return;
      const st = readFigure(ctx, j, dim, done);
      if (st) done.push(st);
    });
    out.push(...done);
  });
  return out;
}

/** The start of the clause holding `at` (after the last ，、：before it, not before `floor`). */
function clauseStart(text: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) if (CLAUSE_CHARS.has(text[i]!)) return i + 1;
  return floor;
}

/** Where the clause holding `at` ends. */
function clauseEnd(text: string, at: number, limit: number): number {
  for (let i = at; i < limit; i++) if (CLAUSE_CHARS.has(text[i]!)) return i;
  return limit;
}

/** The sentence without the clauses holding other figures of dimension `dim` (the other items of a list). */
function listContext(ctx: SentenceContext, figure: Span, dim: string): string {
  const { text, sentence, spans } = ctx;
  const siblings = spans.filter((s) => s !== figure && s.start !== figure.start && CHECKED_TYPES.has(s.type) && dimension(s)?.key === dim);
  if (siblings.length === 0) return sentence.text;
  let out = '';
  let start = sentence.start;
  while (start < sentence.end) {
    const end = Math.min(sentence.end, clauseEnd(text, start, sentence.end) + 1);
    const sibling = siblings.some((s) => s.start >= start && s.end <= end);
    const own = figure.start >= start && figure.start < end;
    if (own || !sibling) out += text.slice(start, end);
    start = end;
  }
  return out;
}

const RANGE_JOIN = /^\s*(?:至|到|-|—|–|~|～)\s*$/;
const SLASH_JOIN = /^\s*[/／]\s*$/;

/** Reads the figure `spans[j]` of a sentence as a statement; null when it has no indicator or no subject. */
function readFigure(ctx: SentenceContext, j: number, dim: { key: string; factor: number }, earlier: readonly Statement[]): Statement | null {
  const { text, sentence, spans } = ctx;
  const f = spans[j]!;
  const value = f.value as number;
  const prev = spans[j - 1];
  const next = spans[j + 1];
  // A range of two spans (15%至20%) is read once, with its lower end.
  if (prev && prev.type === f.type && RANGE_JOIN.test(text.slice(prev.end, f.start)) && typeof prev.value === 'number' && prev.value < value) return null;
  const second = next && next.type === f.type && RANGE_JOIN.test(text.slice(f.end, next.start)) && typeof next.value === 'number' && next.value > value ? next : undefined;
  const figure: Span = second
    ? { start: f.start, end: second.end, type: f.type, text: text.slice(f.start, second.end), value, ...(f.unit ? { unit: f.unit } : {}) }
    : f;

  // The part before: from the clause start, after the last name, date or figure there.
  const cStart = clauseStart(text, f.start, sentence.start);
  const cEnd = clauseEnd(text, figure.end, sentence.end);
  let first = j;
  while (first > 0 && spans[first - 1]!.start >= cStart) first--;
  if (ORDINAL_BEFORE.test(text.slice(cStart, f.start))) return null; // a milestone (达到第一个100万件)
  let relation: Relation = 'level';
  let beforeRaw: string;
  let lastName: Span | undefined;
  // 从X增至Y: both figures are about the text before 从; X is where the change started.
  const fromAt = (s: Span, to: number) => text[s.start - 1] === '从' && FROM_TO.test(text.slice(s.end, to).replace(/了/g, ''));
  const isFrom = text[f.start - 1] === '从' && next !== undefined && CHECKED_TYPES.has(next.type) && fromAt(f, next.start);
  const startsAt = isFrom ? f : spans.slice(first, j).find((s) => CHECKED_TYPES.has(s.type) && fromAt(s, f.start));
  if (startsAt) {
    if (isFrom) relation = 'from';
    let cut = cStart;
    for (let i = first; i < j && spans[i]!.end < startsAt.start; i++) cut = spans[i]!.end;
    beforeRaw = text.slice(cut, startsAt.start - 1);
  } else {
    let cut = cStart;
    for (let i = first; i < j; i++) {
      cut = spans[i]!.end;
      lastName = NAME_TYPES.has(spans[i]!.type) ? spans[i] : undefined;
    }
    beforeRaw = text.slice(cut, f.start);
    const change = readChange(beforeRaw);
    relation = change.relation;
    beforeRaw = change.rest;
  }

  // Approximation: words around the figure and in it.
  let approx: ApproxKind = approxBefore(text, f.start) ?? 'exact';
  let afterAt = figure.end;
  const around = approxAfter(text, afterAt);
  if (around) {
    if (approx === 'exact') approx = around[0];
    afterAt += around[1];
  }
  if (/^[数上][十百千万亿]/.test(f.text)) approx = 'vague';
  else if (approx === 'exact' && /[\d十百千万亿两]\s*[余多]/.test(f.text)) approx = 'over';
  const range = second ? ([value, second.value as number] as [number, number]) : spanRange(f, value);
  if (range) approx = 'range';

  // The counted noun after the figure (past the second figure of 6万千瓦/60万千瓦时), and what is said of it.
  let counted = '';
  let predicate = '';
  if (!startsAt) {
    let at = afterAt;
    if (!second && next && CHECKED_TYPES.has(next.type) && SLASH_JOIN.test(text.slice(figure.end, next.start))) at = next.end;
    const opensRelative = text[at] === '的';
    if (!(opensRelative && LINK_BEFORE.test(text.slice(cStart, f.start)))) {
      ({ counted, predicate } = readAfter(text, opensRelative ? at + 1 : at, cEnd, spans, f.type === 'PERCENT'));
    }
  }

  // The part before, cleaned: with a counted noun, the relative clause before the figure goes;
  // list items before 等 go; agents and beneficiaries before a preposition go.
  let beforeText = denoise(counted ? beforeRaw.slice(beforeRaw.lastIndexOf('的') + 1) : beforeRaw);
  beforeText = afterLast(beforeText, LIST_END);
  beforeText = afterLast(beforeText.replace(TRAILING_LINK, ''), PREPOSITION, 2);
  let beforePart = trimVerbs(beforeText, counted ? 0 : 2);
  // The name right before the figure is what is counted when nothing else is (友好小区259个).
  if (!beforePart && !counted && lastName && !startsAt && !trimVerbs(denoise(text.slice(lastName.end, f.start)))) beforePart = trimVerbs(denoise(lastName.text));

  let indicator = stripMeasure(beforePart + counted);
  // A generic counted noun (2家企业) is specified by what is said of it.
  if (indicator.length <= 2 && predicate) indicator = stripMeasure(indicator + predicate);
  // A bare rate, a bare change or a bare share (其中七成…) takes the indicator of the clause before as its topic.
  if (BARE_RATE.test(indicator) || (!indicator && relation !== 'level') || (f.type === 'PERCENT' && !beforePart)) {
    const topic = topicBefore(ctx, cStart, first, earlier);
    if (topic) indicator = topic + indicator;
  }
  if (indicator.length < 2) return null;

  // Subject: the sentence's names up to the figure's clause, then the article's.
  const own = [...new Set(spans.filter((s) => NAME_TYPES.has(s.type) && s.start < cEnd).flatMap(nameKeys))];
  if (ANAPHORA.test(text.slice(sentence.start, cEnd))) for (const key of ctx.articleKeys) if (!own.includes(key)) own.push(key);
  const subject = [...own];
  for (const key of ctx.articleKeys) if (!subject.includes(key)) subject.push(key);
  if (subject.length === 0) return null;

  // Period: the sentence's dates up to the figure's clause (not a start: 从2016年); stock or flow.
  const dates = spans.filter((s) => s.type === 'DATE' && s.start < cEnd && !/[从自]$/.test(text.slice(Math.max(0, s.start - 1), s.start)));
  const upTo = text.slice(sentence.start, cEnd);
  const { years, months } = readDates(dates, upTo);
  const periodic = years.length > 0 || months !== undefined || PERIODIC.test(upTo);
  const cumulative = STOCK_FRAME.test(upTo) || (CUMULATIVE.test(text.slice(cStart, cEnd)) && !periodic);

  const bounds = boundsOf(figure, approx, value, range);
  return {
    articleId: ctx.articleId,
    sentence,
    figure,
    subject,
    own,
    indicator,
    qualifier: {
      approx,
      bounds: [bounds[0] * dim.factor, bounds[1] * dim.factor],
      ...(range ? { range: [range[0] * dim.factor, range[1] * dim.factor] as [number, number] } : {}),
      cumulative,
      periodic,
      years,
      ...(months ? { months } : {}),
      relation,
    },
    dim: dim.key,
    value: value * dim.factor,
    factor: dim.factor,
    context: own.length || !ctx.previous ? listContext(ctx, f, dim.key) : ctx.previous + listContext(ctx, f, dim.key),
    reading: 0,
  };
}

/**
 * The counted noun after a figure (its first {@link MAX_COUNTED} characters; for a percentage,
 * what is said of the share), and the rest of the clause after it (its predicate).
 */
function readAfter(text: string, at: number, cEnd: number, spans: readonly Span[], share: boolean): { counted: string; predicate: string } {
  let end = Math.min(cEnd, at + MAX_AFTER);
  for (const s of spans) if (s.start >= at && s.start < end && CHECKED_TYPES.has(s.type)) end = s.start;
  let i = at;
  let noun = '';
  if (!share) {
    for (; i < end; i++) {
      const rest = text.slice(i, end);
      if (noun.length >= 2 ? AFTER_STOP2.test(rest) || AFTER_STOP1.test(rest) : /^[的和与及或]/.test(rest)) break;
      noun += text[i];
    }
  } else {
    noun = text.slice(at, end);
    i = end;
  }
  const counted = denoise(noun).replace(/[了的]+$/, '');
  return { counted: share ? counted : counted.slice(0, MAX_COUNTED), predicate: trimVerbs(denoise(text.slice(i, end))) };
}

/** The topic of a bare rate, change or share: the indicator of the clause before, in the same sentence. */
function topicBefore(ctx: SentenceContext, cStart: number, first: number, earlier: readonly Statement[]): string {
  const { text, sentence, spans } = ctx;
  if (cStart <= sentence.start) return '';
  const prevStart = clauseStart(text, cStart - 1, sentence.start);
  for (let k = earlier.length - 1; k >= 0; k--) {
    const e = earlier[k]!;
    if (e.figure.start >= prevStart && e.figure.end <= cStart && e.qualifier.relation === 'level') return e.indicator;
    if (e.figure.end < prevStart) break;
  }
  let cut = prevStart;
  for (let i = first - 1; i >= 0 && spans[i]!.start >= prevStart; i--) {
    if (spans[i]!.end <= cStart) {
      cut = spans[i]!.end;
      break;
    }
  }
  return stripMeasure(trimVerbs(denoise(readChange(text.slice(cut, cStart - 1)).rest)));
}

/**
 * How far 约/近 reach, by how precisely the figure is written: 约2万 and 约15亿 (one or two
 * significant digits) up to {@link ABOUT}; 约3.25万 (three) half of it; 约15.68亿 (four or more)
 * a fifth — a figure written to the hundredth of a 亿 hedges its rounding, not its size.
 */
function aboutReach(figure: Span, value: number): number {
  const relative = value ? writtenPrecision(figure, value) / Math.abs(value) : 1;
  return relative >= 0.05 ? ABOUT : relative >= 0.005 ? ABOUT / 2 : ABOUT / 5;
}

/** The values a figure allows, from its approximation and its written precision (in the figure's own unit). */
function boundsOf(figure: Span, approx: ApproxKind, value: number, range: [number, number] | null): [number, number] {
  const half = Math.min(writtenPrecision(figure, value) / 2, Math.abs(value) * MAX_ROUNDING);
  const reach = aboutReach(figure, value);
  switch (approx) {
    case 'range':
      return range ? [range[0], range[1]] : [value, value];
    case 'about':
      return [value * (1 - reach) - half, value * (1 + reach) + half];
    case 'near':
      return [value * (1 - reach), value + half];
    case 'over':
      return /[余多]/.test(figure.text) ? [value, value + surplusStep(figure, value)] : [value, Infinity];
    case 'under':
      return [0, value];
    case 'vague':
      return [value, value * 10];
    default:
      return [value - half, value + half];
  }
}

/**
 * The statements of an article: one per MONEY, PERCENT or QUANTITY figure of its marks that has
 * an indicator and a subject (figures without either are left out: they cannot be compared).
 * An article without marks (an old record) has none. Never throws.
 */
export function figureStatements(article: StatementSource): FigureStatement[] {
  return readStatements(article.id, article.text, marksAsSpans(article), article.title).map(publicStatement);
}

/** The statement without the index's own fields. */
function publicStatement(s: Statement): FigureStatement {
  const { dim: _dim, value: _value, factor: _factor, context: _context, reading: _reading, ...rest } = s;
  return rest;
}

// ---------------------------------------------------------------------------------------
// Comparing two statements

/** Whether every character of `a` occurs in `b`. */
function charsIn(a: string, b: string): boolean {
  for (const c of a) if (!b.includes(c)) return false;
  return true;
}

/**
 * Whether two indicators name the same thing: the shorter one's characters all occur in the
 * longer, and the longer's extra characters occur in the shorter's context (its sentence without
 * the sibling items of a list). 0 when not, 1 when equal, 0.5 when the extra words came from the context.
 */
function indicatorAgreement(a: Statement, b: Statement): number {
  if (a.indicator === b.indicator) return 1;
  const [short, long] = a.indicator.length <= b.indicator.length ? [a, b] : [b, a];
  if (!charsIn(short.indicator, long.indicator)) return 0;
  let extra = long.indicator;
  for (const c of short.indicator) extra = extra.replace(c, '');
  return charsIn(extra, short.context) ? 0.5 : 0;
}

/** Whether the periods of two statements contradict each other (other years, other parts of a year). */
function periodsConflict(a: Qualifier, b: Qualifier): boolean {
  if (a.years.length && b.years.length && !a.years.some((y) => b.years.includes(y))) return true;
  if (a.months && b.months && a.months !== b.months) return true;
  return false;
}

/** A stock (累计…) against a flow of a period. */
function stockAgainstFlow(a: Qualifier, b: Qualifier): boolean {
  return (a.cumulative && !b.cumulative && b.periodic) || (b.cumulative && !a.cumulative && a.periodic);
}

/** Values equal after normalization. */
function equalValues(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
}

/** A shared key that each side names in its own sentence, or a side naming nobody falls back on its article. */
function strongSubject(a: Statement, b: Statement): boolean {
  const aKeys = a.own.length ? a.own : a.subject;
  const bKeys = b.own.length ? b.own : b.subject;
  return aKeys.some((k) => bKeys.includes(k));
}

type Judgement = { verdict: Verdict; reason: string; difference?: { amount: number; share: number } };

/** The verdict of the checked statement `q` against the corpus statement `c` (already about the same thing), or null. */
function judge(q: Statement, c: Statement): Judgement | null {
  const qa = q.qualifier;
  const ca = c.qualifier;
  // A stock and a flow are never the same figure, even with equal values (拥有216家 vs 2022年新增216家).
  if (stockAgainstFlow(qa, ca)) {
    const stock = qa.cumulative ? qa : ca;
    const flow = qa.cumulative ? ca : qa;
    return stock.bounds[1] >= flow.bounds[0] ? { verdict: 'compatible', reason: 'cumulative-vs-period' } : null;
  }
  if (equalValues(q.value, c.value)) {
    if (qa.approx !== 'range' && ca.approx !== 'range') return { verdict: 'same', reason: 'equal' };
    if (qa.approx === 'range' && ca.approx === 'range' && qa.bounds[0] === ca.bounds[0] && qa.bounds[1] === ca.bounds[1]) return { verdict: 'same', reason: 'equal' };
  }
  if (qa.bounds[0] <= ca.bounds[1] && ca.bounds[0] <= qa.bounds[1]) return { verdict: 'compatible', reason: compatibleReason(qa, ca) };
  if (qa.approx === 'vague' || ca.approx === 'vague' || !strongSubject(q, c)) return null;
  const amount = q.value - c.value;
  return {
    verdict: 'different',
    reason: qa.approx === 'exact' && ca.approx === 'exact' ? 'value' : 'beyond-approx',
    // In the corpus figure's own unit (its `value` and `unit`), so it reads like the figure.
    difference: { amount: amount / c.factor, share: c.value !== 0 ? amount / c.value : 0 },
  };
}

/** Why two overlapping figures are compatible: the range or approximation that makes them so, else rounding. */
function compatibleReason(a: Qualifier, b: Qualifier): string {
  for (const kind of ['range', 'vague', 'over', 'under', 'near', 'about'] as const) {
    if (a.approx === kind || b.approx === kind) return kind === 'range' ? 'range' : `approx-${kind}`;
  }
  return 'rounding';
}

// ---------------------------------------------------------------------------------------
// The index

/** An (indicator, context) pair: indicator agreement depends on nothing else. */
interface Reading {
  indicator: string;
  context: string;
  id: number;
  hash: number;
  /** Groups whose statements have this reading. */
  groups: number;
}

/** Where one article states a group's content: what a match reports of it. */
interface Member {
  articleId: string;
  sentence: Sentence;
  figure: Span;
}

/** Statements with the same content (reprints of one story): compared once, reported per article. */
interface Group {
  /** The content (its own article may since have been removed: its sentence then stays in memory with the group). */
  rep: Statement;
  members: Member[];
}

/** A 53-bit hash of a string (two 32-bit FNV-1a lanes), to key long contents compactly. */
function hash53(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** The fields of a statement's content that a comparison reads, as one string (after {@link Statement.reading} is set). */
function contentKey(s: Statement): string {
  const q = s.qualifier;
  return [s.dim, s.value, s.reading, s.subject.join(','), s.own.join(','), q.approx, q.bounds.join(','), q.cumulative, q.periodic, q.years.join(','), q.months ?? '', q.relation].join('\u0001');
}

/** Whether two statements have the same content (what a comparison reads). */
function sameContent(a: Statement, b: Statement): boolean {
  return contentKey(a) === contentKey(b);
}

/** The entry of `bucket` whose value satisfies `same`, or undefined. */
function findIn<T>(buckets: Map<number, T[]>, hash: number, same: (t: T) => boolean): T | undefined {
  return buckets.get(hash)?.find(same);
}

/**
 * The corpus's figure statements indexed by subject key and dimension, for {@link StatementIndex.check}.
 * Adding an article that is already indexed replaces it. Statements of reprinted stories (the
 * same sentence about the same subject in several articles) are kept and compared once. The
 * index keeps one copy of each subject list it has seen (a few per article; never released).
 */
export class StatementIndex {
  private readonly byArticle = new Map<string, Array<{ group: Group; member: Member }>>();
  /** Groups by the hash of their content key. */
  private readonly groups = new Map<number, Group[]>();
  /** Groups by subject key and dimension, then by reading (a single group, or several when reprinted or alike). */
  private readonly postings = new Map<string, Map<number, Group | Group[]>>();
  /** The (indicator, context) pairs of the groups, by hash, with their numbers ({@link Statement.reading}) and how many groups use them. */
  private readonly readings = new Map<number, Reading[]>();
  private readonly readingById = new Map<number, Reading>();
  private readingCount = 0;
  /** Indicator agreement of the statement being checked with each reading: valid where `memoRound` equals `round`. */
  private memoValue = new Float32Array(0);
  private memoRound = new Uint32Array(0);
  private round = 0;
  /** One copy of each subject list and string kept by the index (statements repeat them). */
  private readonly interned = new Map<string, string[]>();

  /** The index's copy of a list of keys. */
  private intern(list: string[]): string[] {
    const key = list.join('\u0001');
    let kept = this.interned.get(key);
    if (!kept) this.interned.set(key, (kept = list));
    return kept;
  }

  /** Indexes an article's statements (from its marks; an article without marks adds none). Never throws. */
  add(article: StatementSource): void {
    this.remove(article.id);
    const entries: Array<{ group: Group; member: Member }> = [];
    for (const s of readStatements(article.id, article.text, marksAsSpans(article), article.title)) {
      const pairHash = hash53(`${s.indicator}\u0001${s.context}`);
      let reading = findIn(this.readings, pairHash, (r) => r.indicator === s.indicator && r.context === s.context);
      if (!reading) {
        reading = { indicator: s.indicator, context: s.context, id: ++this.readingCount, hash: pairHash, groups: 0 };
        const bucket = this.readings.get(pairHash);
        if (bucket) bucket.push(reading);
        else this.readings.set(pairHash, [reading]);
        this.readingById.set(reading.id, reading);
      }
      s.reading = reading.id;
      s.indicator = reading.indicator;
      s.context = reading.context;
      s.subject = this.intern(s.subject);
      s.own = this.intern(s.own);
      const key = hash53(contentKey(s));
      let group = findIn(this.groups, key, (g) => sameContent(g.rep, s));
      if (!group) {
        group = { rep: s, members: [] };
        reading.groups++;
        const bucket = this.groups.get(key);
        if (bucket) bucket.push(group);
        else this.groups.set(key, [group]);
        for (const subjectKey of s.subject) {
          const k = `${subjectKey}\u0001${s.dim}`;
          let byReading = this.postings.get(k);
          if (!byReading) this.postings.set(k, (byReading = new Map()));
          const there = byReading.get(s.reading);
          if (!there) byReading.set(s.reading, group);
          else if (Array.isArray(there)) there.push(group);
          else byReading.set(s.reading, [there, group]);
        }
      }
      const member: Member = { articleId: s.articleId, sentence: s.sentence, figure: s.figure };
      group.members.push(member);
      entries.push({ group, member });
    }
    this.byArticle.set(article.id, entries);
  }

  /** Removes an article's statements; nothing happens for an unknown id. */
  remove(articleId: string): void {
    const entries = this.byArticle.get(articleId);
    if (!entries) return;
    this.byArticle.delete(articleId);
    for (const { group, member } of entries) {
      group.members = group.members.filter((m) => m !== member);
      if (group.members.length > 0) continue;
      const key = hash53(contentKey(group.rep));
      const bucket = this.groups.get(key)?.filter((g) => g !== group);
      if (bucket?.length) this.groups.set(key, bucket);
      else this.groups.delete(key);
      const reading = this.readingById.get(group.rep.reading);
      if (reading && --reading.groups === 0) {
        this.readingById.delete(reading.id);
        const left = this.readings.get(reading.hash)?.filter((r) => r !== reading);
        if (left?.length) this.readings.set(reading.hash, left);
        else this.readings.delete(reading.hash);
      }
      for (const subjectKey of group.rep.subject) {
        const k = `${subjectKey}\u0001${group.rep.dim}`;
        const byReading = this.postings.get(k);
        const there = byReading?.get(group.rep.reading);
        if (!byReading || !there) continue;
        const left = Array.isArray(there) ? there.filter((g) => g !== group) : there === group ? [] : [there];
        if (left.length === 0) byReading.delete(group.rep.reading);
        else byReading.set(group.rep.reading, left.length === 1 ? left[0]! : left);
        if (byReading.size === 0) this.postings.delete(k);
      }
    }
  }

  /** Number of articles indexed. */
  get size(): number {
    return this.byArticle.size;
  }

  /**
   * Cross-checks every MONEY, PERCENT and QUANTITY figure of `text` (with its recognized
   * `spans`; DATE spans qualify periods) against the indexed statements: one result per figure
   * that reads as a statement (a subject and an indicator), in text order, each with its matches
   * best first (at most `limit`, default 10; possibly none). Figures that cannot be read as
   * statements are left out. Never throws.
   */
  check(text: string, spans: readonly Span[], options: CheckOptions = {}): CrossCheckResult[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const results: CrossCheckResult[] = [];
    if (this.memoValue.length <= this.readingCount) {
      const size = Math.max(1024, (this.readingCount + 1) * 2);
      this.memoValue = new Float32Array(size);
      this.memoRound = new Uint32Array(size);
      this.round = 0;
    }
    for (const q of readStatements('', text, spans)) {
      const round = ++this.round;
      const seen = new Set<Group>();
      const found: Array<{ score: number; group: Group; judgement: Judgement }> = [];
      const visit = (group: Group, agreement: number) => {
        const c = group.rep;
        if (q.qualifier.relation !== c.qualifier.relation || seen.has(group)) return;
        seen.add(group);
        if (periodsConflict(q.qualifier, c.qualifier)) return;
        const judgement = judge(q, c);
        if (judgement) found.push({ score: agreement + (strongSubject(q, c) ? 1 : 0.5), group, judgement });
      };
      for (const key of q.subject) {
        const byReading = this.postings.get(`${key}\u0001${q.dim}`);
        if (!byReading) continue;
        for (const [reading, there] of byReading) {
          // Agreement depends only on the reading: computed once per reading and checked statement.
          let agreement: number;
          if (this.memoRound[reading] === round) agreement = this.memoValue[reading]!;
          else {
            agreement = indicatorAgreement(q, Array.isArray(there) ? there[0]!.rep : there.rep);
            this.memoRound[reading] = round;
            this.memoValue[reading] = agreement;
          }
          if (agreement === 0) continue;
          if (Array.isArray(there)) for (const group of there) visit(group, agreement);
          else visit(there, agreement);
        }
      }
      const first = (g: Group) => g.members[0]!;
      const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      found.sort((a, b) => b.score - a.score || byId(first(a.group).articleId, first(b.group).articleId) || first(a.group).figure.start - first(b.group).figure.start);
      const matches: CrossCheckMatch[] = [];
      for (const { group, judgement } of found) {
        for (const m of group.members) {
          if (matches.length >= limit) break;
          if (m.articleId !== options.excludeArticleId) matches.push(toMatch(m, judgement));
        }
        if (matches.length >= limit) break;
      }
      results.push({ figure: q.figure, sentence: q.sentence.text.trim(), matches });
    }
    return results;
  }
}

/** A corpus statement as a match. */
function toMatch(s: Member, v: Judgement): CrossCheckMatch {
  const f = s.figure;
  return {
    articleId: s.articleId,
    sentence: s.sentence.text.trim(),
    sentenceStart: s.sentence.start,
    sentenceEnd: s.sentence.end,
    figure: { text: f.text, type: f.type, value: f.value ?? '', ...(f.unit ? { unit: f.unit } : {}), start: f.start, end: f.end },
    verdict: v.verdict,
    reason: v.reason,
    ...(v.difference ? { difference: v.difference } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Scoring against an evaluation set (`npm run eval:crosscheck`, the unit test)

/** A match as the evaluation set states it: the corpus figure as written, and the verdict. */
export interface ExpectedMatch {
  articleId: string;
  figure: string;
  verdict: Verdict;
}

/** Precision and recall of one verdict. */
export interface VerdictScore {
  /** Matches of this verdict the set expects. */
  expected: number;
  /** Matches of this verdict found. */
  found: number;
  /** Found with the expected verdict. */
  correct: number;
  /** correct / found (1 when nothing was found). */
  precision: number;
  /** correct / expected (1 when nothing was expected). */
  recall: number;
}

/** One disagreement with the evaluation set. */
export interface CrossCheckError {
  id: string;
  articleId: string;
  figure: string;
  /** The expected verdict; absent when nothing should match. */
  expected?: Verdict;
  /** The verdict found; absent when nothing matched. */
  found?: Verdict;
}

/**
 * Scores found matches against expected ones, per record; matches are identified by article and
 * figure as written (several mentions of one figure text in an article count once per verdict).
 * Never throws.
 */
export function scoreCrossCheck(records: ReadonlyArray<{ id: string; expect: readonly ExpectedMatch[]; found: readonly ExpectedMatch[] }>): {
  verdicts: Record<Verdict, VerdictScore>;
  errors: CrossCheckError[];
} {
  const verdicts = {} as Record<Verdict, VerdictScore>;
  for (const v of ['same', 'different', 'compatible'] as const) verdicts[v] = { expected: 0, found: 0, correct: 0, precision: 1, recall: 1 };
  const errors: CrossCheckError[] = [];
  const key = (m: { articleId: string; figure: string }) => `${m.articleId}\u0001${m.figure}`;
  for (const r of records) {
    const expected = new Map<string, ExpectedMatch>();
    for (const e of r.expect) expected.set(key(e), e);
    const found = new Map<string, Set<Verdict>>();
    for (const f of r.found) {
      const set = found.get(key(f)) ?? new Set<Verdict>();
      set.add(f.verdict);
      found.set(key(f), set);
    }
    for (const e of expected.values()) {
      verdicts[e.verdict].expected++;
      const got = found.get(key(e));
      if (got?.has(e.verdict)) verdicts[e.verdict].correct++;
      else errors.push({ id: r.id, articleId: e.articleId, figure: e.figure, expected: e.verdict, ...(got ? { found: [...got][0]! } : {}) });
    }
    for (const [k, set] of found) {
      const [articleId, figure] = k.split('\u0001') as [string, string];
      const e = expected.get(k);
      for (const v of set) {
        verdicts[v].found++;
        if (e && e.verdict !== v && set.has(e.verdict)) errors.push({ id: r.id, articleId, figure, expected: e.verdict, found: v });
        if (!e) errors.push({ id: r.id, articleId, figure, found: v });
      }
    }
  }
  for (const s of Object.values(verdicts)) {
    s.precision = s.found ? s.correct / s.found : 1;
    s.recall = s.expected ? s.correct / s.expected : 1;
  }
  return { verdicts, errors };
}
