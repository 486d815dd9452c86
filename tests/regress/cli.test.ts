/** `regress` end to end on a small corpus of its own: accept, pass, then fail on a diff and on a dropped score. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runRegressCli } from '../../src/cli/regress.js';

const DOC = 'tiny';
const TEXT = '北京经济技术开发区今年前7个月工业总产值增长36.8%，完成投资5亿元。\n刘卫华说：“到2027年建成千亿级产业集群。”\n';

function capture() {
  const out = new PassThrough();
  const err = new PassThrough();
  let o = '';
  let e = '';
  out.on('data', (c) => (o += String(c)));
  err.on('data', (c) => (e += String(c)));
  return { io: { stdout: out, stderr: err }, out: () => o, err: () => e };
}

describe('zhnews regress (CLI)', () => {
  const root = mkdtempSync(join(tmpdir(), 'zhnews-regress-'));
  mkdirSync(join(root, 'corpus'));
  mkdirSync(join(root, 'tests/gold/figures'), { recursive: true });
  writeFileSync(join(root, 'corpus', `${DOC}.txt`), TEXT);
  writeFileSync(
    join(root, 'tests/gold/figures', `${DOC}.jsonl`),
    ['{"text":"36.8%","kind":"percent","value":36.8,"unit":"%","qualifier":"exact","line":1}',
     '{"text":"5亿元","kind":"money","value":500000000,"unit":"CNY","qualifier":"exact","line":1}'].join('\n') + '\n',
  );
  const baseline = join(root, 'tests/baseline/default.jsonl');
  const scores = join(root, 'tests/baseline/default.scores.json');

  it('fails without a baseline, and says how to make one', async () => {
    const c = capture();
    expect(await runRegressCli({ root }, c.io)).toBe(1);
    expect(c.out()).toContain('regress --accept');
    expect(existsSync(baseline)).toBe(false);
  });

  it('--accept writes the baseline and scores; then it passes', async () => {
    let c = capture();
    expect(await runRegressCli({ root, accept: true }, c.io)).toBe(0);
    const lines = readFileSync(baseline, 'utf8').trim().split('\n');
    expect(lines.some((l) => l.includes('"label":"figure:percent"') && l.includes('"text":"36.8%"'))).toBe(true);
    expect(JSON.parse(readFileSync(scores, 'utf8')).coverage.figure).toEqual({ docs: 1, of: 1 });
    c = capture();
    expect(await runRegressCli({ root }, c.io)).toBe(0);
    expect(c.out()).toContain('regress: ok');
  });

  it('fails on a difference from the baseline, showing it by rule with context', async () => {
    const before = readFileSync(baseline, 'utf8');
    const kept = before.split('\n').filter((l) => !l.includes('"text":"5亿元"'));
    writeFileSync(baseline, kept.join('\n'));
    const c = capture();
    expect(await runRegressCli({ root }, c.io)).toBe(1);
    expect(c.out()).toMatch(/rule figure-money: \+1 −0 ~0/);
    expect(c.out()).toContain('【5亿元】');
    writeFileSync(baseline, before);
  });

  it('fails when a score drops below the stored one', async () => {
    const before = readFileSync(scores, 'utf8');
    const s = JSON.parse(before);
    s.byLabel['figure:money'].precision = 1;
    s.byLabel['figure:money'].recall = 1;
    s.byLabel['figure:fake'] = { gold: 1, pred: 1, tpGold: 1, tpPred: 1, precision: 1, recall: 1, f1: 1 };
    writeFileSync(scores, JSON.stringify(s));
    const c = capture();
    expect(await runRegressCli({ root, json: true }, c.io)).toBe(1);
    const r = JSON.parse(c.out()) as { ok: boolean; drops: Array<{ key: string }> };
    expect(r.ok).toBe(false);
    expect(r.drops.map((d) => d.key)).toContain('figure:fake');
    writeFileSync(scores, before);
    expect(await runRegressCli({ root }, capture().io)).toBe(0);
  });
});
