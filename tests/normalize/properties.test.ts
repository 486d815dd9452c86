import { describe, expect, it } from 'vitest';
import { damage, rng } from '../../src/normalize/damage.js';
import { normalize } from '../../src/normalize/index.js';
import type { Repair } from '../../src/core/types.js';
import { corpusDocs, goldText, naturalSentences } from './helpers.js';

/** Clean paragraphs to damage: the gold documents and the natural sentences. */
function cleanPool(): string[] {
  const pool: string[] = [];
  for (const { id } of corpusDocs()) for (const l of goldText(id).split('\n')) if (l.length >= 4) pool.push(l);
  for (const s of naturalSentences()) pool.push(s);
  return pool;
}

const POOL = cleanPool();
const DOCS = 2500;

function sample(seed: number): string {
  const r = rng(seed * 7919 + 17);
  const n = 1 + Math.floor(r() * 6);
  const pars: string[] = [];
  for (let i = 0; i < n; i++) pars.push(POOL[Math.floor(r() * POOL.length)]!);
  return damage(pars, seed, { rate: 0.2 + r() * 0.8, wrap: r() });
}

/** Repairs whose effect depends on context beyond their own characters. */
const CONTEXT_PASSES = new Set(['dedup', 'reflow']);

function cuts(reps: Repair[], rs: number, re: number): boolean {
  for (const r of reps) {
    if (r.rawEnd <= r.rawStart) continue;
    if (r.rawStart < rs && rs < r.rawEnd) return true;
    if (r.rawStart < re && re < r.rawEnd) return true;
    // context-driven repairs must lie wholly outside the slice
    if (CONTEXT_PASSES.has(r.pass) && r.rawEnd > rs && r.rawStart < re) return true;
    // punctuation and spacing decisions look at a neighbour on each side
    if (r.rawEnd > rs - 2 && r.rawStart < re + 2 && (r.pass === 'punctuation' || r.pass === 'spacing' || r.pass === 'artifacts')) {
      if (r.rawStart < rs + 2 || r.rawEnd > re - 2) return true;
    }
  }
  return false;
}

describe('offset-map properties over generated damage', () => {
  it(`maps are monotonic and every span maps into raw (${DOCS} documents)`, () => {
    for (let seed = 1; seed <= DOCS; seed++) {
      const raw = sample(seed);
      const d = normalize(raw);
      d.map.assertMonotonic();
      expect(d.map.length).toBe(d.text.length);
      expect(d.map.sourceLength).toBe(raw.length);
      expect(d.text).not.toMatch(/\n\n|^\n|\n$/);
      const r = rng(seed);
      for (let k = 0; k < 10 && d.text.length > 0; k++) {
        const s = Math.floor(r() * d.text.length);
        const e = s + Math.floor(r() * Math.min(40, d.text.length - s + 1));
        const [rs, re] = d.map.span(s, e);
        expect(rs).toBeGreaterThanOrEqual(0);
        expect(re).toBeLessThanOrEqual(raw.length);
        expect(rs).toBeLessThanOrEqual(re);
        if (e > s) expect(re).toBeGreaterThan(rs);
      }
      for (const rep of d.repairs) {
        expect(rep.rawStart).toBeGreaterThanOrEqual(0);
        expect(rep.rawEnd).toBeLessThanOrEqual(raw.length);
        expect(rep.rawStart).toBeLessThanOrEqual(rep.rawEnd);
      }
    }
  });

  it('normalizing the raw slice of a span that cuts no repair gives back the span', () => {
    let checked = 0;
    const failures: string[] = [];
    for (let seed = 1; seed <= DOCS; seed++) {
      const raw = sample(seed);
      const d = normalize(raw);
      const lines = d.text.split('\n');
      const r = rng(seed ^ 0x5bd1e995);
      let off = 0;
      for (const line of lines) {
        for (let k = 0; k < 3 && line.length > 2; k++) {
          const s = off + Math.floor(r() * line.length);
          const e = Math.min(off + line.length, s + 2 + Math.floor(r() * 30));
          const span = d.text.slice(s, e);
          // spaces that separate fields and quote direction depend on the whole line
          if (/[ “”‘’"']/.test(span)) continue;
          // a dash opening a line is a 破折号; a slice would fake a line start
          if (/^[—-]/.test(span) && s > off) continue;
          const [rs, re] = d.map.span(s, e);
          if (cuts(d.repairs, rs, re)) continue;
          // whether a space separates fields is decided on the whole line
          // (a short line without a sentence end may be a title's halves
          // or a list of names, spaces spread along a line are column
          // ends); a slice of a line cannot carry that decision
          const slice = raw.slice(rs, re);
          if (/ /.test(slice) && e - s < line.length) continue;
          const again = normalize(raw.slice(rs, re)).text;
          checked++;
          if (again !== span) failures.push(`seed ${seed}: ${JSON.stringify(raw.slice(rs, re))} -> ${JSON.stringify(again)}, want ${JSON.stringify(span)}`);
        }
        off += line.length + 1;
      }
    }
    console.log(`round-trip spans checked: ${checked}, failures: ${failures.length}`);
    if (failures.length) console.log(failures.slice(0, 20).join('\n'));
    expect(checked).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  });

  it('generated damage is deterministic per seed', () => {
    expect(sample(42)).toBe(sample(42));
    expect(sample(42)).not.toBe(sample(43));
  });
});
