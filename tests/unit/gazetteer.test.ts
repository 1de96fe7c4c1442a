import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestPlaceAt, lookupPlace, placeNames, type PlaceLevel } from '@/lib/recognize/gazetteer';

describe('lookupPlace', () => {
  it.each<[name: string, level: PlaceLevel, full: string | undefined]>([
    // Provinces, with their short forms (full given for a short form).
    ['青海省', 'province', undefined],
    ['青海', 'province', '青海省'],
    ['新疆', 'province', '新疆维吾尔自治区'],
    ['广西', 'province', '广西壮族自治区'],
    ['内蒙古', 'province', '内蒙古自治区'],
    ['北京', 'province', '北京市'],
    ['重庆', 'province', '重庆市'],
    ['香港', 'province', '香港特别行政区'],
    ['台湾', 'province', '台湾省'],
    // Prefectures, autonomous ones stripped of their ethnic names.
    ['西宁市', 'prefecture', undefined],
    ['西宁', 'prefecture', '西宁市'],
    ['济南市', 'prefecture', undefined],
    ['济南', 'prefecture', '济南市'],
    ['海西蒙古族藏族自治州', 'prefecture', undefined],
    ['海西', 'prefecture', '海西蒙古族藏族自治州'],
    ['海西州', 'prefecture', '海西蒙古族藏族自治州'],
    ['博州', 'prefecture', '博尔塔拉蒙古自治州'],
    ['阿里', 'prefecture', '阿里地区'],
    // Counties and districts.
    ['德令哈市', 'county', undefined],
    ['德令哈', 'county', '德令哈市'],
    ['湟中区', 'county', undefined],
    ['湟中', 'county', '湟中区'],
    ['金川区', 'county', undefined],
    ['德清县', 'county', undefined],
    ['市中区', 'county', undefined],
    ['共和县', 'county', undefined],
    ['互助县', 'county', '互助土族自治县'],
    ['管城', 'county', '管城回族区'],
    ['浦东', 'county', '浦东新区'],
    ['大柴旦', 'county', '大柴旦行政委员会'],
    // Townships, full names only, and zones.
    ['乾元镇', 'township', undefined],
    ['火车站街道', 'township', undefined],
    ['来广营地区', 'township', undefined],
    ['济南高新技术产业开发区', 'zone', undefined],
    ['济南高新区', 'zone', '济南高新技术产业开发区'],
    // The hand-curated list.
    ['美国', 'country', undefined],
    ['巴基斯坦', 'country', undefined],
    ['印尼', 'country', '印度尼西亚'],
    ['纽约', 'foreign-city', undefined],
    ['莫斯科', 'foreign-city', undefined],
    ['东南亚', 'region', undefined],
    ['拉美', 'region', '拉丁美洲'],
    ['祁连山', 'geo', undefined],
    ['青藏高原', 'geo', undefined],
    ['柴达木盆地', 'geo', undefined],
    ['河西走廊', 'region', undefined],
    ['长三角', 'region', '长江三角洲'],
    ['粤港澳大湾区', 'region', undefined],
    // One name, several places: a full name before a short form, then the higher level.
    ['天山', 'geo', undefined],
    ['江南', 'region', undefined],
    ['吉林', 'province', '吉林省'],
  ])('%s is a %s (full name: %s)', (name, level, full) => {
    expect(lookupPlace(name)).toEqual(
      full === undefined ? { name, level, short: false } : { name, level, short: true, full },
    );
  });

  it.each([
    ['城关', 'generic county remainder'],
    ['城中', 'generic county remainder'],
    ['共和', 'county remainder that is a common word'],
    ['中方', 'county remainder that is a common word'],
    ['来宾', 'prefecture remainder that is a common word'],
    ['乌拉特中', 'banner named by position'],
    ['市辖区', 'placeholder'],
    ['省直辖县级行政区划', 'placeholder'],
    ['县', 'placeholder'],
    ['城区', 'generic full name'],
    ['开发区', 'generic zone'],
    ['乾元', 'township remainder'],
    ['盐湖', 'bare generic word'],
    ['美', 'one-character short form'],
    ['', 'empty string'],
  ])('%s is not a place (%s)', (name) => {
    expect(lookupPlace(name)).toBeUndefined();
  });
});

describe('placeNames', () => {
  const names = [...placeNames()];

  it('lists every name once, each found by lookupPlace', () => {
    expect(names.length).toBeGreaterThan(35_000);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(lookupPlace(name)?.name).toBe(name);
  });

  it('has no one-character names and no village-level committees', () => {
    expect(names.filter((n) => n.length < 2)).toEqual([]);
    expect(names.filter((n) => /(村委会|居委会|村民委员会|居民委员会)$/.test(n))).toEqual([]);
  });

  it('gives every short form a full name that is itself in the gazetteer', () => {
    for (const name of names) {
      const entry = lookupPlace(name);
      if (entry?.short) expect(lookupPlace(entry.full ?? ''), `${name} → ${entry.full}`).toBeDefined();
    }
  });

  it('starts a new iteration on each call', () => {
    expect([...placeNames()].length).toBe(names.length);
  });

  it('keeps only the names whose entry passes a filter', () => {
    const full = [...placeNames((e) => !e.short)];
    expect(full).toContain('青海省');
    expect(full).not.toContain('青海');
    expect(full.length).toBe(names.filter((n) => !lookupPlace(n)?.short).length);
    const countries = [...placeNames((e) => e.level === 'country')];
    expect(countries).toEqual(expect.arrayContaining(['美国', '日本', '巴西', '巴基斯坦', '中国']));
    expect(countries.length).toBeGreaterThan(190);
  });
});

describe('longestPlaceAt', () => {
  it.each<[text: string, start: number, match: string | undefined]>([
    ['浙江省湖州市德清县', 0, '浙江省'],
    ['浙江省湖州市德清县', 3, '湖州市'],
    ['浙江省湖州市德清县', 6, '德清县'],
    ['浙江省湖州市德清县', 1, undefined],
    ['青海湖畔', 0, '青海湖'],
    ['海西州德令哈市', 0, '海西州'],
    ['海西州德令哈市', 3, '德令哈市'],
    ['长江路', 0, '长江'],
    ['在美国', 1, '美国'],
    ['的的确确', 0, undefined],
    ['青海', 1, undefined],
    ['青海', 2, undefined],
    ['青海', -1, undefined],
    ['青海', 0.5, undefined],
    ['', 0, undefined],
  ])('in %s at %i finds %s', (text, start, match) => {
    const found = longestPlaceAt(text, start);
    if (match === undefined) {
      expect(found).toBeUndefined();
    } else {
      expect(found).toEqual({ ...lookupPlace(match), end: start + match.length });
    }
  });

  it('returns the entry lookupPlace gives, and no longer name starts there', () => {
    const alphabet = fc.constantFrom(...'青海省西宁市湖州德清县长江路美国的了海西州蒙古族藏族自治');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 16 }), fc.nat(16), (text, start) => {
        const found = longestPlaceAt(text, start);
        if (found) {
          const { end, ...entry } = found;
          expect(text.slice(start, end)).toBe(entry.name);
          expect(entry).toEqual(lookupPlace(entry.name));
        }
        for (let end = (found?.end ?? start) + 1; end <= text.length; end++) {
          expect(lookupPlace(text.slice(start, end))).toBeUndefined();
        }
      }),
    );
  });

  it('scans a million positions quickly', () => {
    const sentence = '青海省海西蒙古族藏族自治州德令哈市柴达木循环经济试验区，与美国纽约、长江三角洲的企业签约。';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    longestPlaceAt(text, 0); // builds the index outside the timing
    const t0 = performance.now();
    let found = 0;
    for (let i = 0; i < text.length; i++) if (longestPlaceAt(text, i)) found++;
    const ms = performance.now() - t0;
    expect(found).toBeGreaterThan(0);
    // Generous bound for a slow CI machine; locally this takes a fraction of it.
    expect(ms).toBeLessThan(5_000);
  });
});
