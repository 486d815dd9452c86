/**
 * Named steps of the mention family, run by the runner after the mention
 * overlap policy (pipelines declare them under extract.overlap.mentionSteps):
 *  - `same-name-same-type`: a PERSON or ORG name the rules found once is the
 *    same entity wherever the document writes it again on token boundaries,
 *    outside other mentions; each copy keeps the stamp of the rule that found
 *    the name, with attrs.propagated = true. Names a bare jieba tag or the
 *    person rule's own document pass found are not copied, nor the entity
 *    model's except persons of three characters or more (`propagates`).
 *  - `names-inside-events`: an EVENT or PRODUCT name is not an organisation,
 *    so the PERSON, ORG and LOC candidates inside it are kept as well (华为 in
 *    华为全联接大会), the longest first.
 *  - `persons-inside-titles`: the persons the entity model reads inside a
 *    POLICY title (邓小平 in 《邓小平理论学习纲要》) are kept as well.
 * And one step after the relation rules:
 *  - `person-affiliation`: a person's affiliation (for resolution when names
 *    collide) is the body of its first title relation.
 */
import type { MentionHit, RelationHit, RuleContext } from '../rule.js';
import { indexTokens } from './tokens.js';
import { wordSet } from '../../core/lists.js';
import { longestMostSpecific } from './overlap.js';

export type Stamped<T> = T & { rule: string; ruleVersion: number };

/** A mention step: the kept mentions in, the kept mentions out; `all` is every enabled rule's candidate. */
export type MentionStep = (ctx: RuleContext, kept: Array<Stamped<MentionHit>>, all: Array<Stamped<MentionHit>>) => Array<Stamped<MentionHit>>;


/**
 * Names that are copied, measured on the dev blocks (src/eval/mention-errors.ts):
 * not a bare jieba tag's (jieba-nt: 0 right, 6 wrong copies on MSRA dev:
 * 全国人民代表大会 inside 第六届全国人民代表大会), not a name the person rule
 * itself took from elsewhere in the document (`document`: 1 right, 7 wrong),
 * and of the entity model's, which has read every occurrence already, only
 * persons of three characters or more (6 right, 1 wrong; its shorter persons
 * and its organisations were wrong copies more often than right: 苏铁, 葛仙
 * 17 right, 37 wrong; organisations 5 right, 10 wrong).
 */
const NOT_PROPAGATED_SOURCES = new Set(['jieba-nt', 'jieba-nr', 'jieba-nrt', 'jieba-ns', 'document']);
const propagates = (m: Stamped<MentionHit>): boolean => {
  if (m.rule === 'entity-model') return m.type === 'PERSON' && m.end - m.start >= 3;
  return !NOT_PROPAGATED_SOURCES.has(String((m.attrs as { source?: unknown } | undefined)?.source ?? ''));
};

export const sameNameSameType: MentionStep = (ctx, kept) => {
  const text = ctx.text;
  /** a name jieba glued to the next function character (卡尔美已) still ends there */
  const functionNext = wordSet('entity-function-chars-after-name');
  const { byStart: starts, byEnd: ends } = indexTokens(ctx.tokens);
  // characters inside a kept or an added mention
  const covered = new Uint8Array(text.length);
  const occupied = (s: number, e: number): boolean => {
    for (let i = s; i < e; i++) if (covered[i]) return true;
    return false;
  };
  for (const m of kept) covered.fill(1, m.start, m.end);
  const seen = new Map<string, Stamped<MentionHit>>();
  for (const m of kept) {
    if (m.type !== 'PERSON' && m.type !== 'ORG') continue;
    if (!propagates(m)) continue;
    const name = text.slice(m.start, m.end);
    if (name.length >= 2 && !seen.has(name)) seen.set(name, m);
  }
  const added: Array<Stamped<MentionHit>> = [];
  for (const [name, m] of seen) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (ctx.tokens.length > 0 && !(starts.has(at) && (ends.has(end) || functionNext.has(text[end] ?? '')))) continue;
      if (occupied(at, end)) continue;
      covered.fill(1, at, end);
      added.push({ type: m.type, start: at, end, priority: m.priority, attrs: Object.assign({}, m.attrs, { propagated: true }), rule: m.rule, ruleVersion: m.ruleVersion });
    }
  }
  return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
};

export const namesInsideEvents: MentionStep = (_ctx, kept, all) => {
  const outer = kept.filter((m) => m.type === 'EVENT' || m.type === 'PRODUCT');
  if (outer.length === 0) return kept;
  const inner = all.filter(
    (h) => (h.type === 'PERSON' || h.type === 'ORG' || h.type === 'LOC') && outer.some((o) => o.start <= h.start && h.end <= o.end && h.end - h.start < o.end - o.start),
  );
  const chosen = longestMostSpecific(inner);
  return [...kept, ...chosen].sort((a, b) => a.start - b.start || a.end - b.end);
};

/**
 * `persons-inside-titles`: a title in book-title marks (a POLICY: a law, a
 * plan, a book) keeps the persons the entity model reads inside it as well
 * (邓小平 in 《邓小平理论学习纲要》, 马克思 in 《马克思传》): news NER tags a
 * person wherever the text names one. Only persons, and only the model's (a
 * rule's person on the same characters keeps its own stamp): the places and
 * bodies a policy's title begins with (《北京市…行动方案》) stay part of the title.
 * On the MSRA dev block the policy's title had hidden 10 such persons.
 */
export const personsInsideTitles: MentionStep = (_ctx, kept, all) => {
  const titles = kept.filter((m) => m.type === 'POLICY');
  if (titles.length === 0) return kept;
  const inside = (h: Stamped<MentionHit>): boolean => h.type === 'PERSON' && titles.some((o) => o.start <= h.start && h.end <= o.end && h.end - h.start < o.end - o.start);
  const model = all.filter((h) => h.rule === 'entity-model' && inside(h));
  if (model.length === 0) return kept;
  const chosen = model.map((m) => all.find((h) => h.rule !== 'entity-model' && h.type === 'PERSON' && h.start === m.start && h.end === m.end) ?? m);
  const taken = new Set(kept.filter((k) => k.type === 'PERSON').map((k) => `${k.start}:${k.end}`));
  const added = chosen.filter((h) => !taken.has(`${h.start}:${h.end}`));
  return [...kept, ...added].sort((a, b) => a.start - b.start || a.end - b.end);
};

export const MENTION_STEPS: Readonly<Record<string, MentionStep>> = {
  'same-name-same-type': sameNameSameType,
  'names-inside-events': namesInsideEvents,
  'persons-inside-titles': personsInsideTitles,
};

/** `person-affiliation`: annotate each PERSON head of a title relation with the relation's body and title (first one wins). */
export function personAffiliation(text: string, mentions: Array<Stamped<MentionHit>>, relations: ReadonlyArray<Stamped<RelationHit>>): void {
  for (const rel of relations) {
    const p = mentions.find((m) => m.start === rel.head.start && m.end === rel.head.end && m.type === 'PERSON');
    if (p && !(p.attrs && 'affiliation' in p.attrs)) p.attrs = Object.assign({}, p.attrs, { affiliation: text.slice(rel.tail.start, rel.tail.end), title: rel.label ?? null });
  }
}
