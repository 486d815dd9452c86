/**
 * Document marks (format 5): how the same string was tagged elsewhere in the
 * document by a first pass of the model. A name tagged once (刘绍棠) marks its
 * other occurrences, and the given name cut from it (绍棠), in the other
 * pieces of the document, so the second pass can tag them alike. A piece's
 * own first-pass spans never mark the piece itself.
 *
 * Mark values (1..24, 0 none): kind (PER, LOC, ORG, given name of a PER) ×
 * how often tagged elsewhere (once, twice or more) × position in the
 * matched string (B, M, E). Strings of two or more characters, matched
 * greedily left to right, longest first.
 *
 * A document is the whole text at run time; in the MSRA rows (no article
 * boundaries) the `window` pieces before and after stand in for it.
 */
import type { Span } from './model.js';
import { foldCode, foldText, surnameFlags } from './features.js';

/** Pieces before and after a training / dev row that stand in for its article (MSRA rows). */
export const DOC_WINDOW = 15;

const KINDS = { PER: 0, LOC: 1, ORG: 2 } as const;
const GIVEN = 3;

interface Item {
  key: string;
  kind: number;
}

/** The strings a piece contributes: its spans of 2+ chars (folded), and the given names cut from its PER spans after a surname. */
function items(text: string, at: number, spans: readonly Span[], fold: boolean): Item[] {
  const out: Item[] = [];
  for (const s of spans) {
    const len = s.end - s.start;
    if (len < 2) continue;
    let key = text.slice(at + s.start, at + s.end);
    if (fold) key = foldText(key);
    out.push({ key, kind: KINDS[s.type] });
    if (s.type !== 'PER') continue;
    const f = surnameFlags(key.charCodeAt(0));
    if ((len === 3 && f & 1) || (len === 4 && f & 4)) out.push({ key: key.slice(len - 2), kind: GIVEN });
  }
  return out;
}

/** per first char code, how many strings of the current Counts start with it (shared; Counts.clear puts it back to zeros) */
const firstCount = new Int32Array(65536);

/** Counts per kind of the strings of a set of pieces, with an index by first char. */
class Counts {
  readonly byKey = new Map<string, Int32Array>();
  readonly byFirst = new Map<number, string[]>();

  add(list: readonly Item[], d: number): void {
    for (const it of list) {
      let c = this.byKey.get(it.key);
      if (!c) {
        c = new Int32Array(5);
        this.byKey.set(it.key, c);
        const f = it.key.charCodeAt(0);
        firstCount[f]!++;
        const l = this.byFirst.get(f);
        if (l) {
          l.push(it.key);
          l.sort((a, b) => b.length - a.length);
        } else this.byFirst.set(f, [it.key]);
      }
      c[it.kind]! += d;
      c[4]! += d;
      if (c[4]! <= 0) {
        this.byKey.delete(it.key);
        const f = it.key.charCodeAt(0);
        firstCount[f]!--;
        const l = this.byFirst.get(f)!;
        l.splice(l.indexOf(it.key), 1);
        if (l.length === 0) this.byFirst.delete(f);
      }
    }
  }

  clear(): void {
    for (const f of this.byFirst.keys()) firstCount[f] = 0;
  }
}

let scratch = new Uint8Array(1024);
const cur = new Int32Array(5);

/** The marks of text[start, end) (folded chars when `fold`) against `counts` less the piece's `own` strings: null when no char is marked. */
function markPiece(text: string, start: number, end: number, fold: boolean, counts: Counts, own: readonly Item[]): Uint8Array | null {
  const n = end - start;
  if (counts.byKey.size === 0) return null;
  if (scratch.length < n) scratch = new Uint8Array(n * 2);
  const out = scratch;
  let any = false;
  let i = 0;
  while (i < n) {
    const c0 = fold ? foldCode(text.charCodeAt(start + i)) : text.charCodeAt(start + i);
    if (firstCount[c0] === 0) {
      i++;
      continue;
    }
    let hit: string | undefined;
    for (const s of counts.byFirst.get(c0)!) {
      if (s.length > n - i) continue;
      let j = 1;
      if (fold) while (j < s.length && foldCode(text.charCodeAt(start + i + j)) === s.charCodeAt(j)) j++;
      else while (j < s.length && text.charCodeAt(start + i + j) === s.charCodeAt(j)) j++;
      if (j !== s.length) continue;
      // the counts less the piece's own strings
      const c = counts.byKey.get(s)!;
      for (let k = 0; k < 5; k++) cur[k] = c[k]!;
      for (const it of own) {
        if (it.key !== s) continue;
        cur[it.kind]!--;
        cur[4]!--;
      }
      if (cur[4]! > 0) {
        hit = s;
        break;
      }
    }
    if (!hit) {
      i++;
      continue;
    }
    if (!any) out.fill(0, 0, n);
    const c = cur;
    let kind = 0;
    for (let k = 1; k < 4; k++) if (c[k]! > c[kind]!) kind = k;
    const cb = c[4]! >= 2 ? 1 : 0;
    const base = (kind * 2 + cb) * 3 + 1;
    const len = hit.length;
    for (let j = 0; j < len; j++) out[i + j] = base + (j === 0 ? 0 : j === len - 1 ? 2 : 1);
    any = true;
    i += len;
  }
  return any ? out.slice(0, n) : null;
}

/**
 * The document marks of every piece text[pieces[k]] (spans in each
 * piece's coordinates; `fold`: the text is not folded yet): null for a
 * piece with no mark. The pieces in [k - window, k + window] other than k
 * are piece k's document (window Infinity: all of them).
 */
export function docMarksIn(text: string, pieces: ReadonlyArray<{ start: number; end: number }>, spans: readonly (readonly Span[])[], window = Infinity, fold = false): Array<Uint8Array | null> {
  const P = pieces.length;
  const its = pieces.map((p, k) => items(text, p.start, spans[k]!, fold));
  const counts = new Counts();
  const out: Array<Uint8Array | null> = [];
  let hi = -1; // pieces (lo, hi] are in counts
  let lo = -1;
  for (let k = 0; k < P; k++) {
    const top = Math.min(P - 1, k + window);
    while (hi < top) counts.add(its[++hi]!, 1);
    const bottom = k - window - 1;
    while (lo < bottom) counts.add(its[++lo]!, -1);
    out.push(markPiece(text, pieces[k]!.start, pieces[k]!.end, fold, counts, its[k]!));
  }
  counts.clear();
  return out;
}

/** docMarksIn over separate (folded) texts, one piece each. */
export function docMarks(texts: readonly string[], spans: readonly (readonly Span[])[], window = Infinity): Array<Uint8Array | null> {
  const pieces: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const t of texts) {
    pieces.push({ start: at, end: at + t.length });
    at += t.length;
  }
  return docMarksIn(texts.join(''), pieces, spans, window);
}
