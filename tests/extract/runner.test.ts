/**
 * The runner is the only executor: for every rule R, running "all rules but
 * R" gives exactly the full output minus what R alone contributed, or each
 * difference is explained by a declared overlap policy or step, or by a
 * declared need (relations need the kept mentions). The test names the
 * explanation of every difference and fails on any it cannot explain.
 * Texts: the five corpus documents, and real clean news when ../shared is
 * present (texts nobody here wrote).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';
import { runHits, runRule, type Hits } from '../../src/extract/runner.js';
import { allRules } from '../../src/extract/registry.js';
import type { RuleContext } from '../../src/extract/rule.js';
import type { Message } from '../../src/core/types.js';
import { MODEL_RULE } from '../../src/extract/entities/overlap.js';

const ROOT = join(import.meta.dirname, '../..');
const CLEAN = join(ROOT, '../shared/data/clean-news/people-daily-2019.jsonl.gz');

function texts(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
    out.push(normalize(readFileSync(join(ROOT, 'corpus', f), 'utf8')).text);
  }
  if (existsSync(CLEAN)) {
    const lines = gunzipSync(readFileSync(CLEAN)).toString('utf8').split('\n').filter(Boolean);
    // every 100th article: spread over both months and all pages
    for (let i = 0; i < lines.length; i += 100) out.push(normalize((JSON.parse(lines[i]!) as { text: string }).text).text);
  }
  return out;
}

interface Rec {
  family: keyof Hits;
  key: string;
  start: number;
  end: number;
  rule: string;
  label: string;
  propagated: boolean;
  ends?: string[];
}

function records(h: Hits): Rec[] {
  const out: Rec[] = [];
  for (const m of h.mentions) {
    const key = `${m.start}:${m.end}:${m.type}:${m.rule}`;
    out.push({ family: 'mentions', key, start: m.start, end: m.end, rule: m.rule, label: m.type, propagated: Boolean(m.attrs?.propagated) });
  }
  for (const f of h.figures) out.push({ family: 'figures', key: `${f.start}:${f.end}:${f.kind}:${f.rule}`, start: f.start, end: f.end, rule: f.rule, label: f.kind, propagated: false });
  for (const q of h.quotes) out.push({ family: 'quotes', key: `${q.start}:${q.end}:${q.rule}`, start: q.start, end: q.end, rule: q.rule, label: 'quote', propagated: false });
  for (const r of h.relations) {
    const head = `${r.head.start}:${r.head.end}:${r.head.type}`;
    // a relation with no tail (person-title) has one end
    const tail = r.tail ? `${r.tail.start}:${r.tail.end}:${r.tail.type}` : null;
    out.push({ family: 'relations', key: `${r.start}:${r.end}:${r.type}:${head}>${tail ?? ''}:${r.rule}`, start: r.start, end: r.end, rule: r.rule, label: r.type, propagated: false, ends: tail ? [head, tail] : [head] });
  }
  return out;
}

const overlaps = (a: Rec, b: Rec): boolean => a.start < b.end && b.start < a.end;

/** Why `d` differs between the full output and the output without `rule`, or null when nothing declared explains it. */
function explain(d: Rec, rule: string, full: Rec[], added: Rec[], removed: Rec[]): string | null {
  const ofR = full.filter((r) => r.rule === rule && r.family === d.family);
  if (d.family === 'relations') {
    const changed = new Set([...added, ...removed].filter((r) => r.family === 'mentions').map((r) => r.key.split(':').slice(0, 3).join(':')));
    const gone = new Set(full.filter((r) => r.rule === rule && r.family === 'mentions').map((r) => r.key.split(':').slice(0, 3).join(':')));
    if (d.ends!.some((e) => changed.has(e) || gone.has(e))) return 'need: relations read the kept mentions, and one end changed';
    // a relation rule reads every kept mention (a title chain runs through several)
    if (changed.size > 0 || gone.size > 0) return 'need: relations read the kept mentions, and others between its ends changed';
    return null;
  }
  if (ofR.some((r) => overlaps(r, d))) return `overlap policy of ${d.family}: the text was ${rule}'s`;
  // rules-then-model: the model may veto a weak rule's span (a cue-word person it does not see, a place inside its name)
  if (d.family === 'mentions' && rule === MODEL_RULE && added.includes(d)) return 'policy rules-then-model: the model no longer vetoes this weak span';
  const chain = [...added, ...removed].filter((r) => r !== d && r.family === d.family);
  if (chain.some((r) => overlaps(r, d))) return `overlap policy of ${d.family}: a span the policy now keeps or drops overlaps it`;
  if (d.family === 'mentions' && d.propagated) return 'step same-name-same-type: the name is now found (or not) elsewhere';
  if (d.family === 'mentions' && full.some((r) => r.family === 'mentions' && r.rule === rule && (r.label === 'EVENT' || r.label === 'PRODUCT') && r.start <= d.start && d.end <= r.end)) {
    return `step names-inside-events: it lay inside ${rule}'s name`;
  }
  return null;
}

describe('the runner runs exactly the enabled rules', () => {
  const docs = texts();
  const ctxs: RuleContext[] = docs.map((t) => contextFor(t, '2024-09-05'));
  const ids = allRules().map((r) => r.id);
  const fulls = ctxs.map((c) => records(runHits(c, new Set(ids))));

  it('runs on more than the corpus when the shared data is there', () => {
    expect(docs.length).toBeGreaterThanOrEqual(5);
    expect(fulls.reduce((n, f) => n + f.length, 0)).toBeGreaterThan(1000);
  });

  for (const rule of ids) {
    it(`all rules but ${rule} = the full output minus ${rule}'s records, up to declared policy and needs`, () => {
      const counts = new Map<string, number>();
      const unexplained: string[] = [];
      ctxs.forEach((ctx, i) => {
        const full = fulls[i]!;
        const without = records(runHits(ctx, new Set(ids.filter((r) => r !== rule))));
        const expected = full.filter((r) => r.rule !== rule);
        const keys = (l: Rec[]) => new Set(l.map((r) => `${r.family}|${r.key}`));
        const ke = keys(expected);
        const kw = keys(without);
        const added = without.filter((r) => !ke.has(`${r.family}|${r.key}`));
        const removed = expected.filter((r) => !kw.has(`${r.family}|${r.key}`));
        for (const d of [...added, ...removed]) {
          const why = explain(d, rule, full, added, removed);
          if (why === null) unexplained.push(`doc ${i}: ${added.includes(d) ? '+' : '-'} ${d.family} ${d.label} ${docs[i]!.slice(d.start, d.end)} (${d.rule})`);
          else counts.set(why, (counts.get(why) ?? 0) + 1);
        }
        // nothing of R's survives its removal
        expect(without.filter((r) => r.rule === rule)).toEqual([]);
      });
      if (counts.size) console.log(`${rule}: ${[...counts].map(([w, n]) => `${n} × ${w}`).join('; ')}`);
      expect(unexplained).toEqual([]);
    });
  }

  it('a rule needing another rule\'s output gets it even when that rule is disabled', () => {
    const text = '思客琦智能装备有限公司位于宁德。思客琦是一家高新技术企业。';
    const ctx = contextFor(text);
    const only = runHits(ctx, new Set(['entity-org-alias']));
    // found once by the alias rule; the same-name step copies it into the full name no rule now claims
    expect(only.mentions.filter((m) => !m.attrs?.propagated).map((m) => [m.start, text.slice(m.start, m.end)])).toEqual([[16, '思客琦']]);
    expect(only.mentions.every((m) => m.rule === 'entity-org-alias')).toBe(true);
  });

  it('a bad span is dropped with a coded message, not stored', () => {
    const messages: Message[] = [];
    const ctx = contextFor('北京市发布通知。');
    const bad = { ...ctx, text: ctx.text };
    // a rule run on a context whose text is shorter than its tokens claim emits spans past the end
    const shortCtx: RuleContext = { ...bad, text: bad.text.slice(0, 2) };
    const hits = runRule('entity-loc-tag', { ...shortCtx, tokens: ctx.tokens }, undefined, messages);
    for (const h of hits) expect(h.end).toBeLessThanOrEqual(2);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({ code: 'W_BAD_SPAN', severity: 'warning', source: 'entity-loc-tag' });
  });
});
