/**
 * Web pages: the main article through Readability over a linkedom DOM
 * (linkedom: a light DOM with no layout engine, several times faster than
 * jsdom on a saved page and all Readability needs). Paragraphs come from
 * block elements, one per line; navigation, ads, comments and related lists
 * are what Readability leaves out. Headline, byline, source and date come
 * from the page's metadata (Open Graph, article:*, <time>, JSON-LD) and its
 * Chinese info line (来源： 作者： 发布时间：), never from running text.
 *
 * layout: { kind: 'html', lines: [[rawStart, rawEnd, elementPath, tag]] }
 * where elementPath is the element's path in the saved page (html>body>div[2]>p[3]).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { NewsError } from '../../core/errors.js';
import { TextBuilder, collapseSpace, isoDate, writtenDate } from './text-builder.js';
import type { Extracted } from './types.js';

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TR', 'DT', 'DD', 'CAPTION', 'ADDRESS']);
/** containers whose own loose text (outside any block child) is still a paragraph */
const CONTAINERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'FIGURE', 'TD', 'TH', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'HEADER', 'ASIDE']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG', 'IFRAME', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA']);
const PATH_ATTR = 'data-zhnews-path';
/** a table cell boundary while white space collapses; a tab in the text */
const CELL = '\u0001';

/** A paragraph of running text must have at least this many characters for the page to hold an article. */
const MIN_PARAGRAPH = 20;

type Line = [string, string]; // element path, tag

interface El {
  tagName: string;
  nodeType: number;
  childNodes: ArrayLike<El>;
  textContent: string | null;
  parentElement: El | null;
  getAttribute(n: string): string | null;
  setAttribute(n: string, v: string): void;
  querySelector(s: string): El | null;
  querySelectorAll(s: string): ArrayLike<El>;
}

function tagPaths(root: El): void {
  const visit = (el: El, path: string) => {
    const counts = new Map<string, number>();
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType !== 1) continue;
      const tag = c.tagName.toLowerCase();
      const n = (counts.get(tag) ?? 0) + 1;
      counts.set(tag, n);
      const p = `${path}>${tag}[${n}]`;
      if (BLOCKS.has(c.tagName) || CONTAINERS.has(c.tagName)) c.setAttribute(PATH_ATTR, p);
      visit(c, p);
    }
  };
  visit(root, root.tagName.toLowerCase());
}

/** Inline text of a node, with <br> as a line break; block children are left to the walk. */
function inlineText(el: El, out: string[]): void {
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === 3) out.push(c.textContent ?? '');
    else if (c.nodeType === 1) {
      if (SKIP.has(c.tagName)) continue;
      if (c.tagName === 'BR') out.push('\u2028');
      else if (c.tagName === 'TD' || c.tagName === 'TH') {
        out.push(CELL);
        inlineText(c, out);
      } else inlineText(c, out);
    }
  }
}

function hasBlockChild(el: El): boolean {
  for (const c of Array.from(el.childNodes)) if (c.nodeType === 1 && (BLOCKS.has(c.tagName) || (CONTAINERS.has(c.tagName) && c.tagName !== 'TD' && c.tagName !== 'TH') || hasBlockChild(c))) return true;
  return false;
}

function emit(b: TextBuilder<Line>, text: string, el: El): void {
  const path = el.getAttribute(PATH_ATTR) ?? '';
  for (const piece of text.split('\u2028')) {
    const t = collapseSpace(piece).replace(/ ?\u0001 ?/g, CELL).replace(/^\u0001+|\u0001+$/g, '').replace(/\u0001/g, '\t');
    b.add(t, [path, el.tagName.toLowerCase()]);
  }
}

function walkBlocks(el: El, b: TextBuilder<Line>): void {
  if (el.tagName === 'TR') {
    const parts: string[] = [];
    inlineText(el, parts);
    emit(b, parts.join(''), el);
    return;
  }
  if (BLOCKS.has(el.tagName) && !hasBlockChild(el)) {
    const parts: string[] = [];
    inlineText(el, parts);
    emit(b, parts.join(''), el);
    return;
  }
  // a container (or a block holding blocks): loose inline runs between block children are paragraphs too
  let loose: string[] = [];
  const flush = () => {
    if (loose.length) emit(b, loose.join(''), el);
    loose = [];
  };
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === 3) loose.push(c.textContent ?? '');
    else if (c.nodeType === 1) {
      if (SKIP.has(c.tagName)) continue;
      if (c.tagName === 'BR') loose.push('\u2028');
      else if (BLOCKS.has(c.tagName) || CONTAINERS.has(c.tagName) || hasBlockChild(c)) {
        flush();
        walkBlocks(c, b);
      } else {
        const parts: string[] = [];
        inlineText(c, parts);
        loose.push(parts.join(''));
      }
    }
  }
  flush();
}

function metaContent(doc: El, selectors: string[]): string | null {
  for (const s of selectors) {
    const v = doc.querySelector(s)?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return null;
}

/** The stated date of an ISO-like timestamp, as written (no time-zone shift): 2024-09-03T08:00+08:00 → 2024-09-03. */
function dateOfStamp(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = /^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/.exec(s);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return writtenDate(s);
}

function jsonLd(doc: El): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      const v = JSON.parse(s.textContent ?? '') as unknown;
      const items = Array.isArray(v) ? v : [v];
      for (const it of items) {
        if (it && typeof it === 'object') {
          const graph = (it as Record<string, unknown>)['@graph'];
          if (Array.isArray(graph)) out.push(...(graph.filter((g) => g && typeof g === 'object') as Record<string, unknown>[]));
          else out.push(it as Record<string, unknown>);
        }
      }
    } catch {
      // a broken JSON-LD block says nothing
    }
  }
  return out;
}

function ldName(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return v.map(ldName).filter(Boolean).join('、') || null;
  if (v && typeof v === 'object') return ldName((v as Record<string, unknown>).name);
  return null;
}

/** The page's info line (来源：… 作者：… 2024-09-03 10:00), found outside the article before Readability runs. */
function infoLine(doc: El): { source?: string; author?: string; date?: string; text: string; path: string } | null {
  const cands = Array.from(doc.querySelectorAll('div, span, p, section, header'));
  for (const el of cands) {
    if (hasBlockChild(el) && el.tagName !== 'HEADER') continue;
    const text = collapseSpace(el.textContent ?? '').trim();
    if (text.length > 120 || !/(来源|作者|发布时间|发布日期|责任编辑|编辑)\s*[:：]/.test(text)) continue;
    const r: { source?: string; author?: string; date?: string; text: string; path: string } = { text, path: '' };
    const src = /来源\s*[:：]\s*([^\s|｜:：]+)/.exec(text);
    if (src) r.source = src[1]!;
    const au = /作者\s*[:：]\s*([^\s|｜:：]+)/.exec(text);
    if (au) r.author = au[1]!;
    const dm = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(text);
    if (dm) {
      const d = isoDate(Number(dm[1]), Number(dm[2]), Number(dm[3]));
      if (d) r.date = d;
    }
    return r;
  }
  return null;
}

export function readHtml(path: string, html: string): Extracted {
  const { document } = parseHTML(html) as unknown as { document: El & { documentElement: El } };
  const root = document.documentElement;
  if (!root) throw new NewsError('E_NO_TEXT', path, 'no article text found (the page has no document)');
  const ld = jsonLd(document);
  const ldArticle = ld.find((x) => /Article|Posting/.test(String(x['@type'] ?? '')));
  const info = infoLine(document);
  const h1 = document.querySelector('h1');
  const h1Text = h1 ? collapseSpace(h1.textContent ?? '').trim() : '';
  const timeEl = document.querySelector('time[datetime]') ?? document.querySelector('time');

  const meta: Record<string, unknown> = {};
  const ogTitle = metaContent(document, ['meta[property="og:title"]', 'meta[name="twitter:title"]']);
  const published = metaContent(document, [
    'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="PubDate"]',
    'meta[itemprop="datePublished"]', 'meta[name="date"]',
  ]) ?? (typeof ldArticle?.datePublished === 'string' ? ldArticle.datePublished : null) ?? timeEl?.getAttribute('datetime') ?? (timeEl ? timeEl.textContent : null);
  const siteName = metaContent(document, ['meta[property="og:site_name"]', 'meta[name="source"]', 'meta[name="publisher"]']) ?? ldName(ldArticle?.publisher);
  const author = metaContent(document, ['meta[name="author"]', 'meta[property="article:author"]']) ?? ldName(ldArticle?.author);

  tagPaths(root);
  if (info) {
    // the info element, found before the paths existed: find it again by its text
    const el = Array.from(document.querySelectorAll('[' + PATH_ATTR + ']')).find((e) => !hasBlockChild(e) && collapseSpace(e.textContent ?? '').trim() === info.text);
    info.path = el?.getAttribute(PATH_ATTR) ?? 'info';
  }
  // the article element itself, not its serialized HTML: no second parse
  const article = new Readability<El>(document as never, { keepClasses: false, serializer: (n) => n as unknown as El }).parse();
  if (!article?.content) throw new NewsError('E_NO_TEXT', path, 'no article text found (a navigation or index page?)');

  const body = new TextBuilder<Line>();
  walkBlocks(article.content, body);
  const lines = body.lines.map((l) => ({ text: body.text.slice(l.start, l.end), info: l.info }));
  const running = lines.filter((l) => !/^h\d$|^li$|^tr$/.test(l.info[1]) && l.text.length >= MIN_PARAGRAPH);
  if (running.length === 0) throw new NewsError('E_NO_TEXT', path, 'no article text found (a navigation or index page?)');

  const headline = h1Text || ogTitle || (article.title ?? '').trim();
  const out = new TextBuilder<Line>();
  if (headline && lines[0]?.text !== headline) out.add(headline, [h1 && h1Text ? h1.getAttribute(PATH_ATTR) ?? 'h1' : 'head>meta[og:title]', 'h1']);
  // the page's info line (来源 作者 date) is page text Readability drops from the article: it follows the headline
  if (info && !lines.some((l) => l.text.includes(info.text))) out.add(info.text, [info.path, 'address']);
  const byline = article.byline?.trim();
  for (const l of lines) out.add(l.text, l.info);

  if (headline) meta.title = headline;
  // a byline line at the head of the article (本报记者 张三 / 记者 张三 李四 / 作者：张三)
  const bylineLine = lines
    .slice(0, 3)
    .map((l) => /^(?:本报记者|本报通讯员|记者|通讯员|作者[:：])[\s\u3000]*([\u4e00-\u9fff·]{2,4}(?:[\s\u3000、]+[\u4e00-\u9fff·]{2,4})*)$/.exec(l.text))
    .find(Boolean);
  const textByline = bylineLine ? bylineLine[1]!.replace(/[\s\u3000、]+/g, '、') : null;
  const who = byline || author || info?.author || textByline;
  if (who) meta.byline = who;
  const source = info?.source ?? siteName ?? article.siteName ?? null;
  if (source) meta.source = source;
  const date = dateOfStamp(published) ?? dateOfStamp(article.publishedTime) ?? info?.date ?? null;
  if (date) {
    meta.date = date;
    meta.dateSource = dateOfStamp(published) ? 'page metadata' : dateOfStamp(article.publishedTime) ? 'readability' : 'info line';
  }
  if (published) meta.published = published;
  const lang = root.getAttribute('lang');
  if (lang) meta.lang = lang;

  return {
    format: 'html',
    text: out.text,
    meta,
    layout: { kind: 'html', lines: out.lines.map((l) => [l.start, l.end, l.info[0], l.info[1]]) },
  };
}
