/**
 * Overlap policy `longest-most-specific`: among figures whose spans overlap, the
 * longest span wins; on equal length the more specific kind wins (dates and
 * money before counts, counts before plain numbers), then the earlier start.
 * Named, pure and swappable: extractFigures takes it as a parameter.
 */
import type { FigureKind } from '../../core/types.js';
import type { FigureHit } from '../rule.js';

const SPECIFICITY: Readonly<Record<FigureKind, number>> = {
  period: 20, date: 19, money: 18, percentagePoint: 17, percent: 16, ratio: 15, multiple: 14,
  area: 13, length: 12, mass: 11, power: 10, energy: 10, compute: 10, data: 10, scale: 9,
  duration: 8, ordinal: 7, count: 6, number: 1,
};

export type OverlapPolicy = (hits: FigureHit[]) => FigureHit[];

export const longestMostSpecific: OverlapPolicy = (hits) => {
  // group into clusters of mutually overlapping spans (sorted by start): only clusters need ranking
  const byStart = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: FigureHit[] = [];
  let k = 0;
  while (k < byStart.length) {
    let end = (byStart[k] as FigureHit).end;
    let m = k + 1;
    while (m < byStart.length && (byStart[m] as FigureHit).start < end) {
      end = Math.max(end, (byStart[m] as FigureHit).end);
      m++;
    }
    if (m === k + 1) out.push(byStart[k] as FigureHit);
    else for (const h of rankCluster(byStart.slice(k, m))) out.push(h);
    k = m;
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
};

function rankCluster(hits: FigureHit[]): FigureHit[] {
  const ranked = [...hits].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SPECIFICITY[b.kind] - SPECIFICITY[a.kind] || a.start - b.start,
  );
  const kept: FigureHit[] = [];
  // spans are short and few per document: an interval check against kept spans sorted by start
  const starts: number[] = [];
  const ends: number[] = [];
  for (const h of ranked) {
    // binary search the first kept span with start >= h.end, check its predecessor chain
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) < h.end) lo = mid + 1;
      else hi = mid;
    }
    const prevIdx = lo - 1;
    const clash = prevIdx >= 0 && (ends[prevIdx] as number) > h.start;
    if (clash) continue;
    starts.splice(lo, 0, h.start);
    ends.splice(lo, 0, h.end);
    kept.push(h);
  }
  return kept;
}
