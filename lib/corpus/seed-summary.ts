/** A one-line description of a seed document, for lists in the UI and CLIs. */
export interface SeedSummary {
  /** The file name without extension, e.g. `000_d9cd63c087f90da5`. */
  id: string;
  title: string;
  /** Characters of text, layout whitespace excluded. */
  chars: number;
  /** Number of `#` / `##` headings, a first hint of how many articles the page holds. */
  headings: number;
}

const TITLE_MAX = 28;

/**
 * Summarizes one seed file: its first Markdown heading as the title, or else its first
 * non-empty line cut at {@link TITLE_MAX} characters. Never throws; an empty file gets the
 * title `（空文档）`.
 */
export function summarizeSeed(fileName: string, text: string): SeedSummary {
  const id = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const headingLines = lines.filter((l) => /^#{1,6}\s/.test(l));
  let title = headingLines[0]?.replace(/^#+\s*/, '');
  if (!title) {
    const first = lines.find((l) => l.length > 0) ?? '';
    title = [...first].length > TITLE_MAX ? `${[...first].slice(0, TITLE_MAX).join('')}…` : first;
  }
  return {
    id,
    title: title || '（空文档）',
    chars: text.replace(/\s+/g, '').length,
    headings: headingLines.length,
  };
}
