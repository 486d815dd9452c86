/**
 * Seeded damage generator modelled on the corpus census
 * (shared/NORMALIZATION.md): fake-bold doubling per run and per unit,
 * justified and stray spaces, CJK–digit spaces, hard wraps with and without
 * a blank line after every line, half-width punctuation and ASCII quotes,
 * ⋯⋯ for ……, converter bookmarks, markdown heading marks and bullets,
 * CRLF line endings and a BOM. Deterministic for a given seed.
 */

import { rng } from '../core/rng.js';

export { rng };

export interface DamageOptions {
  /** probability that a paragraph is hard-wrapped */
  wrap?: number;
  /** probability of each kind of in-line damage per paragraph */
  rate?: number;
  /** wrapped paragraphs start with a line two characters short (indented print layout) */
  indent?: boolean;
}

const HAN_RE = /[\u4e00-\u9fff]/;
const PUNCT_CUT_RE = /([，。、；：！？“”‘’（）《》…—\s])/;
const HALF: Record<string, string> = { '，': ',', '；': ';', '：': ':', '！': '!', '？': '?', '（': '(', '）': ')', '“': '"', '”': '"' };

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** Every run written twice, runs cut at punctuation and script changes (fake bold). */
export function doubleRuns(line: string, r: () => number): string {
  const parts = line.split(PUNCT_CUT_RE).filter((p) => p.length > 0);
  const out: string[] = [];
  for (const p of parts) {
    if (/^\s+$/.test(p)) {
      out.push(p);
      continue;
    }
    // split further at script changes
    const runs = p.match(/[\u4e00-\u9fff]+|[0-9]+|[A-Za-z]+|[^\u4e00-\u9fff0-9A-Za-z]+/g) ?? [p];
    for (const run of runs) {
      if (/^[A-Za-z0-9]+$/.test(run) && r() < 0.5) {
        // per-character doubling: T1 -> TT11
        out.push([...run].map((c) => c + c).join(''));
      } else if (HAN_RE.test(run) && run.length > 6 && r() < 0.3) {
        // rarely a run breaks inside a Han run
        const k = 1 + Math.floor(r() * (run.length - 1));
        out.push(run.slice(0, k) + run.slice(0, k) + run.slice(k) + run.slice(k));
      } else out.push(run + run);
    }
  }
  return out.join('');
}

export function justify(line: string, r: () => number): string {
  const full = r() < 0.7;
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(chars[i]!);
    const a = chars[i]!;
    const b = chars[i + 1];
    if (b === undefined) break;
    // a run of ASCII stays whole ("T1", "8.5", "1/3", "1+N"): print spreads Chinese cells
    if (/[!-~]/.test(a) && /[!-~]/.test(b)) continue;
    if (full || r() < 0.5) out.push(' ');
  }
  return out.join('');
}

export function straySpaces(line: string, r: () => number, every = 18): string {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    out.push(chars[i]!);
    if (i > 0 && i % every === every - 1 && i + 1 < chars.length && HAN_RE.test(chars[i + 1]!) && r() < 0.8) out.push(' ');
  }
  return out.join('');
}

export function digitSpaces(line: string): string {
  return line.replace(/([\u4e00-\u9fff])([0-9A-Za-z]+)(?=[\u4e00-\u9fff])/g, '$1 $2 ');
}

export function halfPunct(line: string): string {
  return line.replace(/[，；：！？（）“”]/g, (c) => HALF[c] ?? c).replace(/‘|’/g, "'");
}

/**
 * Hard-wrap a paragraph at `width` characters. With `indent`, the first line
 * holds that many characters fewer (a printed paragraph's first-line indent,
 * whose spaces the extraction dropped).
 */
export function wrap(par: string, width: number, indent = 0): string[] {
  const chars = [...par];
  const lines: string[] = [];
  const first = Math.max(1, width - indent);
  if (chars.length > 0) lines.push(chars.slice(0, first).join(''));
  for (let i = first; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines;
}

/**
 * Damage a document given as clean paragraphs (one per element).
 * Returns the raw text.
 */
export function damage(paragraphs: string[], seed: number, opts: DamageOptions = {}): string {
  const r = rng(seed);
  const wrapP = opts.wrap ?? 0.6;
  const rate = opts.rate ?? 0.3;
  const width = 12 + Math.floor(r() * 11);
  const blankEvery = r() < 0.5;
  const crlf = r() < 0.1;
  const out: string[] = [];
  for (const par0 of paragraphs) {
    let par = par0;
    if (r() < rate * 0.3) par = par.replace(/……/g, '⋯⋯');
    if (r() < rate * 0.5) par = digitSpaces(par);
    if (r() < rate * 0.3) par = halfPunct(par);
    let lines: string[] = r() < wrapP && [...par].length > width ? wrap(par, width, opts.indent ? 2 : 0) : [par];
    lines = lines.map((l) => {
      const k = r();
      if (k < rate * 0.15) return justify(l, r);
      if (k < rate * 0.3) return straySpaces(l, r, 8 + Math.floor(r() * 12));
      return l;
    });
    if (r() < rate * 0.1) {
      // fake bold on a short caption-like paragraph
      lines = lines.map((l) => doubleRuns(l, r));
    }
    const k = r();
    if (k < rate * 0.05) lines[0] = '[bookmark: _GoBack]' + lines[0];
    else if (k < rate * 0.1) lines[0] = pick(r, ['□ ', '■ ', '#### ', '● ', ' ']) + lines[0];
    for (const l of lines) {
      out.push(l);
      if (blankEvery) out.push('');
    }
    if (!blankEvery && r() < 0.5) out.push('');
  }
  let text = out.join(crlf ? '\r\n' : '\n');
  if (r() < 0.05) text = '\ufeff' + text;
  return text;
}
