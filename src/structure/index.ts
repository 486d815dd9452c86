/**
 * Structure: blocks, their kinds, articles and sentences.
 *
 * Blocks are the normalized lines, except that a line holding a byline and
 * another article's headline (`本报记者 杨学聪 用好数字技术为基层减负`, a
 * layout accident) becomes two blocks. Each block gets a kind from its shape
 * and its neighbours (see `classify`), then articles are grouped: an article
 * starts at a headline (or a kicker or subheadline before one) and collects
 * the bylines, captions, headings and paragraphs that follow until the next
 * headline. Reporters come from bylines (names after 记者/通讯员, or a line of
 * names), photographers from credits (X摄, X 摄影报道, X 文/图 — 文/图 names
 * both reporter and photographer). Offsets here are normalized; the runner
 * maps them to raw.
 */
import type { Article, Block, BlockKind, Sentence, Structure } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';
import { isChineseName } from '../core/names.js';

const LABEL = /^(?:[□■●]\s*)?(?:本报记者|本报通讯员|本报特约记者|本报讯|新华社记者|新华社|中新社记者|记者|通讯员|特约记者|实习记者|实习生|[\u4e00-\u9fff]{2,10}?报记者)\s*/u;
const CREDIT = /(?:摄影报道|摄|文\/图|图\/文|供图)(?:（[^（）]{2,10}）)?[）)]?$/u;
const HEADING_NUM = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．]\s*|第[一二三四五六七八九十]+[章节条部分])/u;
const TERMINAL = /[。！？!?…”」』）)；;]$/u;
const NAME = /^[\u4e00-\u9fff·]{2,4}$/u;

/** Names in a byline or credit: space-separated name-shaped words. */
function nameList(s: string): string[] | null {
  const parts = s.trim().split(/\s+/u).filter(Boolean);
  if (parts.length === 0) return null;
  for (const p of parts) if (!NAME.test(p) || !(isChineseName(p) || p.length === 4)) return null;
  return parts;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

/** A byline line followed by unrelated text after its names: the split point, or -1. */
function bylineSplit(t: string): number {
  const m = LABEL.exec(t);
  if (!m) return -1;
  let p = m[0].length;
  const parts = t.slice(p).split(/(\s+)/u);
  let names = 0;
  for (let k = 0; k < parts.length; k++) {
    const w = parts[k]!;
    if (/^\s+$/u.test(w)) {
      p += w.length;
      continue;
    }
    if (NAME.test(w) && (isChineseName(w) || w.length === 4) && w.length <= 4) {
      names++;
      p += w.length;
      continue;
    }
    // another label (中国县域经济报记者 朱柳蓉) continues the byline
    if (LABEL.test(w) && w.length <= 12) {
      p += w.length;
      continue;
    }
    return names > 0 && w.length >= 4 && !TERMINAL.test(t) ? p : -1;
  }
  return -1;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    let a = s;
    let b = e;
    while (a < b && /\s/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    if (b > a) {
      const t = text.slice(a, b);
      const cut = bylineSplit(t);
      if (cut > 0) {
        let c = a + cut;
        let d = c;
        while (c > a && /\s/u.test(text[c - 1]!)) c--;
        while (d < b && /\s/u.test(text[d]!)) d++;
        out.push({ start: a, end: c, text: text.slice(a, c) });
        out.push({ start: d, end: b, text: text.slice(d, b) });
      } else out.push({ start: a, end: b, text: t });
    }
    s = e + 1;
  }
  return out;
}

/** Shape of a line before its neighbours are known. */
function shape(t: string): BlockKind | 'short' | 'short-comma' {
  if (LABEL.test(t) && (nameList(t.replace(LABEL, '').replace(/[\u4e00-\u9fff]{2,10}?报记者/gu, ' ')) !== null)) return 'byline';
  if (nameList(t) && t.includes(' ')) return 'byline'; // 涂铭 郭宇靖 张骁
  if (/^[（(][\u4e00-\u9fff\s]+(?:文\/图|摄)[）)]$/u.test(t)) return 'byline';
  if (CREDIT.test(t) && t.length < 300) return 'caption';
  if (/^图\d*\s/u.test(t) || /^图为/u.test(t)) return 'caption';
  if (/\s特刊$/u.test(t) || /^第?\d+版/u.test(t)) return 'artifact';
  if (/^——/u.test(t) && t.length <= 60 && !TERMINAL.test(t)) return 'subheadline';
  if (/——$/u.test(t) && t.length <= 60) return 'kicker';
  if (HEADING_NUM.test(t) && t.length <= 40 && !/[。]$/u.test(t)) return 'heading';
  // a short line that ends in a closing quote but holds no sentence end is a title (亦庄追“新”)
  const titleLike = !/[。！？；]/u.test(t) && (!TERMINAL.test(t) || /[”」』]$/u.test(t));
  if (t.length <= 40 && titleLike) return t.includes('，') ? 'short-comma' : 'short';
  return 'paragraph';
}

/**
 * Kinds from shape and neighbours: a short line is a headline when an article
 * starts there (first line, or a byline/kicker/subheadline/short line follows
 * within two lines, or it follows a caption or byline block at the top), a
 * subheadline right after a headline, otherwise a section heading.
 */
function classify(lines: Line[]): BlockKind[] {
  const shapes = lines.map((l) => shape(l.text));
  const kinds: BlockKind[] = [];
  for (let i = 0; i < lines.length; i++) {
    const s = shapes[i]!;
    if (s === 'short-comma') {
      // with a comma it is a headline only where an article starts; otherwise a line cut short
      const n = shapes[i + 1];
      kinds.push(i === 0 || n === 'byline' || kinds[i - 1] === 'artifact' ? 'headline' : 'paragraph');
      continue;
    }
    if (i === 0 && s === 'paragraph' && lines[0]!.text.length <= 80 && !/[。！？；]/u.test(lines[0]!.text)) {
      kinds.push('headline'); // a document title such as 《…行动方案（2024-2026年）（征求意见稿）》 without marks
      continue;
    }
    if (s !== 'short') {
      kinds.push(s);
      continue;
    }
    const prev = kinds[i - 1] ?? null;
    const next = shapes[i + 1];
    const next2 = shapes[i + 2];
    if (prev === 'headline' || prev === 'kicker') {
      kinds.push(prev === 'kicker' ? 'headline' : 'subheadline');
      continue;
    }
    const startsArticle =
      i === 0 ||
      next === 'byline' ||
      next === 'kicker' ||
      next === 'subheadline' ||
      ((next === 'short' || next === 'short-comma') && next2 === 'byline') ||
      prev === 'byline' ||
      prev === 'artifact';
    kinds.push(startsArticle ? 'headline' : 'heading');
  }
  return kinds;
}

function creditNames(t: string): { names: string[]; both: boolean } {
  const m = /(?:^|[\s。（(！？”])((?:[\u4e00-\u9fff]{2,3}\s)*[\u4e00-\u9fff]{2,4})\s?(摄影报道|摄|文\/图|图\/文|供图)(?:（[^（）]{2,10}）)?[）)]?$/u.exec(t);
  if (!m) return { names: [], both: false };
  const labelled = /记者\s?$/u.test(t.slice(0, m.index + m[0].indexOf(m[1]!)));
  const names = m[1]!.split(/\s+/u).filter((n) => isChineseName(n) || (labelled && n.length === 4));
  return { names, both: m[2] === '文/图' || m[2] === '图/文' };
}

function bylineNames(t: string): string[] {
  const body = t.replace(/^[（(]|[）)]$/gu, '').replace(/\s?(?:文\/图|摄)$/u, '');
  const out: string[] = [];
  for (const w of body.replace(LABEL, ' ').split(/\s+/u)) {
    const v = w.replace(/^[\u4e00-\u9fff]{2,10}?报记者/u, '');
    if (NAME.test(v) && (isChineseName(v) || v.length === 4) && !LABEL.test(v)) out.push(v);
  }
  return out;
}

/** Sentence ends: 。！？ (and their half-width forms), ……, ；, plus trailing closing quotes/brackets. */
const SENTENCE_END = /[。！？!?；]+[”’」』）)]*|……[”’」』）)]*/gu;

export function structure(text: string, map: OffsetMap): Structure {
  const lines = splitLines(text);
  const kinds = classify(lines);
  const blocks: Block[] = [];
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  let current = -1;
  const open = (l: Line, headline: string | null): void => {
    const [rawStart, rawEnd] = map.span(l.start, l.end);
    current = articles.length;
    articles.push({ index: current, headline, reporters: [], photographers: [], start: l.start, end: l.end, rawStart, rawEnd });
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const kind = kinds[i]!;
    const prevKind = kinds[i - 1] ?? null;
    // a kicker or a headline opens an article, unless it continues the one just opened by a kicker
    if (kind === 'kicker' || (kind === 'headline' && prevKind !== 'kicker')) open(l, kind === 'headline' ? l.text : null);
    else if (kind === 'headline' && current >= 0 && articles[current]!.headline === null) articles[current]!.headline = l.text;
    else if (kind === 'subheadline' && current < 0) open(l, null);
    const [rawStart, rawEnd] = map.span(l.start, l.end);
    const block: Block = { index: blocks.length, kind, article: kind === 'artifact' ? -1 : current, start: l.start, end: l.end, rawStart, rawEnd };
    blocks.push(block);
    if (current >= 0 && kind !== 'artifact') {
      const a = articles[current]!;
      a.end = l.end;
      a.rawEnd = rawEnd;
      if (kind === 'byline') {
        const credit = creditNames(l.text.replace(/^[（(]|[）)]$/gu, ''));
        if (credit.names.length > 0) {
          a.photographers.push(...credit.names.filter((n) => !a.photographers.includes(n)));
          if (credit.both) a.reporters.push(...credit.names.filter((n) => !a.reporters.includes(n)));
        } else a.reporters.push(...bylineNames(l.text).filter((n) => !a.reporters.includes(n)));
      }
      if (kind === 'caption' || kind === 'paragraph') {
        const credit = creditNames(l.text);
        a.photographers.push(...credit.names.filter((n) => !a.photographers.includes(n)));
        if (credit.both) a.reporters.push(...credit.names.filter((n) => !a.reporters.includes(n)));
      }
    }
    splitSentences(text, l.start, l.end, block.index, map, sentences);
  }
  return { blocks, articles, sentences };
}

function splitSentences(text: string, start: number, end: number, block: number, map: OffsetMap, out: Sentence[]): void {
  const line = text.slice(start, end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/u.test(line[s]!)) s++;
    while (e > s && /\s/u.test(line[e - 1]!)) e--;
    if (e <= s) return;
    const [rawStart, rawEnd] = map.span(start + s, start + e);
    out.push({ index: out.length, block, start: start + s, end: start + e, rawStart, rawEnd });
  };
  while ((m = SENTENCE_END.exec(line)) !== null) {
    const e = m.index + m[0].length;
    push(from, e);
    from = e;
  }
  push(from, line.length);
}
