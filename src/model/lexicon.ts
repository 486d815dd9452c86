/**
 * What the entity model learns from its own training data besides weights
 * (model format 3): lists collected from the annotated training sentences
 * and shipped inside the model file.
 *
 * - `ents`: every entity string of two characters or more with its majority
 *   type and how often it is annotated where it occurs (a confidence
 *   bucket): 中国 is LOC nearly everywhere, 华 nowhere near it.
 * - `words`: jieba words with their entity role in training (the word is a
 *   whole PER / LOC / ORG, begins one, ends one, sits inside one) and the
 *   share of their occurrences in that role: 委员会 ends an ORG, 绍棠 is a
 *   PER, 说 is nothing.
 * - `given`: given names of two characters, cut from three-character PER
 *   whose first character is a surname (绍棠 of 刘绍棠).
 *
 * Training is jackknifed (`jackknife`): the training rows are cut into K
 * contiguous folds and each fold's features come from lists collected on
 * the other folds, so that the model sees the lists miss and mislead as
 * often as they will on new text, and does not trust them blindly.
 */
import type { Token } from '../core/types.js';
import type { Span, SpanType } from './model.js';

export interface LexiconData {
  /** [string, code]: code = 1 + type * 4 + confidence bucket (type 0 PER, 1 LOC, 2 ORG) */
  ents: Array<[string, number]>;
  /** [word, code]: code = 1 + role * 4 + share bucket (role: S/B/E/M × PER/LOC/ORG) */
  words: Array<[string, number]>;
  /** two-character given names */
  given: string[];
}

const TYPE_ID: Record<SpanType, number> = { PER: 0, LOC: 1, ORG: 2 };

/** One training sentence as the lexicon sees it: folded text, gold spans, jieba tokens. */
export interface LexRow {
  text: string;
  spans: readonly Span[];
  tokens: readonly Token[];
}

/** The confidence bucket of a share in [0, 1]. */
function bucket(share: number, cuts: readonly number[]): number {
  let b = 0;
  while (b < cuts.length && share >= cuts[b]!) b++;
  return b;
}
const ENT_CUTS = [0.3, 0.6, 0.9];
const WORD_CUTS = [0.1, 0.4, 0.8];

/** What one block of rows says about strings and words; lists are made from sums of these. */
interface Counts {
  /** annotated entity strings: count per type */
  ann: Map<string, number[]>;
  /** occurrences anywhere in the text of every string annotated in any block */
  occ: Map<string, number>;
  given: Map<string, number>;
  /** jieba words: 12 roles + total */
  roles: Map<string, Uint32Array>;
}

function annotated(rows: readonly LexRow[], surname: (c: string) => boolean): Pick<Counts, 'ann' | 'given'> {
  const ann = new Map<string, number[]>();
  const given = new Map<string, number>();
  for (const r of rows) {
    for (const s of r.spans) {
      const name = r.text.slice(s.start, s.end);
      if (name.length < 2 || name.length > 20) continue;
      let c = ann.get(name);
      if (!c) ann.set(name, (c = [0, 0, 0]));
      c[TYPE_ID[s.type]]!++;
      if (s.type === 'PER' && name.length === 3 && surname(name[0]!)) given.set(name.slice(1), (given.get(name.slice(1)) ?? 0) + 1);
    }
  }
  return { ann, given };
}

/** Occurrences of the trie's strings anywhere in the rows' texts (a trie walk from every position). */
function occurrences(rows: readonly LexRow[], root: TrieNode): Map<string, number> {
  const occ = new Map<string, number>();
  for (const r of rows) {
    const t = r.text;
    for (let i = 0; i < t.length; i++) {
      let node: TrieNode | undefined = root;
      for (let j = i; j < t.length && node; j++) {
        node = node.next.get(t[j]!);
        if (node?.word) occ.set(node.word, (occ.get(node.word) ?? 0) + 1);
      }
    }
  }
  return occ;
}

function wordRoles(rows: readonly LexRow[]): Map<string, Uint32Array> {
  const roles = new Map<string, Uint32Array>();
  for (const r of rows) {
    const n = r.text.length;
    const ent = new Int32Array(n).fill(-1); // span index per char
    r.spans.forEach((s, k) => {
      for (let i = s.start; i < s.end && i < n; i++) ent[i] = k;
    });
    for (const tk of r.tokens) {
      if (tk.end <= tk.start || tk.end > n) continue;
      const w = r.text.slice(tk.start, tk.end);
      let c = roles.get(w);
      if (!c) roles.set(w, (c = new Uint32Array(13)));
      c[12]!++;
      const k = ent[tk.start]!;
      if (k < 0) continue;
      let same = true;
      for (let i = tk.start; i < tk.end; i++) if (ent[i] !== k) same = false;
      if (!same) continue; // the token crosses an entity's edge
      const s = r.spans[k]!;
      const role = s.start === tk.start ? (s.end === tk.end ? 0 : 1) : s.end === tk.end ? 2 : 3;
      c[role * 3 + TYPE_ID[s.type]]!++;
    }
  }
  return roles;
}

function trieOf(words: Iterable<string>): TrieNode {
  const root: TrieNode = { next: new Map(), word: null };
  for (const name of words) {
    let node = root;
    for (const ch of name) {
      let n = node.next.get(ch);
      if (!n) node.next.set(ch, (n = { next: new Map(), word: null }));
      node = n;
    }
    node.word = name;
  }
  return root;
}

/** The lists from the counts of some blocks (the sum of `parts`). Deterministic: sorted. */
function listsOf(parts: readonly Counts[]): LexiconData {
  const ann = new Map<string, number[]>();
  const occ = new Map<string, number>();
  const given = new Set<string>();
  const roles = new Map<string, Uint32Array>();
  for (const p of parts) {
    for (const [name, c] of p.ann) {
      const a = ann.get(name);
      if (a) for (let k = 0; k < 3; k++) a[k]! += c[k]!;
      else ann.set(name, [...c]);
    }
    for (const [name, n] of p.occ) occ.set(name, (occ.get(name) ?? 0) + n);
    for (const g of p.given.keys()) given.add(g);
    for (const [w, c] of p.roles) {
      const a = roles.get(w);
      if (a) for (let k = 0; k < 13; k++) a[k]! += c[k]!;
      else roles.set(w, Uint32Array.from(c));
    }
  }
  const ents: Array<[string, number]> = [];
  for (const [name, c] of ann) {
    const total = c[0]! + c[1]! + c[2]!;
    let type = 0;
    for (let k = 1; k < 3; k++) if (c[k]! > c[type]!) type = k;
    const share = total / Math.max(total, occ.get(name) ?? 0);
    ents.push([name, 1 + type * 4 + bucket(share, ENT_CUTS)]);
  }
  ents.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const words: Array<[string, number]> = [];
  for (const [w, c] of roles) {
    const total = c[12]!;
    if (total < 2) continue;
    let best = 0;
    for (let k = 1; k < 12; k++) if (c[k]! > c[best]!) best = k;
    const share = c[best]! / total;
    if (share < 0.02) continue;
    words.push([w, 1 + best * 4 + bucket(share, WORD_CUTS)]);
  }
  words.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { ents, words, given: [...given].sort() };
}

/** Collect the lists from training rows. Deterministic: the same rows give the same lists, sorted. */
export function collectLexicon(rows: readonly LexRow[], surname: (c: string) => boolean): LexiconData {
  const a = annotated(rows, surname);
  return listsOf([{ ...a, occ: occurrences(rows, trieOf(a.ann.keys())), roles: wordRoles(rows) }]);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  word: string | null;
}

/** Contiguous folds: fold k holds rows [floor(k n / K), floor((k+1) n / K)). */
export function foldOf(k: number, n: number, K: number): number {
  return Math.min(K - 1, Math.floor((k * K) / n));
}

/**
 * The lists each training row's features read: K lexicons, each collected
 * on every fold but one, and the one collected on all rows (for dev and for
 * the saved model). Each fold is counted once; a lexicon sums the others.
 */
export function jackknife(rows: readonly LexRow[], K: number, surname: (c: string) => boolean): { folds: LexiconData[]; all: LexiconData } {
  const blocks: LexRow[][] = Array.from({ length: K }, () => []);
  rows.forEach((r, k) => blocks[foldOf(k, rows.length, K)]!.push(r));
  const ann = blocks.map((b) => annotated(b, surname));
  const names = new Set<string>();
  for (const a of ann) for (const name of a.ann.keys()) names.add(name);
  const root = trieOf([...names].sort());
  const counts: Counts[] = blocks.map((b, f) => ({ ...ann[f]!, occ: occurrences(b, root), roles: wordRoles(b) }));
  return { folds: counts.map((_, f) => listsOf(counts.filter((_, g) => g !== f))), all: listsOf(counts) };
}
