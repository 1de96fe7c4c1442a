/** Looking spans up by position and by name, for the hover card and the popup. Pure. */

export interface Located {
  start: number;
  end: number;
  type: string;
  text: string;
}

/**
 * The span containing flat offset `at` (start ≤ at < end) in `spans` sorted by start, or
 * undefined. Binary search: O(log n).
 */
export function spanAt<S extends Located>(spans: readonly S[], at: number): S | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/** Every occurrence of the same name and type as `span`, in page order. */
export function occurrencesOf<S extends Located>(spans: readonly S[], span: Located): S[] {
  return spans.filter((s) => s.type === span.type && s.text === span.text);
}
