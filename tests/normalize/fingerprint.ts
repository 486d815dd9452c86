/**
 * Fingerprint of normalize()'s whole output — text, offset map (both
 * per-character arrays), repairs and messages — for every clean-news article
 * and two damaged variants of each (the variants npm run bench makes), one
 * SHA-1 a line. A speed change must leave the file byte-identical:
 *
 *   npx vite-node tests/normalize/fingerprint.ts /tmp/before.tsv   (old code)
 *   npx vite-node tests/normalize/fingerprint.ts /tmp/after.tsv    (new code)
 *   cmp /tmp/before.tsv /tmp/after.tsv
 *
 * Reads ../shared/data/clean-news; writes only the file it is given.
 */
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { damage } from '../../src/normalize/damage.js';
import { readCleanNews } from '../../src/normalize/harm.js';
import { normalize } from '../../src/normalize/index.js';

const out = process.argv[2];
const CLEAN = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'clean-news', 'people-daily-2019.jsonl.gz');
if (!out) throw new Error('usage: npx vite-node tests/normalize/fingerprint.ts OUT.tsv');
if (!existsSync(CLEAN)) throw new Error(`${CLEAN} is missing`);

const texts = readCleanNews(CLEAN).map((a) => a.text);
const docs: Array<[string, string]> = texts.map((t, i) => [`clean-${i}`, t]);
for (const seed of [1, 2]) {
  texts.forEach((t, i) => docs.push([`dmg${seed}-${i}`, damage(t.split('\n').map((l) => l.trim()).filter(Boolean), seed * 100_003 + i)]));
}
const lines: string[] = [];
for (const [id, raw] of docs) {
  const n = normalize(raw);
  const h = createHash('sha1');
  h.update(n.text);
  h.update('\0');
  for (const a of [n.map.from, n.map.to]) h.update(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  h.update(`${n.map.sourceLength}\0${n.map.length}\0`);
  h.update(JSON.stringify(n.repairs));
  h.update(JSON.stringify(n.messages ?? []));
  lines.push(`${id}\t${h.digest('hex')}\t${n.repairs.length}\t${n.messages?.length ?? 0}`);
}
writeFileSync(out, lines.join('\n') + '\n');
console.log(`${lines.length} documents fingerprinted into ${out}`);
