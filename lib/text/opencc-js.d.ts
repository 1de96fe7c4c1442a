/** The part of opencc-js's traditional → simplified build the search uses (the package has no types). */
declare module 'opencc-js/t2cn' {
  /** A converter between two locales: 't' (OpenCC standard traditional), 'tw', 'hk', 'jp' → 'cn'. */
  export function Converter(options: { from: 't' | 'tw' | 'twp' | 'hk' | 'jp'; to: 'cn' }): (text: string) => string;
}
