/**
 * Person-name helpers shared by the PERSON rules and the quote rules: the
 * name that ends right before a position (a speech verb) or starts right
 * after one (a title), chosen by surname shape and token boundaries.
 */
import { spanAt } from '../../core/spans.js';
import { isChineseName, surnameSets } from '../../core/names.js';
import { isForeignName, lexicon } from './lexicon.js';
import type { TokenIndex } from './tokens.js';
import { wordSet } from '../../core/lists.js';
import { anyOf, perLexicon } from './word-lists.js';

/** A name never ends in a function character (person-not-name-end-chars) or a form of address. */
const ADDRESS_END = /(?:女士|先生|阿姨|大爷|大妈|老师|师傅|同志)$/u;
const notNameEnd = (name: string): boolean => wordSet('person-not-name-end-chars').has(name[name.length - 1] ?? '') || ADDRESS_END.test(name);

/** Tags a whole-word name may carry: names, unknown words, other proper nouns. */
const NAME_TAGS = new Set(['nr', 'nrfg', 'nrt', 'x', 'nz', 'eng']);

/** [start, end) is one whole token jieba reads as a common word (公告称, 报告称): no name. */
function commonWord(ix: TokenIndex | null, start: number, end: number): boolean {
  if (!ix || ix.tokens.length === 0) return false;
  const k = ix.byStart.get(start);
  return k !== undefined && ix.tokens[k]!.end === end && !NAME_TAGS.has(ix.tokens[k]!.tag);
}

/**
 * Code units a plausible name can start with: a surname's first character
 * (single or compound), a transliteration character, a listed person's first
 * character. Any other first character fails every shape test below, so
 * `plausible` answers at once (most candidate windows start elsewhere).
 */
const nameStarts = perLexicon(() => {
  const lex = lexicon();
  const { single, compound } = surnameSets();
  const may = new Uint8Array(65536);
  for (const set of [single, compound, lex.foreignChars, lex.persons]) for (const w of set) if (w.length > 0) may[w.charCodeAt(0)] = 1;
  return may;
});

function plausible(name: string, _ix: TokenIndex | null): boolean {
  if (name.length === 0 || !nameStarts()[name.charCodeAt(0)]) return false;
  const lex = lexicon();
  if (wordSet('person-not-name').has(name) || notNameEnd(name)) return false;
  if (lex.loc.has(name) || lex.orgs.has(name) || lex.titles.has(name)) return false;
  if (lex.persons.has(name)) return true;
  if (!isChineseName(name) && !isForeignName(name)) return false;
  return true;
}

/** Does a title (titles.txt) end at `at`, within the six characters before it? */
function titleEndsAt(text: string, at: number): boolean {
  const titles = lexicon().titles;
  for (let k = 1; k <= 6 && at - k >= 0; k++) if (titles.has(text.slice(at - k, at))) return true;
  return false;
}

/** A person name ending exactly at `end` (2–4 chars), or null. Prefers token-aligned starts. */
export function nameBefore(text: string, end: number, ix: TokenIndex | null): { start: number; end: number } | null {
  const cands: Array<{ start: number; score: number }> = [];
  for (const len of [3, 2, 4]) {
    const start = end - len;
    if (start < 0) continue;
    const name = text.slice(start, end);
    if (!plausible(name, ix)) continue;
    if (commonWord(ix, start, end)) continue;
    let score = len === 3 ? 2 : len === 2 ? 1.5 : 0.5;
    if (ix && ix.tokens.length > 0) {
      if (ix.byStart.has(start)) score += 3;
      else {
        // starting inside a token: only fine when that token is a title or HMM unknown ending here
        const t = spanAt(ix.tokens, start);
        if (t && t.tag !== 'x' && !t.tag.startsWith('nr')) score -= 3;
      }
    }
    if (titleEndsAt(text, start)) score += 2;
    cands.push({ start, score });
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.score - a.score);
  const best = cands[0]!;
  if (best.score < 2) return null;
  return { start: best.start, end };
}


/** Function characters and verbs that may follow a name (龚正在, 李家超发表 is decided by tokens): person-after-name. */
const afterName = perLexicon(() => new RegExp(`^${anyOf('person-after-name')}`, 'u'));

/** A person name starting exactly at `start` (after a title), or null. */
export function nameAfter(text: string, start: number, ix: TokenIndex | null): { start: number; end: number } | null {
  const lex = lexicon();
  // a transliterated name: a run of transliteration characters (马克龙, 古特雷斯)
  let f = start;
  while (f < text.length && f - start < 6 && (lex.foreignChars.has(text[f]!) || text[f] === '·')) f++;
  // every candidate below starts at `start`: a character no name starts with rules them all out
  if (f - start < 3 && !nameStarts()[text.charCodeAt(start)]) return null;
  const cands: Array<{ end: number; score: number }> = [];
  for (const len of [2, 3, 4]) {
    const end = start + len;
    if (end > text.length) continue;
    const name = text.slice(start, end);
    if (!plausible(name, ix)) continue;
    if (commonWord(ix, start, end)) continue;
    let score = len === 3 ? 2 : len === 2 ? 1.5 : 0.5;
    if (afterName().test(text.slice(end, end + 2))) score += 3;
    if (ix && ix.tokens.length > 0) {
      if (ix.byEnd.has(end)) score += 2;
      const t = spanAt(ix.tokens, end - 1);
      if (t && t.start === start && t.end === end && (t.tag === 'x' || t.tag.startsWith('nr'))) score += 3;
    }
    cands.push({ end, score });
  }
  if (f - start >= 3 && !cands.some((c) => c.end === f) && afterName().test(text.slice(f, f + 2))) cands.push({ end: f, score: 4 });
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.score - a.score);
  const best = cands[0]!;
  if (best.score < 3.5) return null;
  return { start, end: best.end };
}

/** Speech verb starting at `pos`, or null. */
export function speechVerbAt(text: string, pos: number): string | null {
  for (const v of lexicon().speechVerbs) if (text.startsWith(v, pos)) return v;
  return null;
}

export { plausible as plausibleName };
