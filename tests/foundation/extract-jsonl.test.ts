import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { BIN, ROOT, cli } from './helpers.js';

describe('zhnews extract --jsonl (streaming filter)', () => {
  const doc = readFileSync('corpus/000_df42f2bb45961d64.txt', 'utf8');
  const input = [
    JSON.stringify({ id: 'a', text: '今年前 7 个月，天津市南开区固定资产投资同比增长 36.8%。' }),
    'this is not json',
    JSON.stringify({ id: 'c', path: 'corpus/000_df42f2bb45961d64.txt' }),
    JSON.stringify({ id: 'd' }),
    JSON.stringify({ text: '北京经济技术开发区管委会副主任孔磊说，到2027年将形成千亿级产业集群。' }),
    JSON.stringify({ id: 'f', path: 'corpus/nope.txt' }),
  ].join('\n');
  const r = cli(['extract', '--jsonl'], { input });
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));

  it('answers every line in order, errors included, and goes on after a bad line', () => {
    expect(out).toHaveLength(6);
    expect(out[0].id).toBe('a');
    expect(out[1]).toEqual({ error: 'line 2: not valid JSON' });
    expect(out[2].id).toBe('c');
    expect(out[3]).toEqual({ id: 'd', error: 'line 4: needs "text" (string) or "path" (string)' });
    expect(out[4].id).toBeUndefined();
    expect(out[5].id).toBe('f');
    expect(out[5].error).toMatch(/corpus\/nope\.txt: no such file/);
    expect(r.code).toBe(1);
  });

  it('refuses --jsonl with files named beside it, instead of reading stdin and ignoring them', () => {
    const r2 = cli(['extract', '--jsonl', 'corpus/000_df42f2bb45961d64.txt'], { input: '' });
    expect(r2.code).toBe(2);
    expect(r2.stdout).toBe('');
    expect(r2.stderr).toMatch(/--jsonl reads .* stdin .*ignore the 1 file\(s\) given \(corpus\/000_df42f2bb45961d64\.txt…\); drop --jsonl/);
  });

  it('returns normalized text and figures with normalized and raw offsets', () => {
    const a = out[0];
    expect(a.normalized).toBe('今年前7个月，天津市南开区固定资产投资同比增长36.8%。');
    const src = '今年前 7 个月，天津市南开区固定资产投资同比增长 36.8%。';
    const pct = a.figures.find((f: any) => f.unit === '%');
    expect(pct).toMatchObject({ kind: 'percent', value: 36.8, qualifier: 'exact', text: '36.8%' });
    for (const rec of [...a.figures, ...a.entities]) {
      expect(src.slice(rec.rawStart, rec.rawEnd)).toBe(rec.text);
      expect(a.normalized.slice(rec.start, rec.end)).toBe(rec.norm);
      expect(rec.rule).toMatch(/^[a-z0-9-]+$/);
    }
    const period = a.figures.find((f: any) => f.kind === 'period' || f.kind === 'date');
    expect(period.text).toBe('今年前 7 个月');
  });

  it('reads documents by path with offsets into the file', () => {
    const c = out[2];
    expect(c.figures.length).toBeGreaterThan(30);
    for (const f of c.figures) expect(doc.slice(f.rawStart, f.rawEnd)).toBe(f.text);
    for (const e of c.entities) expect(doc.slice(e.rawStart, e.rawEnd)).toBe(e.text);
  });

  it('has the record shape every consumer relies on', () => {
    const e = out[4];
    // the first shape's fields stay; the record grew what `load` needs (src/pipeline/records.ts)
    expect(Object.keys(e)).toEqual(expect.arrayContaining(['entities', 'figures', 'normalized', 'quotes', 'relations']));
    expect(e.schemaVersion).toBe(1);
    const money = e.figures.find((f: any) => f.text.includes('千亿'));
    expect(money).toBeDefined();
    for (const f of e.figures) for (const k of ['kind', 'text', 'value', 'unit', 'qualifier', 'start', 'end', 'rawStart', 'rawEnd', 'rule']) expect(f).toHaveProperty(k);
  });

  it('ends quietly when the reader closes the pipe early (extract … | head -1)', () => {
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `n${i}`, path: 'corpus/000_df42f2bb45961d64.txt' })).join('\n');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" extract --jsonl | head -1 >/dev/null; echo "status \${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      input: lines,
      encoding: 'utf8',
    });
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled|at /);
  });
});
