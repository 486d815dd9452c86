/**
 * The entity rules' word lists (pipelines/lexicon/, read through
 * src/core/lists.ts) turned into what the rules test with: sets and regular
 * expressions, built at a rule's first run — never at module load, so a list
 * comes from the folder the pipeline declared — and built again after the
 * pipeline's folders change.
 */
import { onLexiconChange, wordList } from '../../core/lists.js';

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * List NAME as a regular-expression alternation `(?:A|B|…)` in FILE order
 * (core's `alternation` sorts longest first). Where two entries can match at
 * the same place (以及 and 以 before a name), the one listed first wins, as
 * in the regex the list came from; the list's header says when order matters.
 */
export function anyOf(name: string): string {
  return `(?:${wordList(name).map(escape).join('|')})`;
}

/** A value built from lists once per lexicon: `build` runs at the first call and again after `useLexicon` changes folders. */
export function perLexicon<T>(build: () => T): () => T {
  let value: { v: T } | null = null;
  onLexiconChange(() => (value = null));
  return () => (value ??= { v: build() }).v;
}

const edges = new Map<string, Uint8Array>();
onLexiconChange(() => edges.clear());

/**
 * The code units list NAME's entries start (`first`) or end (`last`) with, as
 * a table by code unit: a cheap test before a regular expression made from
 * the list (`^(?:…)` or `(?:…)$`) that cannot match where it fails.
 */
export function edgeCodes(name: string, which: 'first' | 'last'): Uint8Array {
  const key = `${which}:${name}`;
  let t = edges.get(key);
  if (!t) {
    t = new Uint8Array(65536);
    for (const w of wordList(name)) if (w.length > 0) t[w.charCodeAt(which === 'first' ? 0 : w.length - 1)] = 1;
    edges.set(key, t);
  }
  return t;
}

const firsts = new WeakMap<ReadonlySet<string>, { size: number; table: Uint8Array }>();

/**
 * The code units the entries of `set` start with, as a table by code unit: a
 * cheap test before `set.has(word)` on every token (most tokens start with
 * no entry's first code unit). Built once per set (again if its size
 * changed); null when the set holds the empty string (no test can stand in).
 */
export function firstCodes(set: ReadonlySet<string>): Uint8Array | null {
  if (set.has('')) return null;
  let f = firsts.get(set);
  if (!f || f.size !== set.size) {
    const table = new Uint8Array(65536);
    for (const w of set) table[w.charCodeAt(0)] = 1;
    firsts.set(set, (f = { size: set.size, table }));
  }
  return f.table;
}
