import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CORPUS = join(ROOT, 'corpus');
export const GOLD = join(ROOT, 'tests', 'gold');

export function corpusDocs(): Array<{ id: string; raw: string }> {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.slice(0, -4), raw: readFileSync(join(CORPUS, f), 'utf8') }));
}

export function goldText(id: string): string {
  return readFileSync(join(GOLD, 'normalized', `${id}.txt`), 'utf8').replace(/\n$/, '');
}

export interface DamagedLine {
  doc: string;
  line: number;
  lines?: number[];
  raw: string;
  clean: string;
  note?: string;
}

export function damagedLines(): DamagedLine[] {
  return readFileSync(join(GOLD, 'normalize', 'damaged-lines.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DamagedLine);
}

export function naturalSentences(): string[] {
  return readFileSync(join(GOLD, 'normalize', 'natural.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

/** Lines of `a` and `b` in common (LCS), and the differing lines. */
export function lineDiff(a: string[], b: string[]): { common: number; onlyA: string[]; onlyB: string[] } {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = [];
  for (let i = 0; i <= n; i++) dp.push(new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
    }
  }
  const onlyA: string[] = [];
  const onlyB: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) onlyA.push(a[i++]!);
    else onlyB.push(b[j++]!);
  }
  while (i < n) onlyA.push(a[i++]!);
  while (j < m) onlyB.push(b[j++]!);
  return { common: dp[0]![0]!, onlyA, onlyB };
}
