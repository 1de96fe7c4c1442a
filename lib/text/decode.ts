/**
 * Text files as readers have them: UTF-8 with or without a byte-order mark, UTF-16 (with a mark,
 * or recognized by its zero bytes), or GB18030/GBK as Chinese Windows software writes them; and
 * files that are not text at all (an image, an archive, a document renamed .txt), refused.
 */
import { t } from '../i18n';

/** A file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'GB18030';
}

/** Thrown for bytes that are not text in any of the encodings read; the message in the UI's language. */
export class NotTextError extends Error {
  constructor(message = t('storeNotText')) {
    super(message);
    this.name = 'NotTextError';
  }
}

/** Control characters other than tab, line breaks, form feed and escape. */
function controlShare(text: string): number {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (!sample.length) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/**
 * Decodes a file's bytes. Tries, in order: a byte-order mark; UTF-16 without one (zero bytes at
 * every other place); UTF-8; GB18030 (which reads GBK and GB2312). Text whose characters are
 * more than 1 % control characters or undecodable is no text.
 * @throws NotTextError for a binary file (in the UI's language, for the reader).
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const decode = (encoding: string, fatal: boolean, from = 0) => new TextDecoder(encoding, { fatal }).decode(bytes.subarray(from));
  const checked = (text: string, encoding: DecodedText['encoding']): DecodedText => {
    if (controlShare(text) > 0.01) throw new NotTextError();
    return { text, encoding };
  };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(decode('utf-8', false, 3), 'UTF-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decode('utf-16le', false, 2), 'UTF-16LE');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decode('utf-16be', false, 2), 'UTF-16BE');
  // Zero bytes: UTF-16 without a mark (ASCII and CJK both leave them at one parity), or binary.
  const n = Math.min(bytes.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? zeroOdd++ : zeroEven++);
  if (zeroEven + zeroOdd > 0) {
    if (zeroOdd > n / 8 && zeroEven === 0) return checked(decode('utf-16le', false), 'UTF-16LE');
    if (zeroEven > n / 8 && zeroOdd === 0) return checked(decode('utf-16be', false), 'UTF-16BE');
    throw new NotTextError();
  }
  try {
    return checked(decode('utf-8', true), 'UTF-8');
  } catch (error) {
    if (error instanceof NotTextError) throw error;
  }
  try {
    return checked(decode('gb18030', true), 'GB18030');
  } catch {
    throw new NotTextError();
  }
}
