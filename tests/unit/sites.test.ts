import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_PATTERNS, OPTIONAL_SITE_PATTERNS, grantedPatternsOf, isDefaultSite, patternWithin, sitePatternsFor, siteSwitchShown, userSiteHosts } from '@/lib/sites';

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

describe('sitePatternsFor', () => {
  it.each([
    ['www.example.com.cn', 'www.example.com.cn'],
    ['https://News.Example.org/a/b?c=1', 'news.example.org'],
    ['  http://localhost:8080/x  ', 'localhost'],
    ['localhost:8080/x', 'localhost'],
    ['news.example.org/path/page.html', 'news.example.org'],
  ])('%j → http and https of %j', (input, host) => {
    expect(sitePatternsFor(input)).toEqual([`http://${host}/*`, `https://${host}/*`]);
  });

  it.each(['', '   ', 'not a url at all', 'file:///etc/passwd', 'chrome://extensions', 'javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/', 'http://exa mple.org/'])(
    'refuses %j',
    (input) => {
      expect(sitePatternsFor(input)).toBeNull();
    },
  );

  // The browser refuses a request for any pattern the manifest's optional host permissions do
  // not cover ("Only permissions specified in the manifest may be requested").
  it.each(['www.example.com.cn', 'http://a.b.c.d.example.org:81/x', 'https://xn--fiqs8s.cn/', 'localhost'])(
    'asks only for what the manifest offers (%s)',
    (input) => {
      for (const p of sitePatternsFor(input)!) expect(OPTIONAL_SITE_PATTERNS.some((o) => patternWithin(p, o))).toBe(true);
    },
  );
});

describe('patternWithin', () => {
  it.each([
    ['http://a.org/*', 'http://*/*', true],
    ['https://a.org/*', 'http://*/*', false],
    ['*://a.org/*', 'http://*/*', false],
    ['*://a.org/*', '*://*/*', true],
    ['https://news.gov.cn/*', 'https://*.gov.cn/*', true],
    ['https://gov.cn/*', 'https://*.gov.cn/*', true],
    ['https://gov.cn.evil.org/*', 'https://*.gov.cn/*', false],
    ['https://*/*', 'https://*.gov.cn/*', false],
    ['https://a.org/x/*', 'https://a.org/*', true],
    ['https://a.org/*', 'https://a.org/x/*', false],
    ['<all_urls>', 'https://*/*', false],
  ])('%s within %s: %s', (a, b, want) => {
    expect(patternWithin(a, b)).toBe(want);
  });
});

describe('the sites the user switched on', () => {
  const origins = [...DEFAULT_SITE_PATTERNS, 'http://news.example.org/*', 'https://news.example.org/*', 'https://b.example.org/*', '*://old.example.org/*'];

  it('lists each host once, without the default sites', () => {
    expect(userSiteHosts(origins)).toEqual(['b.example.org', 'news.example.org', 'old.example.org']);
  });

  it('removes every pattern of one host together', () => {
    expect(grantedPatternsOf('news.example.org', origins)).toEqual(['http://news.example.org/*', 'https://news.example.org/*']);
    expect(grantedPatternsOf('gov.cn', origins)).toEqual([]);
  });
});

describe('siteSwitchShown', () => {
  const granted = [...DEFAULT_SITE_PATTERNS, 'http://www.example.com/*', 'https://www.example.com/*'];
  it.each<[string, boolean]>([
    ['http://www.qhnews.com/system/2024/04/24/1.shtml', true],
    ['https://amr.qinghai.gov.cn/a.html', true],
    ['http://www.example.com:8080/news.html', true],
    // Annotated once (the popup's 仅此一次标注本页): no switch for a site that was never on.
    ['https://www.other.org/a.html', false],
    ['not a url', false],
  ])('%s → %s', (url, shown) => {
    expect(siteSwitchShown(url, granted)).toBe(shown);
  });
});
