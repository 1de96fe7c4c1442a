/**
 * Functions the end-to-end tests run inside a page, the same for Playwright (Chromium) and
 * puppeteer (Firefox): each is sent to the page as source, so it holds no closure and no import,
 * and takes one argument.
 */

/** The viewport point in the middle of character `index` of the first occurrence of `wanted` in the page's text, or null. */
export function textPointInPage([wanted, index]: readonly [string, number]): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at + index);
    range.setEnd(node, at + index + 1);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

/**
 * Selects the first occurrence of `wanted` in the page's text, as a script would; with a
 * `caretAt`, puts a collapsed caret that many characters into it instead. False if absent.
 */
export function selectTextInPage([wanted, caretAt]: readonly [string, number | null]): boolean {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(wanted);
    if (at < 0) continue;
    const selection = getSelection()!;
    if (caretAt !== null) selection.collapse(node, at + caretAt);
    else {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return true;
  }
  return false;
}
