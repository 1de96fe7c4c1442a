/**
 * The article finder on page layouts of official news sites: a portal's menus, ticker and long
 * footer of counties and ministries, a news site's related columns, a research society's side
 * menu, a home page without an article.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { articleTitle, findArticle, titleWithoutSite } from '@/lib/anchor/article';
import { buildTextMap } from '@/lib/anchor/text-map';

const P = [
  '6月中旬，省市场监管局在西宁市召开全省知识产权工作推进会，总结上半年工作，部署下一阶段重点任务。',
  '会议指出，今年以来，全省各级市场监管部门坚持把知识产权保护作为优化营商环境的重要抓手，专利授权量同比增长12.5%，商标注册量稳步提升。',
  '会议要求，各地要聚焦盐湖化工、清洁能源、特色农牧业等重点产业，深入实施专利导航工程，推动知识产权转化运用，为高质量发展提供有力支撑。',
  '海东市、海西州等地市场监管局负责同志作交流发言。',
];
const links = (items: string[]) => items.map((t) => `<li><a href="#">${t}</a></li>`).join('');
const COUNTIES = ['大通回族土族自治县', '湟源县', '湟中区', '平安区', '乐都区', '互助土族自治县', '门源回族自治县', '祁连县', '刚察县', '共和县', '贵德县', '同仁市', '尖扎县', '玛沁县', '玉树市', '格尔木市', '德令哈市', '乌兰县', '都兰县', '天峻县'];
const MINISTRIES = ['外交部', '国防部', '国家发展和改革委员会', '教育部', '科学技术部', '工业和信息化部', '公安部', '民政部', '司法部', '财政部', '自然资源部', '生态环境部'];

function portal(article: string): string {
  return `
  <div class="header"><h1 class="logo" style="display:none">青海省人民政府网</h1>
    <ul class="nav">${links(['首页', '政务公开', '政务服务', '互动交流', '省发展和改革委员会', '省教育厅', '省科学技术厅'])}</ul></div>
  <div class="gundong">滚动：<a href="#">西宁市召开城市更新工作会议</a> <a href="#">海东市副市长李建国调研乡村振兴工作</a></div>
  <div class="position">当前位置：<a href="#">首页</a> &gt; <a href="#">政务要闻</a></div>
  ${article}
  <div class="related"><h3>相关链接</h3><ul>${links(['果洛州召开生态保护工作会议', '玉树州推进高原特色产业发展', '格尔木市举办招商引资推介会'])}</ul></div>
  <div class="footer">
    <div class="links"><h4>县区网站</h4><ul>${links(COUNTIES)}</ul></div>
    <div class="links"><h4>国务院部门网站</h4><ul>${links(MINISTRIES)}</ul></div>
    <p class="copyright">主办：青海省人民政府办公厅　承办：青海省政务服务监督管理局　地址：青海省西宁市城中区西大街1号　网站标识码：6300000001　青ICP备05000000号</p>
  </div>`;
}

const ARTICLE = `<div class="detail"><h1>全省知识产权工作推进会在西宁召开</h1>
  <div class="info">发布时间：2024-06-20 10:30　来源：青海日报</div>
  <div class="TRS_Editor" id="zoom">${P.map((p) => `<p>${p}</p>`).join('')}</div>
  <div class="editor">责任编辑：王晓燕</div></div>`;

beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
  document.title = '';
});

function region() {
  const map = buildTextMap(document.body);
  const found = findArticle(map);
  return { map, found, text: found ? map.text.slice(found.start, found.end) : '' };
}

describe('findArticle', () => {
  it('finds a portal article among menus, a ticker, related links and a footer of counties and ministries', () => {
    document.title = '全省知识产权工作推进会在西宁召开_青海省人民政府网';
    document.body.innerHTML = portal(ARTICLE);
    const { found, text } = region();
    expect(found?.body.id).toBe('zoom');
    expect(found?.headlineText).toBe('全省知识产权工作推进会在西宁召开');
    expect(text.startsWith('全省知识产权工作推进会在西宁召开')).toBe(true);
    expect(text).toContain('发布时间：2024-06-20');
    for (const p of P) expect(text).toContain(p);
    expect(text).toContain('责任编辑：王晓燕');
    for (const word of ['大通回族土族自治县', '外交部', '滚动', '当前位置', '果洛州召开', '主办：青海省人民政府办公厅', '省教育厅']) expect(text).not.toContain(word);
  });

  it('keeps a news site\'s related and recommended columns out', () => {
    document.body.innerHTML = `
      <div class="top-nav">${links(['首页', '时政', '国际', '财经'])}</div>
      <div class="wrap"><div class="main-col"><div class="article">
        <h1>宋代书画特展在杭州开幕</h1><div class="info">2024-05-18 09:12　来源：新华网</div>
        <div id="detail">${P.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}</div></div></div>
      <div class="side-col"><div class="xgxw"><h3>相关新闻</h3><ul>${links(['国务院召开常务会议 李强主持', '广东省举办文化遗产日活动', '教育部部署暑期安全工作'])}</ul></div>
      <div class="hot"><h3>热点推荐</h3><ul>${links(['北京市发布新一轮消费券', '上海市推进数字化转型'])}</ul></div></div></div>`;
    const { found, text } = region();
    expect(found?.headlineText).toBe('宋代书画特展在杭州开幕');
    expect(text).toContain(P[2]);
    expect(text).not.toContain('国务院');
    expect(text).not.toContain('热点推荐');
  });

  it('leaves a side menu of items on separate lines out', () => {
    document.body.innerHTML = `
      <div class="left-menu"><ul><li>学会简介</li><li>学会章程</li><li>组织机构</li><li>盐湖化工专业委员会</li><li>高原生态专业委员会</li></ul></div>
      <div class="right"><h1>省盐湖学会召开2024年学术年会</h1><div class="content">${P.slice(0, 3).map((p) => `<p>${p}</p>`).join('')}</div></div>`;
    const { text } = region();
    expect(text).toContain(P[0]);
    expect(text).not.toContain('盐湖化工专业委员会');
    expect(text).not.toContain('学会章程');
  });

  it('finds no article on a home page of headlines and short summaries', () => {
    document.body.innerHTML = `
      <div class="nav">${links(['首页', '甘肃要闻', '国内国际', '市州新闻'])}</div>
      <div class="focus"><h2><a href="#">兰州市推进黄河流域生态保护</a></h2><p>全市新增绿化面积3.2万亩，生态环境持续向好。</p></div>
      ${['甘肃要闻', '国内国际', '市州新闻'].map((c) => `<div class="col"><h3>${c}</h3><ul>${links(['天水市召开文旅推介会 2024-06-01', '酒泉市新能源装机突破千万千瓦 2024-06-01', '张掖市举办湿地保护论坛 2024-06-02', '庆阳市推进数据中心建设 2024-06-02'])}</ul></div>`).join('')}
      <div class="footer"><p>甘肃日报社版权所有</p></div>`;
    expect(region().found).toBeNull();
  });

  it('takes an article holding its own headline as a whole, and one paragraph alone', () => {
    document.body.innerHTML = `<nav>${links(['首页', '新闻'])}</nav><article><h1>标题在文章内的新闻报道</h1>${P.map((p) => `<p>${p}</p>`).join('')}</article>`;
    const { found, text } = region();
    expect(found?.body.tagName).toBe('ARTICLE');
    expect(text.startsWith('标题在文章内的新闻报道')).toBe(true);
    document.body.innerHTML = `<div class="nav">${links(['首页', '新闻'])}</div><div class="content"><p>${P.join('')}</p></div>`;
    expect(region().text).toBe(P.join(''));
  });

  it('reads a body of text in table cells with line breaks (older government pages)', () => {
    document.body.innerHTML = `<table><tr><td class="menu">${links(['首页', '通知公告'])}</td></tr>
      <tr><td class="title"><b>关于开展2024年度知识产权示范企业认定工作的通知</b></td></tr>
      <tr><td class="zw">${P.join('<br>')}</td></tr></table>`;
    const { found, text } = region();
    expect(found).not.toBeNull();
    expect(text).toContain(P[1]);
    expect(text).not.toContain('通知公告');
  });
});

describe('article titles', () => {
  it('takes the article\'s headline, then og:title, then the document title without the site', () => {
    document.title = '全省知识产权工作推进会在西宁召开_青海省人民政府网';
    document.body.innerHTML = portal(ARTICLE);
    expect(articleTitle(document, region().found)).toBe('全省知识产权工作推进会在西宁召开');
    document.head.innerHTML = '<meta property="og:title" content="分享用的标题">';
    expect(articleTitle(document, null)).toBe('分享用的标题');
    document.head.innerHTML = '';
    document.title = '全省知识产权工作推进会在西宁召开_青海省人民政府网';
    expect(articleTitle(document, null)).toBe('全省知识产权工作推进会在西宁召开');
  });

  it.each([
    ['我省发布镁产业专利导航项目成果_青海新闻网', '我省发布镁产业专利导航项目成果'],
    ['宋代书画特展在杭州开幕-新华网', '宋代书画特展在杭州开幕'],
    ['中国政府网 | 国务院常务会议部署稳就业工作', '国务院常务会议部署稳就业工作'],
    ['省盐湖学会召开学术年会 - 青海省科学技术协会', '省盐湖学会召开学术年会'],
    ['每日甘肃网-甘肃日报', '每日甘肃网'],
    ['只有标题', '只有标题'],
  ])('%s → %s', (title, expected) => {
    expect(titleWithoutSite(title)).toBe(expected);
  });
});

describe('isShortPlainPage', () => {
  it('reads a short notice whole, not a home page of links', async () => {
    const { isShortPlainPage } = await import('@/lib/anchor/article');
    document.body.innerHTML = '<p>青海省市场监管局在西宁市发布项目成果。</p>';
    expect(isShortPlainPage(buildTextMap(document.body))).toBe(true);
    document.body.innerHTML = `<ul>${links(COUNTIES)}</ul><p>版权所有</p>`;
    expect(isShortPlainPage(buildTextMap(document.body))).toBe(false);
    document.body.innerHTML = `<p>${'长文'.repeat(800)}</p>`;
    expect(isShortPlainPage(buildTextMap(document.body))).toBe(false);
  });
});
