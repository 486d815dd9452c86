/**
 * A small database for the query and report tests: real normalize, structure
 * and jieba segmentation of hand-written damaged text, with hand-placed
 * extractions (found by their normalized surface) so the tests do not depend
 * on the rules of the day.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  EntityType, Figure, FigureKind, Mention, ProcessedDoc, Quote, Relation, ResolvedEntity,
} from '../../src/core/types.js';
import { normalize } from '../../src/normalize/index.js';
import { structure } from '../../src/structure/index.js';
import { loadDictionaries, segment } from '../../src/segment/index.js';
import { loadPipeline } from '../../src/pipeline/config.js';
import { openDb } from '../../src/store/db.js';
import { DocWriter } from '../../src/store/write.js';

// Damaged on purpose: spaces between CJK characters, a half-width comma, a hard wrap.
export const RAW_A = [
  '北京经济技术开发区（北京经开区）今年前7个月工业总产值增长36.8%。',
  '“机器人产业集群正在形成，”刘卫华说。北京经开区管委会副主任刘卫华表示，到2027年，',
  '将建成千亿级机器人 产业集群。',
  '',
  '新 闻 速 递 ， 北京经开区 发布 《机器人产业发展行动计划》, 投资 5 亿元。',
  '',
].join('\n');

export const RAW_B = [
  '标题：<script>window.__pwned = 1</script> & “引号”',
  '',
  '上海市经济和信息化委员会主任张三说，上海今年投资12亿元建设人工智能产业集群。',
  '',
].join('\n');

interface Place {
  /** normalized surface */
  s: string;
  /** which occurrence (0-based) */
  nth?: number;
}

function find(text: string, p: Place): [number, number] {
  let at = -1;
  for (let i = 0; i <= (p.nth ?? 0); i++) {
    at = text.indexOf(p.s, at + 1);
    if (at < 0) throw new Error(`fixture: ${JSON.stringify(p.s)} #${p.nth ?? 0} not in normalized text`);
  }
  return [at, at + p.s.length];
}

export interface Spec {
  id: string;
  path: string;
  raw: string;
  mentions: Array<Place & { type: EntityType; entity?: string }>;
  figures: Array<Place & { kind: FigureKind; value: number | null; valueMax?: number | null; unit: string | null; subject?: string; metric?: string; time?: string; date?: string; dateEnd?: string; rule?: string; period?: { start: string; end: string }; subjectEntity?: string }>;
  quotes: Array<Place & { speaker: string | null; cue?: string }>;
  /** head/tail: indices into `mentions` */
  relations: Array<{ type: string; head: number; tail: number; label: string | null }>;
  entities: ResolvedEntity[];
}

export function buildDoc(spec: Spec): ProcessedDoc {
  const norm = normalize(spec.raw);
  const text = norm.text;
  const struct = structure(text, norm.map);
  loadDictionaries(loadPipeline().segmenter); // as the pipeline (and search) load jieba
  const tokens = segment(text);
  const sentenceOf = (start: number) => Math.max(0, struct.sentences.findIndex((s) => s.start <= start && start < s.end));
  const span = (p: Place) => {
    const [start, end] = find(text, p);
    const [rawStart, rawEnd] = norm.map.span(start, end);
    return { start, end, rawStart, rawEnd, text: spec.raw.slice(rawStart, rawEnd), norm: text.slice(start, end), sentence: sentenceOf(start) };
  };
  const mentions: Mention[] = spec.mentions.map((m) => ({
    ...span(m), type: m.type, entity: m.entity ?? `${m.type}:${m.s}`, rule: `entity-${m.type.toLowerCase()}`, ruleVersion: 1,
  }));
  const figures: Figure[] = spec.figures.map((f) => ({
    ...span(f), kind: f.kind, value: f.value, valueMax: f.valueMax ?? null, unit: f.unit, qualifier: f.valueMax != null ? 'range' : 'exact',
    subject: f.subject ?? null, metric: f.metric ?? null, time: f.time ?? null, date: f.date ?? null, dateEnd: f.dateEnd ?? null,
    period: f.period ?? null, subjectEntity: f.subjectEntity ?? null,
    rule: f.rule ?? `figure-${f.kind}`, ruleVersion: 2,
  }));
  const quotes: Quote[] = spec.quotes.map((q) => ({ ...span(q), speaker: q.speaker, cue: q.cue ?? null, rule: 'quote-said', ruleVersion: 1 }));
  const relations: Relation[] = spec.relations.map((r) => {
    const h = mentions[r.head]!;
    const t = mentions[r.tail]!;
    const start = Math.min(h.start, t.start);
    const end = Math.max(h.end, t.end);
    const [rawStart, rawEnd] = norm.map.span(start, end);
    return { type: r.type, head: r.head, tail: r.tail, label: r.label, start, end, rawStart, rawEnd, text: text.slice(start, end), rule: 'relation-title', ruleVersion: 1 };
  });
  const entities = spec.entities.length
    ? spec.entities
    : [...new Map(mentions.map((m) => [m.entity!, { key: m.entity!, type: m.type, name: m.norm, aliases: [] as string[] }])).values()];
  return {
    doc: { id: spec.id, path: spec.path, sha256: 'x'.repeat(64), encoding: 'utf-8', bytes: Buffer.byteLength(spec.raw), raw: spec.raw },
    norm,
    structure: struct,
    tokens,
    extractions: { mentions, figures, quotes, relations },
    entities,
    docDate: '2024-08-30',
    pipeline: 'test',
    pipelineHash: 'test',
    timings: {},
  };
}

export const SPEC_A: Spec = {
  id: 'doc-a',
  path: 'corpus/doc-a.txt',
  raw: RAW_A,
  mentions: [
    { s: '北京经济技术开发区', type: 'ORG', entity: 'ORG:北京经济技术开发区' },
    { s: '北京经开区', type: 'ORG', entity: 'ORG:北京经济技术开发区' },
    { s: '刘卫华', type: 'PERSON', entity: 'PERSON:刘卫华' },
    { s: '北京经开区管委会', type: 'ORG', entity: 'ORG:北京经开区管委会' },
    { s: '刘卫华', nth: 1, type: 'PERSON', entity: 'PERSON:刘卫华' },
    { s: '北京经开区', nth: 2, type: 'ORG', entity: 'ORG:北京经济技术开发区' },
    { s: '《机器人产业发展行动计划》', type: 'POLICY' },
  ],
  figures: [
    { s: '今年前7个月', kind: 'period', value: null, unit: null, time: '今年前7个月', date: '2024-01-01', dateEnd: '2024-07-31' },
    { s: '36.8%', kind: 'percent', value: 36.8, unit: '%', subject: '北京经济技术开发区', metric: '工业总产值增长', time: '今年前7个月', date: '2024-01-01', dateEnd: '2024-07-31', period: { start: '2024-01-01', end: '2024-07-31' }, subjectEntity: 'ORG:北京经济技术开发区' },
    { s: '2027年', kind: 'date', value: null, unit: null, date: '2027', time: '到2027年' },
    { s: '千亿级', kind: 'money', value: 1e11, unit: '元', metric: '机器人产业集群', time: '到2027年', date: '2027' },
    { s: '5亿元', kind: 'money', value: 5e8, unit: '元', subject: '北京经开区', metric: '投资' },
  ],
  quotes: [{ s: '“机器人产业集群正在形成，”', speaker: '刘卫华', cue: '说' }],
  relations: [{ type: 'person-title-org', head: 4, tail: 3, label: '副主任' }],
  entities: [
    { key: 'ORG:北京经济技术开发区', type: 'ORG', name: '北京经济技术开发区', aliases: ['北京经开区'] },
    { key: 'PERSON:刘卫华', type: 'PERSON', name: '刘卫华', aliases: [] },
    { key: 'ORG:北京经开区管委会', type: 'ORG', name: '北京经开区管委会', aliases: [] },
    { key: 'POLICY:《机器人产业发展行动计划》', type: 'POLICY', name: '《机器人产业发展行动计划》', aliases: [] },
  ],
};

export const SPEC_B: Spec = {
  id: 'doc-b',
  path: 'corpus/doc-b.txt',
  raw: RAW_B,
  mentions: [
    { s: '上海市经济和信息化委员会', type: 'ORG' },
    { s: '张三', type: 'PERSON' },
    { s: '上海', nth: 1, type: 'LOC' },
  ],
  figures: [
    { s: '12亿元', kind: 'money', value: 1.2e9, unit: '元', subject: '上海', metric: '投资', time: '今年', date: '2024-01-01', dateEnd: '2024-12-31', period: { start: '2024-01-01', end: '2024-12-31' } },
  ],
  quotes: [],
  relations: [{ type: 'person-title-org', head: 1, tail: 0, label: '主任' }],
  entities: [],
};

/** A fresh database file with both documents stored; returns its path. */
export function makeDb(specs: Spec[] = [SPEC_A, SPEC_B], opts: { index?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-query-'));
  const file = join(dir, 'news.db');
  const db = openDb(file);
  const w = new DocWriter(db);
  for (const s of specs) w.store(buildDoc(s), null);
  if (opts.index !== false) w.indexPending(); // as a run does after storing
  db.close();
  return file;
}
