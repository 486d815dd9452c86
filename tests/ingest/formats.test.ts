import { describe, expect, it, beforeAll } from 'vitest';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { readHtml } from '../../src/ingest/formats/html.js';
import { readDocx } from '../../src/ingest/formats/docx.js';
import { readPdf, readingOrder } from '../../src/ingest/formats/pdf.js';
import { sourceOf } from '../../src/ingest/formats/layout.js';
import { detectFormat, sniffContent } from '../../src/ingest/formats/sniff.js';
import { statedDate, writtenDate, collapseSpace } from '../../src/ingest/formats/text-builder.js';
import { readSource } from '../../src/ingest/index.js';
import { NewsError } from '../../src/core/errors.js';
import { CJK_FONT, COLUMNS, CAPTION, PAGES, writeFixtures, policyDocx, columnsPdf } from './make-fixtures.js';

const FX = join(import.meta.dirname, '../fixtures/formats');
const fixture = (name: string) => readFileSync(join(FX, name), 'utf8');
const NO_FONT = !CJK_FONT;
if (NO_FONT) console.warn('tests/ingest: no CJK font at /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc (apt-get install fonts-wqy-zenhei): PDF fixture tests skipped');

async function failure(p: Promise<unknown> | (() => unknown)): Promise<NewsError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    return err as NewsError;
  }
  throw new Error('expected a failure');
}

/** The element a layout path names, walked in the original page. */
function elementAt(html: string, path: string): Element | null {
  const { document } = parseHTML(html);
  let el: Element | null = document.documentElement;
  for (const step of path.split('>').slice(1)) {
    const m = /^([a-z0-9]+)\[(\d+)\]$/.exec(step)!;
    const kids: Element[] = Array.from(el!.children).filter((c: Element) => c.tagName.toLowerCase() === m[1]);
    el = kids[Number(m[2]) - 1] ?? null;
    if (!el) return null;
  }
  return el;
}

describe('web pages', () => {
  for (const name of ['news-page', 'policy-page']) {
    it(`${name}: the article's text equals the hand-written clean text, byte for byte`, () => {
      const x = readHtml(`${name}.html`, fixture(`${name}.html`));
      expect(x.text).toBe(fixture(`${name}.txt`));
    });

    it(`${name}: every line remembers the element it came from in the saved page`, () => {
      const html = fixture(`${name}.html`);
      const x = readHtml(`${name}.html`, html);
      const lines = (x.layout as { lines: Array<[number, number, string, string]> }).lines;
      expect(lines.length).toBe(x.text.split('\n').filter(Boolean).length);
      for (const [s, e, path] of lines) {
        const el = elementAt(html, path);
        expect(el, path).not.toBeNull();
        const own = collapseSpace(el!.textContent ?? '').replace(/\s/g, '');
        expect(own).toContain(x.text.slice(s, e).replace(/\s/g, ''));
      }
    });
  }

  it('reads headline, byline, source and date from the metadata and the info line, never from running text', () => {
    const a = readHtml('news-page.html', fixture('news-page.html'));
    expect(a.meta).toMatchObject({ title: '北湖新区今年新开工重大项目四十二个', byline: '李明远', source: '滨江日报', date: '2024-09-03' });
    const b = readHtml('policy-page.html', fixture('policy-page.html'));
    expect(b.meta).toMatchObject({ title: '东岭市出台支持机器人产业发展十条措施', byline: '赵小雨', source: '东岭新闻网', date: '2025-03-18' });
    // the running text mentions 3月18日 and 4月1日; a page without a stated date gets none
    const bare = fixture('policy-page.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '').replace(/<time[^>]*>[^<]*<\/time>/, '');
    const bareMeta = readHtml('bare.html', bare).meta;
    expect(bareMeta.date).toBeUndefined();
    // with no author in the metadata, the article's own byline line (本报记者　赵小雨) names the reporter
    expect(bareMeta.byline).toBe('赵小雨');
  });

  it('leaves navigation, ads, related lists, comments and footers out', () => {
    const x = readHtml('news-page.html', fixture('news-page.html'));
    for (const junk of ['首页', '广告', '相关新闻', '网友', '版权所有', '热点排行']) expect(x.text).not.toContain(junk);
  });

  it('a page with no article is an E_NO_TEXT error naming the file', async () => {
    const e = await failure(() => readHtml('nav.html', fixture('no-article.html')));
    expect(e).toBeInstanceOf(NewsError);
    expect(e.code).toBe('E_NO_TEXT');
    expect(e.message).toMatch(/^nav\.html: no article text found/);
  });
});

describe('Word files', () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await policyDocx();
  });

  it('paragraphs, headings, list items and table rows are lines; text equals the clean text', async () => {
    const x = await readDocx('policy.docx', bytes);
    expect(x.text).toBe(fixture('policy.docx.txt'));
  });

  it('keeps heading levels, list levels and paragraph indices in the layout', async () => {
    const x = await readDocx('policy.docx', bytes);
    const lines = (x.layout as { lines: Array<[number, number, number, string, number | null, number | null]> }).lines;
    const at = (t: string) => lines.find(([s, e]) => x.text.slice(s, e) === t)!;
    expect(at('关于加快推进智能制造发展的实施意见')[4]).toBe(1);
    expect(at('二、重点任务')[4]).toBe(2);
    expect(at('培育系统解决方案供应商。')[5]).toBe(0);
    expect(at('到2027年，全市规模以上工业企业数字化改造基本完成，建成智能工厂50家以上。')[4]).toBeNull();
    // the soft line break splits one paragraph into two lines with the same index
    expect(at('本意见自印发之日起施行。')[2]).toBe(at('由市工业和信息化局负责解释。')[2]);
  });

  it('takes the date the document states (its closing date line), and title and author from docProps', async () => {
    const x = await readDocx('policy.docx', bytes);
    expect(x.meta).toMatchObject({ date: '2024-05-20', dateSource: 'text: closing date line', title: '关于加快推进智能制造发展的实施意见', author: '东岭市政府办公室' });
  });

  it('a .docx that is not a zip is an E_FORMAT error naming the file', async () => {
    const e = await failure(readDocx('fake.docx', Buffer.from('这不是一个Word文件')));
    expect(e.code).toBe('E_FORMAT');
    expect(e.message).toBe('fake.docx: not a Word file: not a zip archive');
  });
});

describe('dates a document states', () => {
  it('reads 成文日期 and a closing date line, in Arabic or Chinese numerals; ignores dates in running text', () => {
    expect(statedDate(['通知', '成文日期：2023年12月5日'])).toEqual({ date: '2023-12-05', how: '成文日期' });
    expect(statedDate(['正文', '某某局', '二〇二四年三月十二日'])).toEqual({ date: '2024-03-12', how: 'closing date line' });
    expect(statedDate(['2024年3月12日，会议在京召开。', '会议指出，要抓好落实。'])).toBeNull();
    expect(writtenDate('2024年2月30日')).toBeNull();
    expect(writtenDate('二〇二五年十一月二十日')).toBe('2025-11-20');
  });
});

describe('content sniffing', () => {
  it('the content decides the reader; the extension only when the content is silent', async () => {
    const docx = await policyDocx();
    expect(sniffContent(docx)).toBe('docx');
    expect(detectFormat('policy.txt', docx)).toBe('docx');
    expect(detectFormat('page.txt', Buffer.from('\uFEFF  <!DOCTYPE html><html><body></body></html>'))).toBe('html');
    expect(detectFormat('a.bin', Buffer.from('junk\n%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat('notes.txt', Buffer.from('笔记：<html> 是一个标签，%PDF 是文件头'))).toBe('text');
    expect(detectFormat('notes.md', Buffer.from('%PDF 文件头之后是版本号'))).toBe('text');
    expect(detectFormat('broken.docx', Buffer.from('not a zip'))).toBe('docx');
    // a zip that is no Word file is left to the text decoder (which calls it binary)
    const { zipEntries } = await import('../../src/ingest/formats/zip.js');
    expect(zipEntries(docx)!.map((e) => e.name)).toContain('word/document.xml');
    const e = await failure(readSource('x.txt', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)])));
    expect(e.code).toBe('E_BINARY');
  });
});

describe.skipIf(NO_FONT)('PDFs (pdfkit + a CJK font)', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await writeFixtures(mkdtempSync(join(tmpdir(), 'zhnews-formats-')));
  });
  const read = (name: string) => readPdf(name, readFileSync(files[name]!));

  it('two justified columns, fake-bold headline and paragraph: text equals the clean text, byte for byte', async () => {
    const x = await read('columns.pdf');
    expect(x.text).toBe(fixture('columns.pdf.txt'));
    expect(x.meta).toMatchObject({ pages: 1, date: '2024-09-03', dateSource: 'text: page header' });
  });

  it('a caption and its credit are lines of their own, in a block with its own box, labelled when images are read', async () => {
    const plain = await read('caption.pdf');
    expect(plain.text).toBe(fixture('caption.pdf.txt'));
    // without images (the default: no image is decoded) the caption is still a block of its own
    const plainBlocks = (plain.layout as { blocks: Array<[number, number]>; images: unknown[] }).blocks;
    expect(plainBlocks.map(([s, e]) => plain.text.slice(s, e))).toContain(`${CAPTION.caption}\n（新华社记者刘洋摄）`);
    expect((plain.layout as { images: unknown[] }).images).toEqual([]);
    const x = await readPdf('caption.pdf', readFileSync(files['caption.pdf']!), { images: true });
    expect(x.text).toBe(fixture('caption.pdf.txt'));
    const layout = x.layout as { blocks: Array<[number, number, number, number, number, number, number, string]>; images: number[][] };
    const caption = layout.blocks.filter((b) => b[7] === 'caption');
    expect(caption).toHaveLength(1);
    expect(x.text.slice(caption[0]![0], caption[0]![1])).toBe(`${CAPTION.caption}\n（新华社记者刘洋摄）`);
    const [, x0, y0, x1, y1] = layout.images[0]!;
    expect([x0, y0, x1, y1]).toEqual([60, expect.closeTo(y0!, 0), 360, expect.closeTo(y0! + 180, 1)]);
    // the caption box sits under the photo, inside its width
    expect(caption[0]![4]).toBeGreaterThanOrEqual(y1!);
    expect(caption[0]![3]).toBeGreaterThanOrEqual(x0! - 0.01);
    expect(caption[0]![5]).toBeLessThanOrEqual(x1! + 0.01);
  });

  it('every character maps to its page and the box it was drawn in', async () => {
    const x = await read('columns.pdf');
    const at = (s: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = x.text.indexOf(s, i + 1);
      expect(i).toBeGreaterThanOrEqual(0);
      return sourceOf(x.layout, i, i + s.length)!.boxes!;
    };
    // the headline, 22 pt, centred at y = 70 (pdfkit's y is the top of the line)
    const [h] = at('智能机器人');
    expect(h!.page).toBe(1);
    expect(h!.y1 - h!.y0).toBeCloseTo(22, 0);
    expect((h!.x0 + h!.x1) / 2).toBeCloseTo(595.28 / 2, 0);
    expect(h!.y0).toBeGreaterThan(70);
    expect(h!.y1).toBeLessThan(70 + 22 * 1.3);
    // T1 sits on the first line of the left column, indented two characters
    const [t] = at('T1');
    expect(t!.x0).toBeCloseTo(50 + 21, 1);
    expect(t!.x1).toBeCloseTo(50 + 235, 1);
    // a paragraph running from the left column's foot into the right column: two boxes, two columns
    const run = sourceOf(x.layout, x.text.indexOf('整机制造'), x.text.indexOf('整机制造') + 4)!.boxes!;
    expect(run).toHaveLength(1);
    expect(run[0]!.x0).toBe(50);
    expect(run[0]!.x1).toBe(545);
    // every character but the line breaks lies in a line box
    const runs = (x.layout as { runs: number[][] }).runs;
    for (let i = 0; i < x.text.length; i++) {
      if (x.text[i] === '\n') continue;
      expect(runs.some((r) => r[0]! <= i && i < r[1]!), `offset ${i} ${x.text[i]}`).toBe(true);
    }
  });

  it('geometry, not text: fake bold drawn twice collapses, natural repeats stay', async () => {
    const x = await read('columns.pdf');
    expect(x.text).toContain(COLUMNS.headline + '\n');
    expect(x.text).not.toContain('智智');
    expect(x.text).toContain('业内人士认为');
  });

  it('a paragraph runs on over a page break; page numbers are furniture, listed but not text', async () => {
    const x = await read('pages.pdf');
    expect(x.text).toBe(fixture('pages.pdf.txt'));
    const layout = x.layout as { folios: Array<[number, string]> };
    expect(layout.folios.map(([p, t]) => [p, t])).toEqual([[1, '—1—'], [2, '—2—'], [3, '—3—']]);
    const para = PAGES.paras[1]!;
    const at = x.text.indexOf(para);
    expect(sourceOf(x.layout, at, at + para.length)!.boxes!.map((b) => b.page)).toEqual([1, 2]);
  });

  it('a page turned by /Rotate reads as shown, with boxes on the shown (landscape) page', async () => {
    const x = await read('rotated.pdf');
    expect(x.text).toBe(fixture('rotated.pdf.txt'));
    const layout = x.layout as { pages: number[][] };
    expect(layout.pages).toEqual([[841.89, 595.28]]);
    // drawn at x = -60 in a frame whose shown page starts at x = -123.3; the paragraph indented by two 11 pt characters
    const [h] = sourceOf(x.layout, 0, 2)!.boxes!;
    expect(h!.x0).toBeCloseTo(-60 + 123.3, 0);
    const p = x.text.indexOf('这一页');
    const [b] = sourceOf(x.layout, p, p + 1)!.boxes!;
    expect(b!.x0).toBeCloseTo(-60 + 123.3 + 22, 0);
    expect(b!.y1 - b!.y0).toBeCloseTo(11, 1);
  });

  it('reading order: columns left to right, bands top to bottom', () => {
    const b = (x0: number, top: number, x1: number, bottom: number, id: string) => ({ x0, top, x1, bottom, id });
    const order = readingOrder([
      b(50, 300, 280, 500, 'left-bottom'),
      b(310, 140, 545, 500, 'right'),
      b(50, 60, 545, 100, 'headline'),
      b(50, 140, 280, 290, 'left-top'),
      b(50, 520, 545, 560, 'footer'),
    ]).map((x) => x.id);
    expect(order).toEqual(['headline', 'left-top', 'left-bottom', 'right', 'footer']);
  });

  it('a scan without a text layer is E_NO_TEXT; an encrypted file E_ENCRYPTED; a truncated one E_FORMAT', async () => {
    const scan = await failure(read('scanned.pdf'));
    expect([scan.code, scan.message]).toEqual(['E_NO_TEXT', 'scanned.pdf: no text layer (a scanned PDF?): 1 page without text']);
    const enc = await failure(read('encrypted.pdf'));
    expect([enc.code, enc.message]).toEqual(['E_ENCRYPTED', 'encrypted.pdf: encrypted PDF (it needs a password)']);
    const whole = await columnsPdf();
    const cut = await failure(readPdf('cut.pdf', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(cut.code).toBe('E_FORMAT');
    expect(cut.message).toMatch(/^cut\.pdf: truncated or broken PDF/);
    const junk = await failure(readPdf('junk.pdf', Buffer.from('%PDF-1.7\nnothing here\n%%EOF\n')));
    expect(junk.code).toBe('E_FORMAT');
    expect(junk.message).toMatch(/^junk\.pdf: not a readable PDF/);
  });
});
