/**
 * The overlap policy for mentions, named `longest-most-specific`: among
 * overlapping candidates the longest span wins; on equal length the higher
 * rule priority (gazetteer > suffix/context > bare jieba tag), then the more
 * specific type (POLICY > EVENT > PRODUCT > ORG > PERSON > LOC).
 * Exact duplicates collapse to one.
 */
import type { MentionHit } from '../rule.js';

export type MentionPolicy = <T extends MentionHit>(hits: T[]) => T[];

const TYPE_RANK: Record<string, number> = { POLICY: 6, EVENT: 5, PRODUCT: 4, ORG: 3, PERSON: 2, LOC: 1 };

const prio = (h: MentionHit): number => h.priority ?? 0;

export const longestMostSpecific: MentionPolicy = (hits) => {
  const order = [...hits].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      prio(b) - prio(a) ||
      (TYPE_RANK[b.type] ?? 0) - (TYPE_RANK[a.type] ?? 0) ||
      a.start - b.start,
  );
  const kept: typeof hits = [];
  let size = 0;
  for (const h of hits) size = Math.max(size, h.end);
  // characters a kept span covers: a candidate sharing one loses
  const used = new Uint8Array(size);
  next: for (const h of order) {
    for (let i = h.start; i < h.end; i++) if (used[i]) continue next;
    kept.push(h);
    used.fill(1, h.start, h.end);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
};

export const overlapPolicyName = 'longest-most-specific';
