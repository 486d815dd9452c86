/**
 * The input tree the scale-out tests process three ways: the corpus, a few
 * hundred documents recombined from the corpus's own lines (consecutive runs
 * of lines, re-damaged by the seeded generator, some with a manifest date),
 * files in other encodings, and files that must fail (empty, binary), so that
 * errors are compared too.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damage, rng } from '../../src/normalize/damage.js';
import { CORPUS, ROOT } from '../foundation/helpers.js';

export interface InputTree {
  /** the folder holding `in/` (run every command from here) */
  dir: string;
  /** how many files under in/ (documents and failing files) */
  files: number;
  /** how many of them must fail */
  failing: number;
}

export function makeInputs(dir: string, generated = 240, seed = 15): InputTree {
  const input = join(dir, 'in');
  cpSync(CORPUS, join(input, 'corpus'), { recursive: true });
  const lines: string[][] = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(CORPUS, f), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length >= 6));
  const r = rng(seed);
  const gen = join(input, 'gen');
  mkdirSync(gen, { recursive: true });
  const manifest: string[] = [];
  for (let i = 0; i < generated; i++) {
    const src = lines[Math.floor(r() * lines.length)]!;
    const n = 4 + Math.floor(r() * 18);
    const at = Math.floor(r() * Math.max(1, src.length - n));
    const paragraphs = src.slice(at, at + n);
    const text = r() < 0.5 ? damage(paragraphs, seed * 1000 + i, { wrap: 0.3, rate: 0.4 }) : paragraphs.join('\n');
    const name = `g${String(i).padStart(4, '0')}.txt`;
    writeFileSync(join(gen, name), text);
    if (i % 3 === 0) manifest.push(JSON.stringify({ id: name.slice(0, -4), file: name, date: `2024-0${1 + (i % 9)}-1${i % 10}` }));
  }
  writeFileSync(join(gen, 'manifest.jsonl'), manifest.join('\n') + '\n');
  const enc = join(input, 'encodings');
  mkdirSync(enc);
  for (const f of ['gbk.txt', 'big5.txt', 'utf16le-bom.txt']) cpSync(join(ROOT, 'tests/fixtures/encodings', f), join(enc, f));
  const bad = join(input, 'bad');
  mkdirSync(bad);
  writeFileSync(join(bad, 'empty.txt'), '');
  writeFileSync(join(bad, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3, 0, 0, 0, 0]));
  return { dir, files: 5 + generated + 3 + 2, failing: 2 };
}
