/**
 * One-character place abbreviations. Countries in compounds: 中美关系,
 * 中日韩合作, 中欧班列 — two or more abbreviations in a row before a relation
 * cue, each character one LOC. Cities and provinces after a movement or
 * location verb: 在京, 进京, 赴沪, 来津, 离港 — the character must stand as
 * its own word in jieba's reading (so 京东 and 港口 are not places). Jieba
 * words made of abbreviations (words.ts): chains (中美, 京津, 港台, 闽粤 — each
 * character), people words (中方, 台胞, 港人, 台资 — the first), visits read as
 * one word (访美, 来华 — the second).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { spanAt } from '../../../core/spans.js';
import { wordList } from '../../../core/lists.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';
import { abbrevTables, abbrevWord } from './words.js';


/** Membership by code unit: the scans below test every character of the text. */
const codes = (chars: Iterable<string>): Uint8Array => {
  const a = new Uint8Array(65536);
  for (const c of chars) a[c.charCodeAt(0)] = 1;
  return a;
};
/**
 * Built at the first run: country abbreviations (place-country-abbrevs), city
 * and province abbreviations (place-province-abbrevs), movement verbs
 * (place-move-verbs), and the cues after a run of countries
 * (place-country-compound-cues).
 */
const tables = perLexicon(() => ({
  IS_COUNTRY: codes(wordList('place-country-abbrevs')),
  IS_PROVINCE: codes(wordList('place-province-abbrevs')),
  IS_MOVE: codes(wordList('place-move-verbs')),
  CUE: new RegExp(`^${anyOf('place-country-compound-cues')}`, 'u'),
}));

export const rule: MentionRule = {
  id: 'entity-loc-abbrev',
  version: 3,
  purpose: 'one-character place abbreviations: countries in compounds (中美关系), cities after a movement verb (在京, 赴沪), words made of abbreviations (港台, 中方, 台胞, 访美)',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    void lexicon;
    const { IS_COUNTRY, IS_PROVINCE, IS_MOVE, CUE } = tables();
    const out: MentionHit[] = [];
    const text = ctx.text;
    for (let i = 0; i < text.length; i++) {
      if (!IS_COUNTRY[text.charCodeAt(i)]) continue;
      if (i > 0 && IS_COUNTRY[text.charCodeAt(i - 1)]) continue;
      let j = i;
      while (j < text.length && IS_COUNTRY[text.charCodeAt(j)] && j - i < 4) j++;
      if (j - i < 2) continue;
      if (!CUE.test(text.slice(j, j + 6))) continue;
      if (abbrevTables().not.has(text.slice(i, j))) continue;
      // a preceding Han character would make this part of another word (e.g. 集中美化)
      if (i > 0 && /[\u4e00-\u9fff]/u.test(text[i - 1]!) && !/[在对与和同就为及、，。与于]/u.test(text[i - 1]!)) continue;
      for (let k = i; k < j; k++) out.push({ type: 'LOC', start: k, end: k + 1, attrs: { priority: 2, source: 'abbrev' } });
      i = j - 1;
    }
    // 在京, 进出京, 赴沪: the abbreviation must be a word of its own (not 京东, 港口, 深入)
    for (let i = 1; i < text.length; i++) {
      if (!IS_PROVINCE[text.charCodeAt(i)] || !IS_MOVE[text.charCodeAt(i - 1)]) continue;
      if (ctx.tokens.length === 0) continue;
      // 出台 (a policy is issued), 入港 (into port): words of place-abbrev-not-words
      if (abbrevTables().not.has(text.slice(i - 1, i + 1))) continue;
      const t = spanAt(ctx.tokens, i);
      if (!t || t.end !== i + 1) continue;
      if (t.start < i - 1) continue;
      // the verb itself must not belong to a longer word (现在京…: 现在 | 京)
      const v = spanAt(ctx.tokens, i - 1);
      if (v && v.start < i - 1 && !/^进出$/u.test(v.text)) continue;
      const next = text[i + 1] ?? '';
      if (/[\u4e00-\u9fff]/u.test(next) && spanAt(ctx.tokens, i + 1)?.start !== i + 1) continue;
      out.push({ type: 'LOC', start: i, end: i + 1, attrs: { priority: 2, source: 'abbrev-city' } });
    }
    // words made of abbreviations (words.ts): 中美, 京津冀, 港台 — each a place;
    // 中方, 台胞, 港人 — the first character a place
    const seen = new Set(out.map((h) => h.start));
    const toks = ctx.tokens;
    const firstUnits = abbrevTables().firstUnits;
    for (let n = 0; n < toks.length; n++) {
      const t = toks[n]!;
      // both readings below are of words that begin at this token, and abbrevWord answers null for
      // a word whose first character starts no reading: most tokens are skipped here, before the
      // run of one-character tokens is sliced out of the text
      if (firstUnits[text.charCodeAt(t.start)] !== 1) continue;
      // jieba may cut a chain into one-character words (鲁 | 台 | 经贸): the run reads as one word
      let m = n;
      while (m + 1 < toks.length && m - n < 3 && toks[m]!.text.length === 1 && toks[m + 1]!.text.length === 1 && toks[m + 1]!.start === toks[m]!.end) m++;
      if (m > n && abbrevWord(text.slice(t.start, toks[m]!.end)) === 'chain') {
        for (let k = t.start; k < toks[m]!.end; k++) {
          if (seen.has(k)) continue;
          seen.add(k);
          out.push({ type: 'LOC', start: k, end: k + 1, attrs: { priority: 2, source: 'abbrev-chain' } });
        }
        n = m;
        continue;
      }
      const kind = abbrevWord(t.text);
      if (!kind) continue;
      const from = kind === 'visit' ? t.start + 1 : t.start;
      const end = kind === 'people' ? t.start + 1 : t.end;
      for (let k = from; k < end; k++) {
        if (seen.has(k)) continue;
        seen.add(k);
        out.push({ type: 'LOC', start: k, end: k + 1, attrs: { priority: 2, source: `abbrev-${kind}` } });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
