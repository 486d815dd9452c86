/**
 * The title words the person–title rules share (relation-person-title,
 * relation-title-before, relation-title-after, relation-title-carried): the
 * gazetteer's titles.txt (the entity model reads it too, so it is never
 * edited for the relations) together with the lexicon list `relation-titles`,
 * and the tests every rule applies the same way, so that no two of them
 * claim one title.
 */
import type { MentionHit, RelationRuleHit, RuleContext } from '../../rule.js';
import type { Sentence, Token } from '../../../core/types.js';
import { lexicon } from '../../entities/lexicon.js';
import { onLexiconChange, wordList, wordSet } from '../../../core/lists.js';
import { spanAt } from '../../../core/spans.js';
import { indexTokens } from '../../entities/tokens.js';

export interface TitleWords {
  /** every title, longest first */
  list: readonly string[];
  set: ReadonlySet<string>;
  /** lengths present, longest first */
  lengths: readonly number[];
}

let cached: { gazetteer: readonly string[]; extra: readonly string[]; words: TitleWords } | null = null;
onLexiconChange(() => {
  cached = null;
});

/** gazetteer titles ∪ relation-titles, longest first */
export function titleWords(): TitleWords {
  const gazetteer = lexicon().titleList;
  const extra = wordList('relation-titles');
  if (cached && cached.gazetteer === gazetteer && cached.extra === extra) return cached.words;
  const list = [...new Set([...gazetteer, ...extra])].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const lengths = [...new Set(list.map((w) => w.length))].sort((a, b) => b - a);
  const words = { list, set: new Set(list), lengths };
  cached = { gazetteer, extra, words };
  return words;
}

/** the titles (longest first) that end exactly at `pos` */
export function titlesEndingAt(text: string, pos: number, words = titleWords()): string[] {
  const out: string[] = [];
  for (const n of words.lengths) if (pos - n >= 0 && words.set.has(text.slice(pos - n, pos))) out.push(text.slice(pos - n, pos));
  return out;
}

/** the titles (longest first) that start exactly at `pos` */
export function titlesStartingAt(text: string, pos: number, words = titleWords()): string[] {
  const out: string[] = [];
  for (const n of words.lengths) if (pos + n <= text.length && words.set.has(text.slice(pos, pos + n))) out.push(text.slice(pos, pos + n));
  return out;
}

/** words that say what a person is rather than a post (村民, 先生): never a title of the relations without a body */
export function notTitle(): ReadonlySet<string> {
  return wordSet('relation-not-title-words');
}

/** token boundaries (starts and ends) of the document, for "a title is whole words" */
export function boundaries(tokens: readonly Token[]): { starts: Set<number>; ends: Set<number> } {
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const t of tokens) {
    starts.add(t.start);
    ends.add(t.end);
  }
  return { starts, ends };
}


const BODY_CHAR = /^[\u4e00-\u9fff]{1,4}$/u;

/**
 * An organisation carried from earlier in the sentence to a title at
 * `titleStart`: 其董事长 / 该局局长 / 这家公司总经理. The cue (relation-carried-cues)
 * and, after 该/这家/此/这个, the body's last word, sit right before the title;
 * the organisation is the nearest ORG (or, for 该市/该县…, LOC) mention before
 * the cue in the same sentence, ending with that word when one is given, with
 * no PERSON between it and the cue (其 would point at the person). Returns the
 * mention and where the cue starts, or null.
 */
export function carriedBody(
  text: string,
  titleStart: number,
  mentions: readonly MentionHit[],
  sentences: readonly Sentence[],
): { body: MentionHit; cueStart: number } | null {
  const sentence = spanAt(sentences, titleStart) ?? null;
  const from = sentence ? sentence.start : 0;
  for (const cue of wordList('relation-carried-cues')) {
    // the cue, then an optional body word of 1–4 characters (该局, 这家公司), then the title
    for (let k = 0; k <= 4; k++) {
      const cueStart = titleStart - k - cue.length;
      if (cueStart < from || text.slice(cueStart, cueStart + cue.length) !== cue) continue;
      const word = text.slice(cueStart + cue.length, titleStart);
      if (k > 0 && !BODY_CHAR.test(word)) continue;
      if (cue === '其' && k > 0) continue; // 其 stands alone before the title
      // the cue is a word of its own (not the end of 尤其, 极其, 与其, 及其)
      if (cue === '其' && /[尤极与及何]/u.test(text[cueStart - 1] ?? '')) continue;
      let best: MentionHit | null = null;
      for (const m of mentions) {
        if (m.end > cueStart || m.start < from || m.end === cueStart) continue; // 公司其… is not a carried body
        if (m.type !== 'ORG' && !(m.type === 'LOC' && k > 0)) continue;
        if (k > 0 && !text.slice(m.start, m.end).endsWith(word)) continue;
        if (!best || m.end > best.end) best = m;
      }
      const personAfter = best !== null && mentions.some((q) => q.type === 'PERSON' && q.start >= best!.end && q.end <= cueStart);
      if (best && !personAfter) return { body: best, cueStart };
    }
  }
  return null;
}

/** one title a person holds, as the analysis found it */
export interface TitleFinding {
  /** body: an organisation written before the title; before/after: the title before/after the name with no body; carried: 其/该… pointing back */
  kind: 'body' | 'before' | 'after' | 'carried';
  person: MentionHit;
  title: string;
  /** the organisation (absent for a title with no body) */
  body?: MentionHit;
  /** the span of the relation record (normalized) */
  start: number;
  end: number;
}

/**
 * The relation records of the findings of some kinds: person-title-org when a
 * body was found, else person-title with no tail (what each title rule emits).
 */
export function titleRelations(ctx: RuleContext & { mentions: readonly MentionHit[] }, kinds: ReadonlyArray<TitleFinding['kind']>): RelationRuleHit[] {
  const out: RelationRuleHit[] = [];
  for (const f of titleFindings(ctx)) {
    if (!kinds.includes(f.kind)) continue;
    const head = { start: f.person.start, end: f.person.end, type: 'PERSON' as const };
    if (f.body) out.push({ type: 'person-title-org', head, tail: { start: f.body.start, end: f.body.end, type: f.body.type }, label: f.title, start: f.start, end: f.end });
    else out.push({ type: 'person-title', head, tail: null, label: f.title, start: f.start, end: f.end });
  }
  return out;
}

const CJK = /^[\u4e00-\u9fff]+$/u;
/** jieba tags a department never holds (jieba tags 预算 in 预算司 a verb, so verbs pass): particles (的), pronouns, numerals, classifiers */
const NOT_IN_DEPARTMENT = /^(?:u|r|m|q|y|e|o)/u;
/** prepositions that end a department reading (jieba tags 与 in 住宅与房地产研究处 a preposition too, so the tag alone cannot) */
const PREPOSITIONS = new Set(['在', '对', '向', '由', '从', '被', '把', '为', '给', '跟']);

/**
 * Every person–title finding of the document, computed once per run (the
 * four title rules each keep their own kind, so no two claim one title).
 * Per PERSON mention, the titles before the name are read right to left
 * (a chain joined by 、 waits for its body); the first title, or chain, is
 * then placed: after an ORG/LOC mention (body), after a department that is no
 * mention but follows one (body: 国家发改委财金司司长), after 其/该局 (carried),
 * or on its own (before, only for whole words). A title right after the name
 * (张三董事长表示) is read the same way, once.
 */
export function titleFindings(ctx: RuleContext & { mentions: readonly MentionHit[] }): TitleFinding[] {
  const memo = ctx.memo;
  const cachedF = memo?.get('relation-title-findings') as { mentions: readonly MentionHit[]; out: TitleFinding[] } | undefined;
  if (cachedF && sameMentions(cachedF.mentions, ctx.mentions)) return cachedF.out;
  const out = findTitles(ctx);
  memo?.set('relation-title-findings', { mentions: ctx.mentions, out });
  return out;
}

function sameMentions(a: readonly MentionHit[], b: readonly MentionHit[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.start !== b[i]!.start || a[i]!.end !== b[i]!.end || a[i]!.type !== b[i]!.type) return false;
  return true;
}

function findTitles(ctx: RuleContext & { mentions: readonly MentionHit[] }): TitleFinding[] {
  const text = ctx.text;
  const words = titleWords();
  /** words that sit before names but hold no position in a body (村民, 记者): never a title after an organisation */
  const NOT_POSITION = wordSet('relation-not-position-words');
  const NOT_TITLE = notTitle();
  const SUB_BODY_ENDS = wordList('relation-sub-body-ends');
  // the token index the entity rules built for these tokens (./tokens.ts): no set or map per call
  const ix = indexTokens(ctx.tokens);
  const starts = ix.byStart;
  const ends = ix.byEnd;
  const byEnd = new Map<number, MentionHit>();
  for (const m of ctx.mentions) if (m.type === 'ORG' || m.type === 'LOC') byEnd.set(m.end, m);
  const covered = (s: number, e: number): boolean => ctx.mentions.some((m) => m.start < e && s < m.end);
  const out: TitleFinding[] = [];

  /** tokens by start, for "a department is nouns only" */
  /** a department's words: nouns, names, short forms (金融/市场/管理/部), never a particle, pronoun, numeral or preposition */
  const nounsOnly = (s: number, e: number): boolean => {
    for (let at = s; at < e; ) {
      const k = starts.get(at);
      const t = k === undefined ? undefined : ctx.tokens[k];
      if (!t) return false; // the last word may run into the title (研究/室主任: jieba glues 室主任)
      if (NOT_IN_DEPARTMENT.test(t.tag) || PREPOSITIONS.has(t.text)) return false;
      at = t.end;
    }
    return true;
  };
  /**
   * the organisation mention before a department that is no mention
   * (国家发改委财金司, 中国人民银行上海总部金融市场管理部: a place inside the
   * department is allowed), the department ending at `pos`
   */
  const beforeDepartment = (pos: number): MentionHit | undefined => {
    for (let n = 2; n <= 14 && pos - n >= 0; n++) {
      const org = byEnd.get(pos - n);
      if (!org || org.type !== 'ORG') continue;
      const dept = text.slice(pos - n, pos);
      if (!CJK.test(dept) || !starts.has(pos - n)) return undefined;
      if (ctx.mentions.some((m) => m.type !== 'LOC' && m.start < pos && pos - n < m.end)) return undefined;
      if (!nounsOnly(pos - n, pos)) return undefined;
      if (SUB_BODY_ENDS.some((e) => dept.endsWith(e) && dept.length > e.length)) return org;
      return undefined;
    }
    return undefined;
  };

  for (const p of ctx.mentions) {
    if (p.type !== 'PERSON') continue;
    let pos = p.start;
    let pending: string[] = []; // titles waiting for their body (兴业银行党委书记、董事长吕家进)
    let placed = false;
    for (let guard = 0; guard < 4; guard++) {
      const found = titlesEndingAt(text, pos, words);
      if (found.length === 0) break;
      const positions = found.filter((t) => !NOT_POSITION.has(t));
      const withOrg = positions.find((t) => byEnd.has(pos - t.length));
      if (withOrg) {
        const org = byEnd.get(pos - withOrg.length)!;
        for (const title of [withOrg, ...pending]) out.push({ kind: 'body', person: p, title, body: org, start: org.start, end: p.end });
        placed = true;
        pending = [];
        // 北京市科学技术委员会、中关村科技园区管理委员会副主任: one title for both bodies
        const prevOrg = text[org.start - 1] === '、' ? byEnd.get(org.start - 1) : undefined;
        if (prevOrg && prevOrg.type === 'ORG') out.push({ kind: 'body', person: p, title: withOrg, body: prevOrg, start: prevOrg.start, end: p.end });
        if (text[org.start - 1] !== '、') break;
        pos = org.start - 1;
        continue;
      }
      const t = found[0]!;
      const before = pos - t.length;
      if (text[before - 1] === '、') {
        // 、董事长吕家进: the body comes with the title before the 、
        pending.push(t);
        pos = before - 1;
        continue;
      }
      if (placed) break; // a chain already linked to a body further right: stop here, as before
      const dept = positions.includes(t) ? beforeDepartment(before) : undefined;
      if (dept) {
        for (const title of [t, ...pending]) out.push({ kind: 'body', person: p, title, body: dept, start: dept.start, end: p.end });
        pending = [];
        placed = true;
        break;
      }
      const titles = [t, ...pending].filter((x) => !NOT_TITLE.has(x));
      pending = [];
      if (titles.length === 0 || covered(before, pos)) break;
      const carried = carriedBody(text, before, ctx.mentions, ctx.sentences);
      if (carried) {
        for (const title of titles) out.push({ kind: 'carried', person: p, title, body: carried.body, start: carried.body.start, end: p.end });
      } else if (starts.has(before) || !/[\u4e00-\u9fff]/u.test(text[before - 1] ?? '')) {
        // 主教练普利斯: the title is a word of its own
        for (const title of titles) out.push({ kind: 'before', person: p, title, start: before, end: p.end });
      }
      placed = true;
      break;
    }
    // 张三董事长表示 / 陈某导演: a title right after the name, a word of its own
    const after = titlesStartingAt(text, p.end, words).find((t) => starts.has(p.end) && ends.has(p.end + t.length));
    // …not the title of the next name (记者李文峰通讯员丁奇志: 通讯员 is 丁奇志's)
    const nextIsPerson = after !== undefined && ctx.mentions.some((m) => m.type === 'PERSON' && m.start === p.end + after.length);
    if (after && !nextIsPerson && !NOT_TITLE.has(after) && !covered(p.end, p.end + after.length)) {
      const body = byEnd.get(p.start);
      out.push({ kind: 'after', person: p, title: after, body, start: body ? body.start : p.start, end: p.end + after.length });
    }
  }
  return out;
}
