/**
 * Word files (.docx): mammoth reads the document body into its model
 * (paragraphs with style and numbering, runs, tables); we take that model
 * and write one line per paragraph, heading, list item and table row (cells
 * joined by a tab). mammoth does not read the document properties, so the
 * small zip reader takes docProps/core.xml for title, author and dates.
 *
 * meta.date is the date the document states: its 成文日期 / 发布日期 field or
 * a closing date line (policy documents end with one); else the
 * properties' creation date, named as such in meta.dateSource. Never guessed.
 *
 * layout: { kind: 'docx', lines: [[rawStart, rawEnd, paragraphIndex, style, headingLevel|null, listLevel|null]] }
 * paragraphIndex counts the body's paragraphs in document order (table cells included).
 */
import mammoth from 'mammoth';
import { NewsError } from '../../core/errors.js';
import { TextBuilder, collapseSpace, statedDate } from './text-builder.js';
import { zipEntries, zipRead } from './zip.js';
import type { Extracted } from './types.js';

type Line = [number, string, number | null, number | null];

interface Node {
  type: string;
  children?: Node[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  numbering?: { level: string | number; isOrdered: boolean } | null;
  breakType?: string;
}

function headingLevel(p: Node): number | null {
  const name = `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  const m = /(?:heading|标题)\s*([1-9])/i.exec(name);
  if (m) return Number(m[1]);
  if (/^\s*title\b|^标题$/i.test(p.styleName ?? '')) return 1;
  return null;
}

function runText(n: Node, out: string[]): void {
  switch (n.type) {
    case 'text':
      out.push(n.value ?? '');
      return;
    case 'tab':
      out.push('\t');
      return;
    case 'break':
      out.push(n.breakType === 'line' || !n.breakType ? '\u2028' : '');
      return;
    case 'noteReference':
    case 'commentReference':
    case 'image':
      return;
    default:
      for (const c of n.children ?? []) runText(c, out);
  }
}

function coreProps(bytes: Uint8Array): Record<string, string> {
  const entries = zipEntries(bytes);
  const xml = entries && zipRead(bytes, entries, 'docProps/core.xml')?.toString('utf8');
  const props: Record<string, string> = {};
  if (!xml) return props;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  for (const [tag, key] of [['dc:title', 'title'], ['dc:creator', 'author'], ['dc:subject', 'subject'], ['dcterms:created', 'created'], ['dcterms:modified', 'modified']] as const) {
    const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml);
    if (m && m[1]!.trim()) props[key] = unescape(m[1]!.trim());
  }
  return props;
}

export async function readDocx(path: string, bytes: Uint8Array): Promise<Extracted> {
  if (!zipEntries(bytes)) throw new NewsError('E_FORMAT', path, 'not a Word file: not a zip archive');
  let model: Node | undefined;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: unknown) => {
          model = doc as Node;
          // the HTML is not used: hand mammoth an empty body to convert
          return { ...(doc as object), children: [] } as never;
        },
      } as never,
    );
  } catch (err) {
    throw new NewsError('E_FORMAT', path, `not a readable Word file (${(err as Error).message.split('\n')[0]})`);
  }
  if (!model) throw new NewsError('E_FORMAT', path, 'not a readable Word file');

  const b = new TextBuilder<Line>();
  let index = 0;
  const paragraph = (p: Node): string => {
    const parts: string[] = [];
    for (const c of p.children ?? []) runText(c, parts);
    return parts.join('');
  };
  const clean = (s: string) => collapseSpace(s.replace(/\t/g, '\u0001')).replace(/ ?\u0001 ?/g, '\t').trim();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === 'paragraph') {
        const i = index++;
        const h = headingLevel(n);
        const list = n.numbering ? Number(n.numbering.level) : null;
        for (const piece of paragraph(n).split('\u2028')) b.add(clean(piece), [i, n.styleName ?? '', h, list]);
      } else if (n.type === 'table') {
        for (const row of n.children ?? []) {
          if (row.type !== 'tableRow') continue;
          const first = index;
          const cells = (row.children ?? []).map((cell) =>
            (cell.children ?? [])
              .filter((x) => x.type === 'paragraph')
              .map((x) => {
                index++;
                return clean(paragraph(x).replace(/\u2028/g, ' '));
              })
              .filter(Boolean)
              .join(' '),
          );
          b.add(cells.join('\t'), [first, 'table row', null, null]);
        }
      } else if (n.children) walk(n.children);
    }
  };
  walk(model.children ?? []);
  if (b.lines.length === 0) throw new NewsError('E_NO_TEXT', path, 'the Word file holds no text');

  const props = coreProps(bytes);
  const meta: Record<string, unknown> = { ...props };
  const text = b.text;
  const lineTexts = b.lines.map((l) => text.slice(l.start, l.end));
  const headings = b.lines.filter((l) => l.info[2] !== null);
  if (!meta.title && headings.length) meta.title = text.slice(headings[0]!.start, headings[0]!.end);
  const stated = statedDate(lineTexts);
  if (stated) {
    meta.date = stated.date;
    meta.dateSource = `text: ${stated.how}`;
  } else if (props.created && /^\d{4}-\d{2}-\d{2}/.test(props.created)) {
    meta.date = props.created.slice(0, 10);
    meta.dateSource = 'document properties: created';
  }
  return { format: 'docx', text, meta, layout: { kind: 'docx', lines: b.lines.map((l) => [l.start, l.end, ...l.info]) } };
}
