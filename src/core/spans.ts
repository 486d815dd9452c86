/**
 * The span of a sorted, non-overlapping list (tokens, sentences) that holds
 * position `pos` (start <= pos < end), by binary search; undefined when `pos`
 * falls in no span (whitespace between tokens, text between sentences).
 */
export function spanAt<T extends { start: number; end: number }>(spans: readonly T[], pos: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= pos) lo = mid + 1;
    else if (s.start > pos) hi = mid - 1;
    else return s;
  }
  return undefined;
}
