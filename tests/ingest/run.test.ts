import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cli, lastJson, tempDir } from '../foundation/helpers.js';
import { CJK_FONT, writeFixtures } from './make-fixtures.js';

const FX = join(import.meta.dirname, '../fixtures/formats');

describe.skipIf(!CJK_FONT)('zhnews run on web pages, Word files and PDFs, good and bad', () => {
  const dir = tempDir('zhnews-formats-run-');
  const db = join(dir, 'news.db');
  let run: ReturnType<typeof cli>;

  beforeAll(async () => {
    const made = await writeFixtures(dir);
    copyFileSync(join(FX, 'news-page.html'), join(dir, 'news-page.html'));
    copyFileSync(join(FX, 'no-article.html'), join(dir, 'no-article.html'));
    writeFileSync(join(dir, 'fake.docx'), '这不是Word文件，只是文字');
    const pdf = readFileSync(made['columns.pdf']!);
    writeFileSync(join(dir, 'truncated.pdf'), pdf.subarray(0, pdf.length >> 1));
    // a web page saved under a text name is still read as a web page
    copyFileSync(join(FX, 'policy-page.html'), join(dir, 'policy-page.txt'));
    run = cli(['run', dir, '--db', db, '--json', '--jobs', '2']);
  });

  it('reads the good files, fails the bad ones with one line each, and goes on', () => {
    expect(run.code).toBe(1);
    expect(lastJson(run.stdout)).toMatchObject({ processed: 7, failed: 5, documents: 7 });
    const lines = run.stderr.trim().split('\n').sort();
    expect(lines).toEqual([
      `zhnews: error E_ENCRYPTED: ${join(dir, 'encrypted.pdf')}: encrypted PDF (it needs a password)`,
      `zhnews: error E_FORMAT: ${join(dir, 'fake.docx')}: not a Word file: not a zip archive`,
      `zhnews: error E_FORMAT: ${join(dir, 'truncated.pdf')}: truncated or broken PDF (no %%EOF at its end)`,
      `zhnews: error E_NO_TEXT: ${join(dir, 'no-article.html')}: no article text found (a navigation or index page?)`,
      `zhnews: error E_NO_TEXT: ${join(dir, 'scanned.pdf')}: no text layer (a scanned PDF?): 1 page without text`,
    ]);
    const d = new Database(db, { readonly: true });
    const errors = d.prepare('SELECT path, code FROM errors ORDER BY path').all();
    expect(errors).toEqual([
      { path: join(dir, 'encrypted.pdf'), code: 'E_ENCRYPTED' },
      { path: join(dir, 'fake.docx'), code: 'E_FORMAT' },
      { path: join(dir, 'no-article.html'), code: 'E_NO_TEXT' },
      { path: join(dir, 'scanned.pdf'), code: 'E_NO_TEXT' },
      { path: join(dir, 'truncated.pdf'), code: 'E_FORMAT' },
    ]);
    d.close();
  });

  it('stores the extracted text as raw, with format, meta and layout, and records whose raw slices are right', () => {
    const d = new Database(db, { readonly: true });
    const docs = d.prepare('SELECT id, doc_id, format, raw, meta, layout FROM documents ORDER BY doc_id').all() as Array<Record<string, string>>;
    expect(docs.map((x) => [x.doc_id, x.format])).toEqual([['caption', 'pdf'], ['columns', 'pdf'], ['news-page', 'html'], ['pages', 'pdf'], ['policy', 'docx'], ['policy-page', 'html'], ['rotated', 'pdf']]);
    const clean: Record<string, string> = { caption: 'caption.pdf.txt', columns: 'columns.pdf.txt', 'news-page': 'news-page.txt', policy: 'policy.docx.txt', 'policy-page': 'policy-page.txt', rotated: 'rotated.pdf.txt', pages: 'pages.pdf.txt' };
    let spans = 0;
    for (const doc of docs) {
      expect(doc.raw).toBe(readFileSync(join(FX, clean[doc.doc_id!]!), 'utf8'));
      expect(JSON.parse(doc.layout!).kind).toBe(doc.format);
      const rows = d.prepare('SELECT text, raw_start, raw_end FROM mentions WHERE doc = ? UNION ALL SELECT text, raw_start, raw_end FROM figures WHERE doc = ?').all(doc.id, doc.id) as Array<Record<string, any>>;
      for (const r of rows) {
        expect(doc.raw!.slice(r.raw_start, r.raw_end)).toBe(r.text);
        spans++;
      }
    }
    expect(spans).toBeGreaterThan(20);
    expect(JSON.parse(docs.find((x) => x.doc_id === 'columns')!.meta!)).toMatchObject({ date: '2024-09-03', pages: 1 });
    d.close();
  });

  it('the report shows page and box (PDF) or element path (web page) for a record', () => {
    const d = new Database(db, { readonly: true });
    const f = d.prepare("SELECT f.raw_start, f.raw_end FROM figures f JOIN documents d ON d.id = f.doc WHERE d.doc_id = 'columns' AND f.text = '20亿元'").get() as { raw_start: number; raw_end: number };
    const layout = JSON.parse((d.prepare("SELECT layout FROM documents WHERE doc_id = 'columns'").get() as { layout: string }).layout);
    d.close();
    const line = layout.runs.find((r: number[]) => r[0]! <= f.raw_start && f.raw_end <= r[1]!);
    const pdf = cli(['report', 'columns', '--db', db]);
    expect(pdf.code).toBe(0);
    expect(pdf.stdout).toContain(`page: 1 · box (${line[3]}, ${line[4]})–(${line[5]}, ${line[6]}) pt`);
    const html = cli(['report', 'news-page', '--db', db]);
    expect(html.stdout).toContain('element: html&gt;body[1]&gt;main[1]&gt;article[1]&gt;div[2]&gt;p[1]');
  });

  it('--formats limits what a folder walk takes', () => {
    const r = cli(['run', dir, '--db', join(dir, 'only.db'), '--json', '--formats', 'html,docx']);
    // news-page.html, policy.docx; no-article.html and fake.docx fail; policy-page.txt is not walked
    expect(lastJson(r.stdout)).toMatchObject({ processed: 2, failed: 2 });
    const bad = cli(['run', dir, '--db', join(dir, 'x.db'), '--formats', 'html,odt']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('zhnews: --formats takes txt, md, html, docx, pdf; got "html,odt"\n');
  });
});
