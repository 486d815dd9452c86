// Typing aid: turns the hand-written lists in ./src/ into offset JSONL gold.
// It only locates what a person wrote down; it never runs the extraction code.
// Usage: node tests/gold/entities/build.mjs
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const NORM = join(HERE, '..', 'normalized');
const docs = readdirSync(NORM).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
const short = (id) => id.slice(0, 3);

function occurrences(text, s) {
  const out = [];
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) out.push(at);
  return out;
}

for (const id of docs) {
  const text = readFileSync(join(NORM, id + '.txt'), 'utf8');
  const lines = readFileSync(join(HERE, 'src', id + '.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  // candidates per layer: layer 1 = PERSON ORG LOC POLICY (and NONE blockers), layer 2 = PRODUCT EVENT
  const cands = { 1: [], 2: [] };
  for (const l of lines) {
    const m = /^(PERSON|ORG|LOC|POLICY|PRODUCT|EVENT|NONE) (.+?)(?: @(.+))?$/u.exec(l);
    if (!m) throw new Error(`${id}: bad line ${l}`);
    const [, type, surface, ctx] = m;
    const layer = type === 'PRODUCT' || type === 'EVENT' ? 2 : 1;
    let starts = occurrences(text, surface);
    if (ctx) {
      const off = ctx.indexOf(surface);
      if (off < 0) throw new Error(`${id}: context ${ctx} lacks ${surface}`);
      starts = occurrences(text, ctx).map((c) => c + off);
    }
    if (starts.length === 0) throw new Error(`${id}: ${surface} not found`);
    for (const s of starts) cands[layer].push({ type, text: surface, start: s, end: s + surface.length, explicit: !!ctx });
  }
  const out = [];
  for (const layer of [1, 2]) {
    // longest first; an explicit-context entry beats an all-occurrence entry of the same span
    const order = cands[layer].sort((a, b) => b.end - b.start - (a.end - a.start) || Number(b.explicit) - Number(a.explicit) || a.start - b.start);
    const kept = [];
    for (const c of order) {
      if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
      kept.push(c);
    }
    for (const k of kept) if (k.type !== 'NONE') out.push({ type: k.type, text: k.text, start: k.start, end: k.end });
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : 1));
  for (const o of out) if (text.slice(o.start, o.end) !== o.text) throw new Error('slice mismatch');
  writeFileSync(join(HERE, id + '.jsonl'), out.map((o) => JSON.stringify(o)).join('\n') + '\n');

  // relations
  const rels = [];
  for (const l of readFileSync(join(HERE, 'src', 'relations.txt'), 'utf8').split('\n')) {
    if (!l.trim() || l.startsWith('#')) continue;
    const [doc, person, title, org, ctx] = l.split('\t');
    if (doc !== short(id)) continue;
    const at = occurrences(text, ctx);
    if (at.length === 0) throw new Error(`${id}: relation context ${ctx} not found`);
    for (const c of at) {
      const p = c + ctx.lastIndexOf(person);
      const o = c + ctx.indexOf(org);
      rels.push({ type: 'person-title-org', person, personStart: p, personEnd: p + person.length, title, org, orgStart: o, orgEnd: o + org.length });
    }
  }
  writeFileSync(join(HERE, id + '.relations.jsonl'), rels.map((o) => JSON.stringify(o)).join('\n') + (rels.length ? '\n' : ''));

  // quotes: content from the opening words to the closing ” (a caption line may interrupt it)
  const quotes = [];
  for (const l of readFileSync(join(HERE, 'src', 'quotes.txt'), 'utf8').split('\n')) {
    if (!l.trim() || l.startsWith('#')) continue;
    const [doc, speaker, opening, closing] = l.split('\t');
    if (doc !== short(id)) continue;
    const at = occurrences(text, '“' + opening);
    if (at.length !== 1) throw new Error(`${id}: quote ${opening} found ${at.length} times`);
    const start = at[0] + 1;
    const end = closing ? text.indexOf(closing + '”', start) + closing.length : text.indexOf('”', start);
    quotes.push({ start, end, text: text.slice(start, end), speaker: speaker === '-' ? null : speaker });
  }
  writeFileSync(join(HERE, id + '.quotes.jsonl'), quotes.map((o) => JSON.stringify(o)).join('\n') + (quotes.length ? '\n' : ''));
  const counts = {};
  for (const o of out) counts[o.type] = (counts[o.type] ?? 0) + 1;
  console.log(id, JSON.stringify(counts), 'relations', rels.length, 'quotes', quotes.length);
}
