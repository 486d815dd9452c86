/**
 * Structure: blocks (one per normalized line), a first guess at each block's
 * kind from its shape, articles grouped from headlines, and sentences.
 * Offsets here are normalized; the runner maps them to raw.
 */
import type { Article, Block, BlockKind, Sentence, Structure } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';

const BYLINE = /^(?:[□■●]\s*)?(?:本报记者|本报通讯员|本报讯|记者|新华社记者|通讯员|特约记者|实习记者)\s*[\u4e00-\u9fff·]/u;
const CREDIT_TAIL = /(?:摄|摄影报道|文\/图|供图|图\/文)）?$/u;
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[、.．]\s*|第[一二三四五六七八九十]+[章节条部分])/u;
const TERMINAL = /[。！？!?…”」』）)]$/u;

function classify(line: string, index: number, prev: BlockKind | null): BlockKind {
  const t = line.trim();
  if (t.length === 0) return 'artifact';
  if (BYLINE.test(t)) return 'byline';
  if (CREDIT_TAIL.test(t) && t.length < 200) return 'caption';
  if (HEADING.test(t) && t.length <= 40 && !/[。]$/.test(t)) return 'heading';
  if (t.length <= 30 && !TERMINAL.test(t) && !/[，。；：]/.test(t.slice(0, -1))) {
    if (t.endsWith('——')) return 'kicker';
    if (prev === 'headline' || prev === 'kicker') return 'subheadline';
    return index === 0 || prev === 'byline' || prev === 'caption' || prev === 'paragraph' ? 'headline' : 'heading';
  }
  return 'paragraph';
}

/** Sentence ends: 。！？ (and their half-width forms), ……, ；, plus trailing closing quotes/brackets. */
const SENTENCE_END = /[。！？!?；]+[”’」』）)]*|……[”’」』）)]*/gu;

export function structure(text: string, map: OffsetMap): Structure {
  const blocks: Block[] = [];
  const articles: Article[] = [];
  const sentences: Sentence[] = [];
  let lineStart = 0;
  let prev: BlockKind | null = null;
  let currentArticle = -1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim().length > 0) {
      const kind = classify(line, blocks.length, prev);
      if (kind === 'headline' && prev !== 'headline') {
        const [rawStart, rawEnd] = map.span(lineStart, lineEnd);
        currentArticle = articles.length;
        articles.push({ index: currentArticle, headline: line.trim(), reporters: [], photographers: [], start: lineStart, end: lineEnd, rawStart, rawEnd });
      }
      const [rawStart, rawEnd] = map.span(lineStart, lineEnd);
      const block: Block = { index: blocks.length, kind, article: currentArticle, start: lineStart, end: lineEnd, rawStart, rawEnd };
      blocks.push(block);
      if (currentArticle >= 0) {
        const a = articles[currentArticle]!;
        a.end = lineEnd;
        a.rawEnd = rawEnd;
        if (kind === 'byline') a.reporters.push(...bylineNames(line));
      }
      splitSentences(text, lineStart, lineEnd, block.index, map, sentences);
      prev = kind;
    }
    lineStart = lineEnd + 1;
  }
  return { blocks, articles, sentences };
}

function bylineNames(line: string): string[] {
  const m = /(?:记者|通讯员)\s*([\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,4})*)/u.exec(line);
  return m ? m[1]!.split(/\s+/) : [];
}

function splitSentences(text: string, start: number, end: number, block: number, map: OffsetMap, out: Sentence[]): void {
  const line = text.slice(start, end);
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  const push = (s: number, e: number): void => {
    // trim whitespace at the edges
    while (s < e && /\s/.test(line[s]!)) s++;
    while (e > s && /\s/.test(line[e - 1]!)) e--;
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
