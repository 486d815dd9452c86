/**
 * ORG from context when the name has no suffix: the proper word right before
 * a company title (长木谷董事长), a bare body before a title in a chain
 * (、管委会主任), and the items of an enumeration before 等…企业
 * (智同精密、清能德创等关键部组件企业; 以优必选等为龙头).
 */
import type { Token } from '../../../core/types.js';
import type { MentionHit, MentionRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { indexTokens, isProperToken, type TokenIndex } from '../../entities/tokens.js';
import { anyOf, edgeCodes, perLexicon } from '../../entities/word-lists.js';

/**
 * Built at the first run from the lists: company titles (org-corporate-titles),
 * bodies in a chain of titles (org-bodies-before-title), what an enumeration
 * of organisations ends in (org-enumeration-tails), the cue before its first
 * item (org-enumeration-cues), words that make an item a kind of thing
 * (org-enumeration-not-items), kinds of company before a name in apposition
 * (org-apposition-kinds).
 */
const patterns = perLexicon(() => ({
  CORP_TITLE: new RegExp(`^${anyOf('org-corporate-titles')}`, 'u'),
  BODY_BEFORE_TITLE: new RegExp(`^${anyOf('org-bodies-before-title')}`, 'u'),
  ENUM_TAIL: new RegExp(`^等(?:[\\d一二三四五六七八九十百多数几]+家)?[\\u4e00-\\u9fff]{0,12}?${anyOf('org-enumeration-tails')}`, 'u'),
  ITEM_CUE: new RegExp(`^(?:[\\u4e00-\\u9fff]*?${anyOf('org-enumeration-cues')})(?=[\\u4e00-\\u9fffA-Za-z]{2,})`, 'u'),
  ITEM_BAD: new RegExp(`${anyOf('org-enumeration-not-items')}|[类型式性化等]$|^[一二三四五六七八九十\\d]`, 'u'),
  APPOSITION: new RegExp(`${anyOf('org-apposition-kinds')}((?:[A-Z][A-Za-z0-9&]+)|[\\u4e00-\\u9fff]{2,5})`, 'gu'),
}));

type Patterns = ReturnType<typeof patterns>;
type Lex = ReturnType<typeof lexicon>;

export const rule: MentionRule = {
  id: 'entity-org-context',
  version: 3,
  purpose: 'organisations without a suffix, found by context: before a company title, in a title chain, in an enumeration before 等…企业',
  needs: ['tokens'],
  emits: 'mention',
  // Each kind of context is its own function: a branch that turns up late in
  // a run (the first enumeration, the first apposition) then recompiles only
  // its own small function, not the whole rule with the token walk inlined.
  run(ctx) {
    const lex = lexicon();
    const pats = patterns();
    const ix = indexTokens(ctx.tokens);
    const out: MentionHit[] = [];
    beforeTitles(ctx.text, ctx.tokens, lex, pats, out);
    credits(ctx.text, out);
    governments(ctx.text, lex, out);
    appositions(ctx.text, ctx.tokens, ix, lex, pats.APPOSITION, out);
    enumerations(ctx.text, ctx.tokens, ix, lex, pats, out);
    return out;
  },
};

/** a proper word right before a company title; a bare body in a chain (、管委会主任) */
function beforeTitles(text: string, toks: readonly Token[], lex: Lex, pats: Patterns, out: MentionHit[]): void {
  const { CORP_TITLE, BODY_BEFORE_TITLE } = pats;
  /** first characters of the titles and of the bodies: where neither follows, neither pattern is tried */
  const TITLE_FIRST = edgeCodes('org-corporate-titles', 'first');
  const BODY_FIRST = edgeCodes('org-bodies-before-title', 'first');
  const n = text.length;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    // (a token ending the text has nothing after it)
    const titleNext = t.end < n && TITLE_FIRST[text.charCodeAt(t.end)] === 1;
    // a proper word right before a company title
    // (the suffix scan runs only where a title follows: it is the costly test)
    if (titleNext && CORP_TITLE.test(text.slice(t.end, t.end + 6)) && !afterOrg(i > 0 ? toks[i - 1] : undefined, t, lex) && isProperToken(t) && t.tag !== 'ns' && !t.tag.startsWith('nr') && !lex.loc.has(t.text)) {
      let start = t.start;
      let j = i - 1;
      while (j >= 0 && toks[j]!.end === start && isProperToken(toks[j]!) && start - toks[j]!.start + (t.end - start) <= 12) {
        start = toks[j]!.start;
        j--;
      }
      if (t.end - start >= 2) out.push({ type: 'ORG', start, end: t.end, attrs: { priority: 1, source: 'before-title' } });
    }
    // a bare body in a chain: 、管委会主任
    // (only after 、 or ，: tested before the pattern, which most tokens would try for nothing)
    const sepBefore = t.start > 0 && (text.charCodeAt(t.start - 1) === 0x3001 /* 、 */ || text.charCodeAt(t.start - 1) === 0xff0c); /* ， */
    const body = sepBefore && BODY_FIRST[text.charCodeAt(t.start)] === 1 ? BODY_BEFORE_TITLE.exec(text.slice(t.start, t.start + 4)) : null;
    if (body) chainBody(text, t.start, t.start + body[0].length, lex, out);
  }
}

/** the token before ends in an organisation suffix, right against this one */
function afterOrg(prevTok: Token | undefined, t: Token, lex: Lex): boolean {
  return !!prevTok && prevTok.end === t.start && lex.orgSuffixes.some((x) => prevTok.text.endsWith(x));
}

function chainBody(text: string, start: number, end: number, lex: Lex, out: MentionHit[]): void {
  for (const ti of lex.titleList) {
    if (text.startsWith(ti, end) || text.startsWith('副' + ti, end)) {
      out.push({ type: 'ORG', start, end, attrs: { priority: 1, source: 'chain-body' } });
      return;
    }
  }
}

/** the agency in brackets after a photo credit: 王华斌摄（中经视觉） */
function credits(text: string, out: MentionHit[]): void {
  for (const c of text.matchAll(/摄（([\u4e00-\u9fffA-Za-z]{2,10})）/gu)) {
    const s0 = c.index! + 2;
    out.push({ type: 'ORG', start: s0, end: s0 + c[1]!.length, attrs: { priority: 2, source: 'credit-agency' } });
  }
}

/**
 * a government after a party committee of a named place: 南开区委、区政府,
 * 武汉市委、市政府. After a bare committee (县委、县政府, 在市委、市政府) it is
 * a kind of body, no name: MSRA leaves those unannotated.
 */
function governments(text: string, lex: Lex, out: MentionHit[]): void {
  for (const c of text.matchAll(/([省市区县州镇乡])委、((?:省|市|区|县|州|镇|乡)(?:人民)?政府)/gu)) {
    if (!namedBefore(text, c.index!, c[1]!, lex)) continue;
    const s0 = c.index! + 3;
    out.push({ type: 'ORG', start: s0, end: s0 + c[2]!.length, attrs: { priority: 1, source: 'committee-government' } });
  }
}

/** a place name ends right before the committee's level character at `at` (南开|区委, 武汉|市委, 福建|省委) */
function namedBefore(text: string, at: number, level: string, lex: Lex): boolean {
  for (let k = 2; k <= 6 && k <= at; k++) {
    const w = text.slice(at - k, at);
    if (lex.loc.has(w) || lex.loc.has(w + level)) return true;
  }
  return false;
}

/** a name in apposition after a kind of company: 制造商SMC, 服务商飞书深诺 */
function appositions(text: string, toks: readonly Token[], ix: TokenIndex, lex: Lex, APPOSITION: RegExp, out: MentionHit[]): void {
  for (const c of text.matchAll(APPOSITION)) {
    const s0 = c.index! + c[0].length - c[1]!.length;
    let e0 = s0;
    if (/^[A-Z]/u.test(c[1]!)) e0 = s0 + c[1]!.length;
    else {
      const k = ix.byStart.get(s0);
      if (k === undefined) continue;
      // tokens up to the last unknown word within five characters
      for (let j = k; j < toks.length && toks[j]!.end - s0 <= 5 && /^(?:x|n|nz|nrt|eng)$/u.test(toks[j]!.tag) && /^[\u4e00-\u9fffA-Za-z0-9]+$/u.test(toks[j]!.text); j++) if (toks[j]!.tag === 'x' || toks[j]!.tag === 'nz' || toks[j]!.tag === 'nrt') e0 = toks[j]!.end;
    }
    if (e0 - s0 >= 2 && !lex.loc.has(text.slice(s0, e0))) out.push({ type: 'ORG', start: s0, end: e0, attrs: { priority: 1, source: 'apposition' } });
  }
}

/** enumerations before 等…企业: items between separators, the first after a cue word */
function enumerations(text: string, toks: readonly Token[], ix: TokenIndex, lex: Lex, pats: Patterns, out: MentionHit[]): void {
  const { ENUM_TAIL, ITEM_CUE, ITEM_BAD } = pats;
  /** the character before offset p ('' at the start of the text) */
  const before = (p: number): string => (p > 0 ? text[p - 1]! : '');
  const re = /等/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (!ENUM_TAIL.test(text.slice(m.index, m.index + 20))) continue;
    let e = m.index;
    for (;;) {
      let s = e;
      while (s > 0 && /[\u4e00-\u9fffA-Za-z0-9]/u.test(text[s - 1]!) && e - s < 12) s--;
      // a conjunction inside the run joins two items (联洋以及东城): the item starts after it
      const conj = toks.length > 0 ? lastConjunction(toks, s, e) : undefined;
      if (conj) s = conj.end;
      const first = !conj && before(s) !== '、';
      let item = text.slice(s, e);
      if (first) {
        const cue = ITEM_CUE.exec(item);
        if (cue) {
          s += cue[0].length;
          item = item.slice(cue[0].length);
        } else if (s > 0 && !/[，：:；（(“\s]/u.test(text[s - 1]!)) break;
      }
      if (item.length < 2 || item.length > 8 || ITEM_BAD.test(item) || lex.loc.has(item) || lex.titles.has(item)) break;
      if (toks.length > 0 && !ix.byStart.has(s) && !ix.byEnd.has(e)) break;
      // an item names something only when it holds a proper or unknown word (not 智慧交通, 组团出海)
      const inside = toks.filter((t) => t.start >= s && t.end <= e);
      if (toks.length > 0 && !(inside.some((t) => isProperToken(t) || t.tag === 'j' || lex.orgs.has(t.text)) || (inside.length >= 3 && inside.every((t) => t.text.length === 1)))) break;
      out.push({ type: 'ORG', start: s, end: e, attrs: { priority: 1, source: 'enumeration' } });
      if (conj) {
        e = conj.start;
        continue;
      }
      if (before(s) !== '、') break;
      e = s - 1;
    }
  }
}

/** the last conjunction token (以及, 及, 和, 与, 或) lying inside [s, e), not at its edges */
function lastConjunction(toks: readonly Token[], s: number, e: number): Token | undefined {
  // the first token starting after s (binary search), then on while tokens end inside the run
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid]!.start <= s) lo = mid + 1;
    else hi = mid;
  }
  let found: Token | undefined;
  for (let k = lo; k < toks.length && toks[k]!.end < e; k++) {
    const t = toks[k]!;
    if (t.tag === 'c' && /^(?:以及|及|和|与|或)$/u.test(t.text)) found = t;
  }
  return found;
}
