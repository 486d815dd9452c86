/**
 * PERSON from jieba's name tags (nr, nrfg, nrt) checked against name shape
 * (surname + one or two characters, or a transliteration), from HMM-found
 * unknown words shaped like names, from the persons gazetteer, and from
 * context: a title before (局长闫伟) or a speech verb after (熊友军表示).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import type { Token } from '../../../core/types.js';
import { isChineseName } from '../../../core/names.js';
import { isForeignName, isHan, lexicon } from '../../entities/lexicon.js';
import { indexTokens } from '../../entities/tokens.js';
import { nameAfter, nameBefore, plausibleName, speechVerbAt } from '../../entities/person.js';
import { dictMatches } from '../../entities/lexicon.js';
import { wordList, wordSet } from '../../../core/lists.js';
import { anyOf, firstCodes, perLexicon } from '../../entities/word-lists.js';

/**
 * Built at the first run: place words after a name-shaped word
 * (person-place-next), tokens before a name that confirm it
 * (person-cues-before) and words after one (person-cues-after), titles written
 * after a name in news style (person-honorifics-after: 江泽民主席, 李鹏总理,
 * 张三同志), speech verbs a speaker's name comes before
 * (person-speech-verbs-strong, in order), last characters of places and
 * qualities (person-place-last-chars: 庄, 路, 性), surnames that are also
 * prepositions or conjunctions (person-function-surnames: 向, 于, 和).
 */
const lists = perLexicon(() => ({
  PLACE_NEXT: new RegExp(`^${anyOf('person-place-next')}`, 'u'),
  CUE_BEFORE: new RegExp(`^${anyOf('person-cues-before')}$`, 'u'),
  HONORIFIC_AFTER: wordSet('person-honorifics-after'),
  STRONG_VERBS: wordList('person-speech-verbs-strong'),
  CUE_AFTER: new RegExp(`^${anyOf('person-cues-after')}`, 'u'),
  PLACE_LAST_CHARS: wordSet('person-place-last-chars'),
  FUNCTION_SURNAMES: wordSet('person-function-surnames'),
}));

/**
 * jieba often cuts a name it does not know whole into a surname and a given
 * name, both tagged as names (王/nr 志强/nrfg, 李/nr 红梅/nr): read such a
 * pair as one name token.
 */
function joinSplitNames(tokens: readonly Token[]): readonly Token[] {
  const lex = lexicon();
  // a copy only from the first join on (most documents have none)
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const n = tokens[i + 1];
    if (
      n && t.tag === 'nr' && t.text.length === 1 && lex.surnames.has(t.text) && n.start === t.end &&
      (n.tag === 'nr' || n.tag === 'nrfg') && n.text.length <= 2 && isHan(n.text)
    ) {
      out ??= tokens.slice(0, i);
      out.push({ text: t.text + n.text, tag: 'nr', start: t.start, end: n.end });
      i++;
    } else if (out) out.push(t);
  }
  return out ?? tokens;
}

/** Han characters joined by one or two middle dots (约翰·史密斯), tried at one start (sticky). */
const DOTTED_NAME = /[\u4e00-\u9fff]{1,6}(?:·[\u4e00-\u9fff]{1,6}){1,2}/uy;

/**
 * The matches of DOTTED_NAME scanning the text left to right, as a global
 * regex finds them, but tried only at the six starts before each middle dot:
 * a match's first dot lies at most six characters after its start, with Han
 * characters only in between, so no other start can match. The global regex
 * tried every position of the text (one in three of a news text's positions
 * start a Han run) wherever the text holds a dot at all.
 */
export function dottedNames(text: string): Array<{ index: number; name: string }> {
  const out: Array<{ index: number; name: string }> = [];
  let pos = 0;
  for (let d = text.indexOf('·'); d >= 0; d = text.indexOf('·', pos)) {
    let found = false;
    for (let p = Math.max(pos, d - 6); p < d; p++) {
      DOTTED_NAME.lastIndex = p;
      const m = DOTTED_NAME.exec(text);
      if (m) {
        out.push({ index: p, name: m[0] });
        pos = p + m[0].length;
        found = true;
        break;
      }
    }
    if (!found) pos = d + 1;
  }
  return out;
}

/** A first-code table that lets every word through (for a set holding the empty string, see firstCodes). */
const ALL_CODES = new Uint8Array(65536).fill(1);

export const rule: MentionRule = {
  id: 'entity-person-name',
  version: 4,
  purpose: 'person names from name tags, name-shaped unknown words, the persons gazetteer and title/speech-verb context',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const { PLACE_NEXT, CUE_BEFORE, HONORIFIC_AFTER, STRONG_VERBS, CUE_AFTER, PLACE_LAST_CHARS, FUNCTION_SURNAMES } = lists();
    const placeLast = (w: string): boolean => PLACE_LAST_CHARS.has(w[w.length - 1] ?? '');
    // whether a word is a listed person, title or honorific: its first code unit is tested first
    // (most tokens start with none of theirs)
    const ALL = ALL_CODES;
    const personFirst = firstCodes(lex.persons) ?? ALL;
    const titleFirst = firstCodes(lex.titles) ?? ALL;
    const honorificFirst = firstCodes(HONORIFIC_AFTER) ?? ALL;
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const out: MentionHit[] = [];
    const seen = new Set<string>();
    const push = (start: number, end: number, priority: number, source: string): void => {
      const k = `${start}:${end}`;
      if (seen.has(k)) return;
      seen.add(k);
      out.push({ type: 'PERSON', start, end, attrs: { priority, source } });
    };
    /**
     * Context for the name token t: a title right before it, a cue word after
     * or before it, or (a tagged name) it opens a clause and a verb or 在/于
     * follows (姚明表示, 孟晚舟在华为…), a two-character one only when it opens
     * the sentence (刘翔在雅典…).
     */
    const cueFor = (t: Token, prev: Token | undefined, next: Token | undefined, after: string): boolean => {
      if (!!prev && prev.end === t.start && lex.titles.has(prev.text)) return true;
      if (CUE_AFTER.test(after) || (!!prev && CUE_BEFORE.test(prev.text))) return true;
      if (t.tag === 'x') return false;
      const opensClause = !prev || prev.end !== t.start || /^[，。！？；：、“”（）\s]$/u.test(prev.text);
      const verbNext = !!next && next.start === t.end && (next.tag === 'v' || (next.tag === 'p' && /^(?:在|于|从|向|对|与|同|和|给|为|被|把)$/u.test(next.text)));
      const opensSentence = !prev || /^[。！？\n]$/u.test(t.start > 0 ? text[t.start - 1]! : '\n') || t.start === 0;
      return opensClause && verbNext && (t.text.length >= 3 || opensSentence);
    };
    const toks = joinSplitNames(ctx.tokens);
    // the tokens that are titles and honorifics, for the context passes below, noted on this one pass
    const titleToks: Token[] = [];
    const honorificToks: Token[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      const c0 = t.text.charCodeAt(0);
      if (titleFirst[c0] === 1 && lex.titles.has(t.text)) titleToks.push(t);
      if (honorificFirst[c0] === 1 && HONORIFIC_AFTER.has(t.text)) honorificToks.push(t);
      if (personFirst[c0] === 1 && lex.persons.has(t.text)) {
        push(t.start, t.end, 3, 'gazetteer');
        continue;
      }
      // only name-tagged and unknown tokens go further (checked first: most tokens are neither)
      if (t.tag !== 'nr' && t.tag !== 'nrfg' && t.tag !== 'nrt' && t.tag !== 'x') continue;
      // an unknown word that is not Chinese (punctuation, digits, Latin) names no one here
      if (t.tag === 'x' && !isHan(t.text)) continue;
      const prev = i > 0 ? toks[i - 1] : undefined;
      const after = text.slice(t.end, t.end + 4);
      if (PLACE_NEXT.test(after) || lex.loc.has(t.text) || lex.orgs.has(t.text)) continue;
      if (placeLast(t.text)) continue;
      const next = toks[i + 1];
      // jieba tags many common words nr (高水平, 智能化), so a tagged name needs context (cueFor,
      // asked only where the token's shape leaves the answer open)
      if (t.tag === 'nr' || t.tag === 'nrfg') {
        const shaped = (isChineseName(t.text) && plausibleName(t.text, ix)) || (t.tag === 'nrfg' && t.text.length >= 2 && isHan(t.text));
        if (shaped && cueFor(t, prev, next, after)) push(t.start, t.end, 1, 'jieba-nr');
        continue;
      }
      if (t.tag === 'nrt') {
        if (isForeignName(t.text) && (t.text.length >= 3 || cueFor(t, prev, next, after))) push(t.start, t.end, 1, 'jieba-nrt');
        continue;
      }
      if (t.tag === 'x' && isHan(t.text)) {
        // HMM unknowns: a name with a verb glued on (张逸凌说)
        const glued = /^(.{2,3}?)(说|称|表示|介绍)$/u.exec(t.text);
        if (glued && isChineseName(glued[1]!) && plausibleName(glued[1]!, ix)) {
          push(t.start, t.start + glued[1]!.length, 2, 'hmm-name');
          continue;
        }
        // a preposition glued by HMM to the words after it (向小微/企业, 对小微/企业) is no surname
        const nounNext = !!next && next.start === t.end && next.tag.startsWith('n') && !next.tag.startsWith('nr');
        let cue: boolean | undefined;
        if (FUNCTION_SURNAMES.has(t.text[0] ?? '') && nounNext && !(cue = cueFor(t, prev, next, after))) continue;
        if (isChineseName(t.text) && plausibleName(t.text, ix) && !placeLast(t.text) && (t.text.length === 3 || (cue ?? cueFor(t, prev, next, after)))) {
          push(t.start, t.end, 2, 'hmm-name');
        }
      }
    }
    // the persons gazetteer, on the text (jieba may split 古特雷斯)
    let maxP = 0;
    for (const n of lex.persons) maxP = Math.max(maxP, n.length);
    for (const m of dictMatches(text, lex.persons, maxP)) push(m.start, m.end, 3, 'gazetteer');
    /** the verb at `p` follows an adverbial 地 (先生|高兴地|说): what comes before is a manner, not a name */
    const adverbial = (p: number): boolean => text[p - 1] === '地';
    /** a title token ends at `p` (负责人|翁仲铭说) */
    const titleEndsAt = (p: number): boolean => {
      const k = ix.byEnd.get(p);
      return k !== undefined && lex.titles.has(ctx.tokens[k]!.text);
    };
    // context: a title before a name (市长龚正, 总统马克龙)
    for (const t of titleToks) {
      const n = nameAfter(text, t.end, ix);
      if (!n || lex.titles.has(text.slice(n.start, n.end))) continue;
      // a name between a title and a speech verb (负责人翁仲铭说) is read whole by both cues
      // and stands against another extent (the overlap policy counts it strong)
      if (t.end === n.start && !adverbial(n.end) && STRONG_VERBS.some((v) => text.startsWith(v, n.end)) && speechVerbAt(text, n.end)) push(n.start, n.end, 3, 'title-speech');
      else push(n.start, n.end, 2, 'title-context');
    }
    // context: a title right after a name (江泽民主席, 李鹏总理)
    for (const t of honorificToks) {
      const n = nameBefore(text, t.start, ix);
      if (!n || !ix.byStart.has(n.start)) continue;
      // a whole dictionary word that is not a name (国家主席, 董事会主席) is no person
      const w = ctx.tokens[ix.byStart.get(n.start)!]!;
      if (w.end === n.end && !/^(?:nr|nrfg|nrt|x)$/u.test(w.tag)) continue;
      push(n.start, n.end, 2, 'title-after');
    }
    // context: a speech verb after a name (熊友军表示, 闫伟说); with a title
    // before it too (负责人翁仲铭说) the name is read whole by both cues
    for (const v of STRONG_VERBS) {
      let at = text.indexOf(v);
      while (at >= 0) {
        const n = nameBefore(text, at, ix);
        if (n && speechVerbAt(text, at)) {
          if (titleEndsAt(n.start) && !adverbial(n.end)) push(n.start, n.end, 3, 'title-speech');
          else push(n.start, n.end, 2, 'speech-context');
        }
        at = text.indexOf(v, at + 1);
      }
    }
    // transliterated names joined by a middle dot (约翰·史密斯, 马克·吕特)
    for (const m of dottedNames(text)) {
      let s0 = m.index;
      let name = m.name;
      // the first part may carry a title or verb before it: keep the longest transliteration tail
      const first = name.split('·')[0]!;
      let k = first.length;
      while (k > 0 && lex.foreignChars.has(first[k - 1]!)) k--;
      s0 += k;
      name = name.slice(k);
      // and the last part may run into a verb (史密斯说): keep its transliteration head
      const parts = name.split('·');
      const last = parts[parts.length - 1]!;
      let e = 0;
      while (e < last.length && lex.foreignChars.has(last[e]!)) e++;
      name = name.slice(0, name.length - (last.length - e));
      if (name.split('·')[0]!.length >= 1 && isForeignName(name)) push(s0, s0 + name.length, 2, 'dotted-name');
    }
    // names listed with 、 next to a found name are names too (张三、李四、王五等人)
    for (let pass = 0; pass < 2; pass++) {
      for (const h of [...out]) {
        for (const dir of [-1, 1]) {
          const sepAt = dir === 1 ? h.end : h.start - 1;
          if (text[sepAt] !== '、') continue;
          // the neighbouring item in the list, read on the text (jieba may split 李红梅 into 李/红梅)
          const item = dir === 1 ? /^[\u4e00-\u9fff]{2,3}(?=[、，。等和与及])/u.exec(text.slice(h.end + 1, h.end + 5)) : /(?<=^|[、，。：（\s])[\u4e00-\u9fff]{2,3}$/u.exec(text.slice(Math.max(0, h.start - 4), h.start - 1));
          if (!item) continue;
          const s1 = dir === 1 ? h.end + 1 : h.start - 1 - item[0].length;
          const n = item[0];
          if (isChineseName(n) && plausibleName(n, ix) && !placeLast(n) && !lex.loc.has(n)) push(s1, s1 + n.length, 1, 'name-list');
        }
      }
    }
    // a name confirmed once is a name wherever the document writes it again on token boundaries
    // (a document names a handful of people: a native indexOf per distinct name beats building a trie per document)
    const names = new Set<string>();
    for (const h of out) if (h.end - h.start >= 2) names.add(text.slice(h.start, h.end));
    for (const name of names) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const end = at + name.length;
        if (ctx.tokens.length > 0 && !ix.byStart.has(at)) continue;
        if (PLACE_NEXT.test(text.slice(end, end + 2))) continue;
        push(at, end, 1, 'document');
      }
    }
    // within this rule, a name inside a longer name is dropped (马克 in 马克龙)
    // Spans are distinct (see `seen`), so sorted by start and then longest first,
    // a span lies inside a longer one exactly when an earlier span reaches its end.
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: MentionHit[] = [];
    let reach = -1;
    for (const h of out) {
      if (reach < h.end) kept.push(h);
      reach = Math.max(reach, h.end);
    }
    return kept.sort((a, b) => a.start - b.start || a.end - b.end);
  },
};
