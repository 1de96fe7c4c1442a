import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_PATTERNS, isDefaultSite, sitePatternFor } from '@/lib/sites';

describe('default sites', () => {
  it('cover the seed sources over http and https, and never all URLs', () => {
    for (const domain of ['people.com.cn', 'people.cn', 'xinhuanet.com', 'news.cn', 'gov.cn', 'qhnews.com', 'gansudaily.com.cn', 'chinahightech.com']) {
      expect(DEFAULT_SITE_PATTERNS).toContain(`http://*.${domain}/*`);
      expect(DEFAULT_SITE_PATTERNS).toContain(`https://*.${domain}/*`);
    }
    expect(DEFAULT_SITE_PATTERNS.join()).not.toMatch(/<all_urls>|^\*:\/\/\*\/|\/\/\*\/\*/);
    expect(new Set(DEFAULT_SITE_PATTERNS).size).toBe(DEFAULT_SITE_PATTERNS.length);
  });

  it.each([
    ['http://paper.people.com.cn/rmrb/html/2024-04/24/nw.htm', true],
    ['https://www.cnipa.gov.cn/art/2024/4/24/art_53_1.html', true],
    ['https://amr.qinghai.gov.cn/', true],
    ['https://gov.cn/', true],
    ['https://notgov.cn/', false],
    ['https://www.example.com/', false],
    ['not a url', false],
  ])('isDefaultSite(%s) = %s', (url, expected) => {
    expect(isDefaultSite(url)).toBe(expected);
  });
});

describe('sitePatternFor', () => {
  it.each([
    ['www.example.com.cn', '*://www.example.com.cn/*'],
    ['https://News.Example.org/a/b?c=1', '*://news.example.org/*'],
    ['  http://localhost:8080/x  ', '*://localhost/*'],
    ['', null],
    ['not a url at all', null],
    ['file:///etc/passwd', null],
    ['chrome://extensions', null],
    ['javascript:alert(1)', null],
  ])('%j → %j', (input, expected) => {
    expect(sitePatternFor(input)).toBe(expected);
  });
});
