/**
 * The runner: runs the enabled rules over a document and turns their hits
 * (normalized coordinates) into stored records: rule id/version stamped,
 * offsets mapped to raw in one place, `text` = raw slice, `norm` = normalized
 * slice, and the sentence each record starts in. Spans are checked here:
 * a rule emitting an empty, reversed or out-of-range span is a bug, and the
 * hit is dropped with a coded message rather than stored wrong.
 */
import type { Extractions, Figure, Mention, Quote, Relation, Sentence } from '../core/types.js';
import type { OffsetMap } from '../core/offsets.js';
import type { RuleContext } from './rule.js';
import { allRules } from './registry.js';
import { extractFigures } from './packs/figures.js';
import { extractEntities } from './packs/entities.js';

export interface RunnerInput {
  ctx: RuleContext;
  raw: string;
  map: OffsetMap;
  /** ids of the rules to keep */
  rules: ReadonlySet<string>;
}

export interface RunnerMessage {
  code: 'W_BAD_SPAN';
  rule: string;
  message: string;
}

const versions = new Map(allRules().map((r) => [r.id, r.version]));

export function ruleVersion(id: string): number {
  return versions.get(id) ?? 0;
}

/** Index of the last sentence starting at or before normalized offset p (sentences sorted by start), or -1. */
export function sentenceAt(sentences: readonly Sentence[], p: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= p) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // a position between sentences (whitespace) belongs to the one before it
  return best >= 0 ? sentences[best]!.index : -1;
}

export function runRules(input: RunnerInput, messages: RunnerMessage[] = []): Extractions {
  const { ctx, raw, map, rules } = input;
  const n = ctx.text.length;
  const okSpan = (rule: string, s: number, e: number): boolean => {
    if (Number.isInteger(s) && Number.isInteger(e) && s >= 0 && e <= n && s < e) return true;
    messages.push({ code: 'W_BAD_SPAN', rule, message: `rule ${rule} emitted span [${s}, ${e}) outside 1..${n}` });
    return false;
  };
  const place = (s: number, e: number) => {
    const [rawStart, rawEnd] = map.span(s, e);
    return { start: s, end: e, rawStart, rawEnd, text: raw.slice(rawStart, rawEnd), norm: ctx.text.slice(s, e), sentence: sentenceAt(ctx.sentences, s) };
  };

  const figures: Figure[] = [];
  for (const hit of extractFigures(ctx.text, ctx.docDate)) {
    const rule = String(hit.attrs?.rule ?? '');
    if (!rules.has(rule) || !okSpan(rule, hit.start, hit.end)) continue;
    const { rule: _r, ...attrs } = hit.attrs ?? {};
    figures.push({ ...hit, ...place(hit.start, hit.end), attrs: Object.keys(attrs).length ? attrs : undefined, rule, ruleVersion: ruleVersion(rule) } as Figure);
  }

  const ent = extractEntities(ctx, { rules });
  const mentions: Mention[] = [];
  const mentionIndex = new Map<string, number>();
  for (const hit of ent.mentions) {
    if (!rules.has(hit.rule) || !okSpan(hit.rule, hit.start, hit.end)) continue;
    mentionIndex.set(`${hit.start}:${hit.end}:${hit.type}`, mentions.length);
    mentions.push({ type: hit.type, ...place(hit.start, hit.end), attrs: hit.attrs, rule: hit.rule, ruleVersion: hit.ruleVersion });
  }
  const quotes: Quote[] = [];
  for (const hit of ent.quotes) {
    if (!rules.has(hit.rule) || !okSpan(hit.rule, hit.start, hit.end)) continue;
    let speakerRaw: [number, number] | [null, null] = [null, null];
    if (hit.speakerStart != null && hit.speakerEnd != null && hit.speakerStart < hit.speakerEnd && hit.speakerEnd <= n) {
      speakerRaw = map.span(hit.speakerStart, hit.speakerEnd);
    }
    const { sentence: _s, ...p } = place(hit.start, hit.end);
    quotes.push({ ...hit, ...p, speakerRawStart: speakerRaw[0], speakerRawEnd: speakerRaw[1], rule: hit.rule, ruleVersion: hit.ruleVersion });
  }
  const relations: Relation[] = [];
  for (const hit of ent.relations) {
    if (!rules.has(hit.rule) || !okSpan(hit.rule, hit.start, hit.end)) continue;
    const head = mentionIndex.get(`${hit.head.start}:${hit.head.end}:${hit.head.type}`);
    const tail = mentionIndex.get(`${hit.tail.start}:${hit.tail.end}:${hit.tail.type}`);
    if (head === undefined || tail === undefined) continue;
    const { sentence: _s, norm: _n, ...p } = place(hit.start, hit.end);
    relations.push({ type: hit.type, head, tail, label: hit.label ?? null, ...p, rule: hit.rule, ruleVersion: hit.ruleVersion });
  }
  return { mentions, figures, quotes, relations };
}
