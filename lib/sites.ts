/**
 * The official news sites the extension works on by default, as match patterns over http and
 * https. They are the sources of the seed corpus and sites of the same kind: central and
 * provincial party papers, state news agencies, government portals (every `*.gov.cn`
 * bureau, including cnipa.gov.cn) and the high-tech-zone press.
 *
 * The list is the manifest's `host_permissions` and the content script's `matches`, so a
 * site added here is both allowed and annotated. Patterns never include `<all_urls>`.
 */
export const DEFAULT_SITE_DOMAINS = [
  'people.com.cn', // 人民网 / 人民日报
  'people.cn',
  'xinhuanet.com', // 新华网
  'news.cn',
  'gov.cn', // 各级政府门户与部门网站（含 cnipa.gov.cn）
  'cnipa.gov.cn', // 国家知识产权局（already under gov.cn; listed for clarity）
  'qhnews.com', // 青海新闻网
  'gansudaily.com.cn', // 甘肃日报
  'chinahightech.com', // 中国高新技术产业导报
  'gmw.cn', // 光明网
  'qstheory.cn', // 求是网
  'chinadaily.com.cn', // 中国日报网
  'ce.cn', // 中国经济网 / 经济日报
  'cctv.com', // 央视网
  'cnr.cn', // 央广网
  'chinanews.com.cn', // 中国新闻网
  'china.com.cn', // 中国网
  '12371.cn', // 共产党员网
] as const;

function patternsFor(domain: string): string[] {
  return [`http://*.${domain}/*`, `https://*.${domain}/*`];
}

/** Match patterns for {@link DEFAULT_SITE_DOMAINS}; `*.x` also matches `x` itself. */
export const DEFAULT_SITE_PATTERNS: string[] = DEFAULT_SITE_DOMAINS.filter(
  // cnipa.gov.cn is covered by *.gov.cn; a duplicate pattern would only add noise.
  (d) => d !== 'cnipa.gov.cn',
).flatMap(patternsFor);

/** What a user may grant at run time from the options page: any http(s) site, one at a time. */
export const OPTIONAL_SITE_PATTERNS = ['http://*/*', 'https://*/*'];

/**
 * The host of one site from a URL or a bare host name the user typed, lower-cased. Returns
 * `null` for anything that is not an http(s) host (file:, chrome:, empty, spaces).
 */
export function siteHostFor(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d+(?:\/|$)/.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.hostname.toLowerCase();
  if (!host || !/^[a-z0-9.-]+$/.test(host) || host.startsWith('.') || host.endsWith('.')) return null;
  return host;
}

/**
 * The match patterns that grant one site over http and https, each within
 * {@link OPTIONAL_SITE_PATTERNS}: the browser refuses a request for anything the manifest does
 * not list, and a pattern for any scheme is within neither the http nor the https one alone.
 * Returns `null` where {@link siteHostFor} does.
 */
export function sitePatternsFor(input: string): string[] | null {
  const host = siteHostFor(input);
  return host ? [`http://${host}/*`, `https://${host}/*`] : null;
}

/** The host a granted origin pattern names (`https://a.b/*` → `a.b`), or null for a wildcard host. */
export function hostOfPattern(pattern: string): string | null {
  const m = /^(?:\*|https?):\/\/([^/*]+)\/\*$/.exec(pattern);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * The sites the user switched on, from the browser's granted origins: one host per site, without
 * the default sites and the broad optional patterns themselves, sorted.
 */
export function userSiteHosts(origins: readonly string[]): string[] {
  const defaults = new Set(DEFAULT_SITE_PATTERNS);
  const hosts = new Set<string>();
  for (const o of origins) {
    if (defaults.has(o)) continue;
    const host = hostOfPattern(o);
    if (host) hosts.add(host);
  }
  return [...hosts].sort();
}

/** The granted origins that belong to one user site (to remove them together). */
export function grantedPatternsOf(host: string, origins: readonly string[]): string[] {
  const defaults = new Set(DEFAULT_SITE_PATTERNS);
  return origins.filter((o) => !defaults.has(o) && hostOfPattern(o) === host);
}

/**
 * Whether a match pattern is within another (as the browser checks a permission request against
 * the manifest): its scheme within the other's (`*` = http and https), its host equal or under a
 * `*.` host (`*` = any), its path within the other's path (only a trailing `*` wildcard is read).
 */
export function patternWithin(pattern: string, outer: string): boolean {
  const parse = (p: string) => /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(p);
  const a = parse(pattern);
  const b = parse(outer);
  if (!a || !b) return false;
  if (b[1] !== '*' && a[1] !== b[1]) return false;
  if (b[2] !== '*') {
    if (a[2] === '*') return false;
    if (b[2]!.startsWith('*.')) {
      const base = b[2]!.slice(2);
      const host = a[2]!.replace(/^\*\./, '');
      if (host !== base && !host.endsWith(`.${base}`)) return false;
    } else if (a[2] !== b[2]) return false;
  }
  const path = b[3]!;
  return path.endsWith('*') ? a[3]!.startsWith(path.slice(0, -1)) : a[3] === path;
}

/** Whether a URL belongs to one of the default sites (a subdomain or the domain itself). */
export function isDefaultSite(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return DEFAULT_SITE_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Whether the popup offers the site switch (在本站关闭/开启标注) for a page: only on sites that
 * are on, a default site or one the reader switched on (`origins`: the granted origins), never
 * for a page of another site annotated once. False for an address that is not a URL.
 */
export function siteSwitchShown(url: string, origins: readonly string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return isDefaultSite(url) || userSiteHosts(origins).includes(host);
}

/** A page's host name for lists (`www.qhnews.com`), else the address as given when it has none or is no URL. Never throws. */
export function hostOrUrl(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}
