/**
 * CPU seconds per MB of the figure family as the runner runs it: every
 * enabled figure-* rule (one RuleRun per document, its memo shared), the
 * pipeline's figure overlap policy and steps (attribution), with the mentions
 * the default pipeline keeps on that document as subjects. Real news:
 * ../shared/data/clean-news (every third article up to MB megabytes of
 * normalized text). The documents are prepared first (normalize, structure,
 * segment, the other families); what is timed is the figure family alone.
 *   node dist/extract/figures/bench-runner.js [MB] [--null-date] [--interleaved] [--cold] [--repeat N]
 * Default: best of --repeat passes (3) over all documents, each with its own
 * date (--null-date: no date, as src/bench/bench.ts's stage sample runs).
 * --interleaved: one pass instead, the figure family timed right after each
 * document's other stages, as the stage sample of src/bench/bench.ts does
 * (colder: expect a higher figure than the passes give).
 * --cold: the documents prepared first, then --repeat passes from a cold
 * start (no warm-up), each timed: the first costs what --interleaved does,
 * the later ones what the warm passes do (a single pass pays for warming up:
 * interpreting, and the optimizing compiler's threads, which cpuUsage counts).
 * CPU time is process.cpuUsage(): compare numbers of one run, the machine is shared.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FigureHit, RuleContext } from '../rule.js';
import type { Stamped } from '../entities/steps.js';
import type { MentionHit } from '../rule.js';
import { loadPipeline } from '../../pipeline/config.js';
import { normalize } from '../../normalize/index.js';
import { structure } from '../../structure/index.js';
import { loadDictionaries, segment } from '../../segment/index.js';
import { useLexicon } from '../../core/lists.js';
import { RuleRun, registryById, runHits } from '../runner.js';
import { figurePolicy, figureSteps } from '../policies.js';
import { args, numberArg } from '../../bench/args.js';

const positional = args.filter((a, k) => !a.startsWith('--') && args[k - 1] !== '--repeat');
const mb = Number(positional[0] ?? 4);
const repeat = Math.floor(numberArg('--repeat', 3));
const nullDate = args.includes('--null-date');
const interleaved = args.includes('--interleaved');
const cold = args.includes('--cold');
const clean = resolve(process.cwd(), '../shared/data/clean-news/people-daily-2019.jsonl.gz');
if (!existsSync(clean)) {
  console.error(`bench-runner: ${clean} is missing (run from the repository root, beside ../shared)`);
  process.exit(1);
}

const pipeline = loadPipeline();
loadDictionaries(pipeline.segmenter);
useLexicon(pipeline.lexicon);
const overlap = pipeline.config.extract.overlap;
const registry = registryById();
const figureRules = [...registry.values()].filter((r) => r.emits === 'figure' && pipeline.rules.includes(r.id));
const others = new Set(pipeline.rules.filter((id) => registry.get(id)?.emits !== 'figure'));
const policy = figurePolicy(overlap);
const steps = figureSteps(overlap);

interface Prepared {
  ctx: RuleContext;
  mentions: Array<Stamped<MentionHit>>;
}

/** The figure family on one document, as runHits runs it. */
function figureFamily(d: Prepared): number {
  const run = new RuleRun(d.ctx, []);
  const all: Array<Stamped<FigureHit>> = [];
  for (const r of figureRules)
    for (const h of run.output(r.id) as FigureHit[]) {
      const s = h as Stamped<FigureHit>;
      s.rule = r.id;
      s.ruleVersion = r.version;
      all.push(s);
    }
  const figures = policy(all);
  for (const step of steps) step(run.ctx, figures, d.mentions);
  return figures.length;
}

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const lines = gunzipSync(readFileSync(clean)).toString('utf8').split('\n').filter(Boolean);
const docs: Prepared[] = [];
let bytes = 0;
let figures = 0;
let seconds = 0;
for (let i = 0; i < lines.length && bytes < mb * 1e6; i += 3) {
  const a = JSON.parse(lines[i] as string) as { text: string; date?: string };
  const n = normalize(a.text, { passes: pipeline.config.normalize.passes });
  const s = structure(n.text, n.map);
  const ctx: RuleContext = { text: n.text, tokens: segment(n.text), sentences: s.sentences, blocks: s.blocks, docDate: nullDate ? null : (a.date ?? null) };
  const d = { ctx, mentions: runHits(ctx, others, overlap).mentions };
  if (interleaved) {
    const c = cpu();
    figures += figureFamily(d);
    seconds += cpu() - c;
  } else docs.push(d);
  bytes += Buffer.byteLength(n.text, 'utf8');
}
if (cold) {
  const pass = (): number => {
    const c = cpu();
    for (const d of docs) figureFamily(d);
    return cpu() - c;
  };
  const MB = bytes / 1e6;
  const each: string[] = [];
  for (let k = 0; k < repeat; k++) each.push((pass() / MB).toFixed(3));
  console.log(`figure family, prepared documents, dates ${nullDate ? 'null' : 'of the articles'}, ${MB.toFixed(2)} MB: passes from cold ${each.join(', ')} CPU s/MB`);
  process.exit(0);
}
if (!interleaved) {
  for (const d of docs.slice(0, 100)) figureFamily(d); // warm up
  seconds = Infinity;
  for (let pass = 0; pass < repeat; pass++) {
    const c = cpu();
    figures = 0;
    for (const d of docs) figures += figureFamily(d);
    seconds = Math.min(seconds, cpu() - c);
  }
}
const MB = bytes / 1e6;
console.log(
  `figure family (${figureRules.length} rules, ${overlap.figure}, steps: ${overlap.figureSteps.join(', ') || 'none'}), ${interleaved ? 'one interleaved pass' : `best of ${repeat} passes`}, ` +
    `dates ${nullDate ? 'null' : 'of the articles'}: ${MB.toFixed(2)} MB, ${figures} figures, ${seconds.toFixed(3)} CPU s = ${(seconds / MB).toFixed(3)} CPU s/MB (${(MB / seconds).toFixed(1)} MB/s)`,
);
