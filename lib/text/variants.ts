/**
 * Traditional Chinese to simplified, for searching: a reader who types 知識產權 finds 知识产权.
 * OpenCC's tables (opencc-js, traditional → mainland simplified, characters and standard
 * phrases), built on first use. Pure; runs in Node and in the extension.
 */
import { Converter } from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

/**
 * `text` with traditional characters and phrases written in simplified Chinese (simplified text
 * and other scripts come back as they are; the length may change only where a phrase differs).
 * Never throws: a failure of the tables gives the text back unchanged.
 */
export function toSimplified(text: string): string {
  if (!text || !/[\u3400-\u9fff\uf900-\ufaff]/.test(text)) return text;
  try {
    convert ??= Converter({ from: 't', to: 'cn' });
    return convert(text);
  } catch {
    return text;
  }
}

/** The forms of a search query to look for: as typed, and simplified when it differs. */
export function queryForms(query: string): string[] {
  const typed = query.normalize('NFKC').trim();
  if (!typed) return [];
  const simplified = toSimplified(typed);
  return simplified === typed ? [typed] : [typed, simplified];
}
