import { describe, expect, it } from 'vitest';
import { esc, renderReport, segments, type ReportData } from '../../src/report/html.js';
import { makeDb, SPEC_A, SPEC_B } from '../query/fixture.js';
import { openQueryDb, findDocument } from '../../src/query/index.js';
import { reportDataFromDb } from '../../src/report/data.js';
import { runReport } from '../../src/cli/report.js';
import { PassThrough } from 'node:stream';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('segments', () => {
  it('cuts at every boundary and lists covering spans outermost first', () => {
    // quote [0,10) ⊃ figure [3,6); relation [5,12) crosses both
    const segs = segments(14, [
      { id: 'q', start: 0, end: 10 },
      { id: 'f', start: 3, end: 6 },
      { id: 'r', start: 5, end: 12 },
    ]);
    expect(segs.map((s) => [s.start, s.end, s.ids.join(',')])).toEqual([
      [0, 3, 'q'],
      [3, 5, 'q,f'],
      [5, 6, 'q,r,f'],
      [6, 10, 'q,r'],
      [10, 12, 'r'],
      [12, 14, ''],
    ]);
  });
  it('covers the text exactly once, for any spans', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 200; t++) {
      const len = 1 + rnd(40);
      const spans = Array.from({ length: rnd(8) }, (_, i) => {
        const a = rnd(len + 3) - 1;
        return { id: `s${i}`, start: a, end: a + rnd(12) };
      });
      const segs = segments(len, spans);
      expect(segs[0]!.start).toBe(0);
      expect(segs.at(-1)!.end).toBe(len);
      for (let i = 1; i < segs.length; i++) expect(segs[i]!.start).toBe(segs[i - 1]!.end);
      for (const s of segs) {
        for (const sp of spans) {
          const covers = Math.max(0, sp.start) <= s.start && Math.min(len, sp.end) >= s.end && Math.max(0, sp.start) < Math.min(len, sp.end);
          expect(s.ids.includes(sp.id)).toBe(covers);
        }
      }
    }
  });
});

describe('escaping', () => {
  it('escapes the five HTML characters', () => {
    expect(esc(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
  it('never emits document text as markup', () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';
    const data: ReportData = {
      docId: evil, path: evil, raw: evil, normalized: evil, encoding: evil, pipeline: evil, source: evil,
      items: [{ id: 'f0', group: 'figure', label: `figure:${evil}`, start: 0, end: 8, rawStart: 0, rawEnd: 8, text: evil, rule: evil, ruleVersion: 1, details: [[evil, evil]] }],
      repairs: [{ id: 'p0', pass: evil, kind: evil, rawStart: 1, rawEnd: 3, before: evil, after: evil }],
    };
    const html = renderReport(data);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html.match(/<script>/g)).toHaveLength(1); // ours
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(html).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//);
  });
});

describe('rendering overlaps and insertions', () => {
  const data: ReportData = {
    docId: 'd', path: 'd.txt', raw: '甲“投资5亿元”乙', normalized: '甲“投资5亿元”乙',
    items: [
      { id: 'q0', group: 'quote', label: 'quote', start: 1, end: 8, rawStart: 1, rawEnd: 8, text: '“投资5亿元”', rule: 'quote-x', ruleVersion: 1, details: [] },
      { id: 'f0', group: 'figure', label: 'figure:money', start: 4, end: 7, rawStart: 4, rawEnd: 7, text: '5亿元', rule: 'figure-money', ruleVersion: 3, details: [['value', '5e8 CNY']] },
      { id: 'r0', group: 'relation', label: 'relation:x', start: 0, end: 9, rawStart: 0, rawEnd: 9, text: '', rule: 'rel', ruleVersion: 1, details: [] },
    ],
    repairs: [{ id: 'p0', pass: 'spacing', kind: 'space', rawStart: 2, rawEnd: 2, before: '', after: ' ' }],
  };
  const html = renderReport(data);
  const norm = html.slice(html.indexOf('id="norm"'));
  it('gives the innermost span the background and the outer ones underlines', () => {
    expect(norm).toMatch(/data-ids="r0 q0 f0"[^>]*style="background:var\(--t-figure\);box-shadow:inset 0 -2px 0 var\(--t-quote\),inset 0 -4px 0 var\(--t-relation\)">5亿元</);
    // a relation alone only underlines
    expect(norm).toMatch(/data-ids="r0"[^>]*style="box-shadow:inset 0 -2px 0 var\(--t-relation\)">甲</);
  });
  it('shows rule, value and both offsets on hover', () => {
    expect(norm).toContain('title="relation:x · rule rel v1 · normalized [0, 9) · raw [0, 9)\nquote · rule quote-x v1');
    expect(norm).toContain('figure:money · rule figure-money v3 · value: 5e8 CNY · normalized [4, 7) · raw [4, 7)');
  });
  it('marks an insertion point in the raw text', () => {
    const raw = html.slice(html.indexOf('id="raw"'), html.indexOf('id="norm"'));
    expect(raw).toMatch(/<span class="pt" data-ids="p0" title="repair spacing\/space/);
  });
});

describe('report from the database', () => {
  it('renders every extraction and repair of a stored document', () => {
    const file = makeDb();
    const db = openQueryDb(file);
    const doc = findDocument(db, 'doc-a')!;
    const data = reportDataFromDb(db, doc.id);
    db.close();
    expect(data.items.filter((i) => i.group === 'entity')).toHaveLength(SPEC_A.mentions.length);
    expect(data.items.filter((i) => i.group === 'figure')).toHaveLength(SPEC_A.figures.length);
    expect(data.repairs.length).toBeGreaterThan(0);
    const html = renderReport(data);
    for (const it of data.items) expect(html).toContain(`data-go="${it.id}"`);
    for (const r of data.repairs) expect(html).toContain(`data-go="${r.id}"`);
    // the figure inside the quote's sentence and the quote both mark their segments
    expect(html).toMatch(/data-ids="[^"]*\bq0\b[^"]*"/);
  });
  it('shows metric, subject with its entity, time and period of a figure on hover', () => {
    const file = makeDb();
    const db = openQueryDb(file);
    const data = reportDataFromDb(db, findDocument(db, 'doc-a')!.id);
    db.close();
    const pct = data.items.find((i) => i.text === '36.8%')!;
    expect(pct.details).toEqual(
      expect.arrayContaining([
        ['metric', '工业总产值增长'],
        ['subject', '北京经济技术开发区 (ORG:北京经济技术开发区)'],
        ['time', '今年前7个月'],
        ['period', '2024-01-01 – 2024-07-31'],
      ]),
    );
    expect(renderReport(data)).toContain('period: 2024-01-01 – 2024-07-31');
  });
  it('CLI writes the page, finds a document by path, and exits 2 for an unknown one', async () => {
    const file = makeDb([SPEC_A, SPEC_B]);
    const out = join(mkdtempSync(join(tmpdir(), 'zhnews-report-')), 'b.html');
    const io = { stdout: new PassThrough(), stderr: new PassThrough() };
    expect(await runReport('corpus/doc-b.txt', { db: file, output: out }, io)).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(await runReport('no-such-doc', { db: file, output: out }, io)).toBe(2);
  });
});
