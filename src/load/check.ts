/**
 * A fast check of a document record, for `load`'s hot path. The zod schema
 * (DocRecordSchema in src/pipeline/records.ts) stays the definition and the
 * source of every error message; this check is written to be at least as
 * strict, so a record it passes is one zod passes, and it costs a fifth of
 * zod's time (zod builds a fresh copy of every object it checks).
 *
 * `quickRecord` returns the record itself (with zod's defaults filled in) or
 * undefined; on undefined the caller runs parseRecord, which either names the
 * problem or accepts a record this check was too strict for.
 * tests/load/check.test.ts breaks valid records field by field and asserts
 * that nothing passes here that zod refuses.
 */
import { RECORD_SCHEMA_VERSION, type ParsedRecord } from '../pipeline/records.js';

type Doc = Extract<ParsedRecord, { kind: 'doc' }>['rec'];
type O = Record<string, unknown>;

const isObj = (v: unknown): v is O => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStr1 = (v: unknown): boolean => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNint = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
/** z.string().nullable().optional() and .nullish() */
const optStr = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
/** int.nullable().optional() */
const optInt = (v: unknown): boolean => v === undefined || v === null || Number.isSafeInteger(v);
const optNum = (v: unknown): boolean => v === undefined || v === null || isNum(v);
/** z.record(z.string(), z.unknown()).optional() */
const optRecord = (v: unknown): boolean => v === undefined || isObj(v);
const strArray = (v: unknown): boolean => Array.isArray(v) && v.every(isStr);

function span(o: O): boolean {
  return isNint(o.start) && isNint(o.end) && isNint(o.rawStart) && isNint(o.rawEnd);
}
function stamp(o: O): boolean {
  return isStr1(o.rule) && isInt(o.ruleVersion);
}

const MENTION_TYPES = new Set(['PERSON', 'ORG', 'LOC', 'POLICY', 'PRODUCT', 'EVENT']);
const SEVERITIES = new Set(['info', 'warning', 'error']);

function mention(v: unknown): boolean {
  if (!isObj(v) || !span(v) || !stamp(v)) return false;
  return (
    MENTION_TYPES.has(v.type as string) && isStr(v.text) && isStr(v.norm) && (v.entity === null || isStr(v.entity)) &&
    isInt(v.sentence) && optRecord(v.attrs)
  );
}

function figure(v: unknown): boolean {
  if (!isObj(v) || !span(v) || !stamp(v)) return false;
  const p = v.period;
  return (
    isStr1(v.kind) && isStr(v.text) && isStr(v.norm) && optNum(v.value) && optNum(v.valueMax) && optStr(v.unit) &&
    isStr1(v.qualifier) && optStr(v.date) && optStr(v.dateEnd) && optStr(v.metric) && optStr(v.change) && optStr(v.basis) &&
    optStr(v.subject) && optStr(v.time) && (p === undefined || p === null || (isObj(p) && isStr(p.start) && isStr(p.end))) &&
    optStr(v.subjectEntity) && isInt(v.sentence) && optRecord(v.attrs)
  );
}

function quote(v: unknown): boolean {
  if (!isObj(v) || !span(v) || !stamp(v)) return false;
  return (
    isStr(v.text) && isStr(v.norm) && optStr(v.speaker) && optInt(v.speakerStart) && optInt(v.speakerEnd) &&
    optInt(v.speakerRawStart) && optInt(v.speakerRawEnd) && optStr(v.cue)
  );
}

function relation(v: unknown): boolean {
  if (!isObj(v) || !span(v) || !stamp(v)) return false;
  return isStr1(v.type) && isNint(v.head) && (v.tail === null || isNint(v.tail)) && optStr(v.label) && isStr(v.text);
}

function message(v: unknown): boolean {
  if (!isObj(v)) return false;
  return (
    isStr1(v.code) && SEVERITIES.has(v.severity as string) && isStr(v.source) && isStr(v.message) &&
    optInt(v.start) && optInt(v.end) && optInt(v.rawStart) && optInt(v.rawEnd)
  );
}

function structure(v: unknown): boolean {
  if (!isObj(v)) return false;
  const { articles, blocks, sentences } = v;
  if (!Array.isArray(articles) || !Array.isArray(blocks) || !Array.isArray(sentences)) return false;
  for (const a of articles) {
    if (!isObj(a) || !span(a) || !isNint(a.index) || !(a.headline === null || isStr(a.headline))) return false;
    if (!strArray(a.reporters) || !strArray(a.photographers)) return false;
  }
  for (const b of blocks) if (!isObj(b) || !span(b) || !isNint(b.index) || !isStr1(b.kind) || !isInt(b.article)) return false;
  for (const s of sentences) if (!isObj(s) || !span(s) || !isNint(s.index) || !isInt(s.block)) return false;
  return true;
}

function repair(r: unknown): boolean {
  return Array.isArray(r) && r.length === 6 && isStr(r[0]) && isStr(r[1]) && isNint(r[2]) && isNint(r[3]) && isStr(r[4]) && isStr(r[5]);
}

function resolvedEntity(v: unknown): boolean {
  return isObj(v) && isStr1(v.key) && isStr1(v.type) && isStr(v.name) && strArray(v.aliases);
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The record, when it is a document record of a version this zhnews reads
 * that passes every check of DocRecordSchema (and parseRecord's own), with
 * the schema's defaults filled in; otherwise undefined (ask parseRecord why).
 */
export function quickRecord(o: unknown): Doc | undefined {
  if (!isObj(o) || o.error !== undefined) return undefined;
  const sv = o.schemaVersion;
  if (!isInt(sv) || sv < 1 || sv > RECORD_SCHEMA_VERSION) return undefined;
  if (!(o.id === undefined || isStr(o.id)) || !isStr(o.docId) || !isStr1(o.path) || !isStr(o.sha256) || !SHA256.test(o.sha256)) return undefined;
  if (!isStr1(o.encoding) || !isNint(o.bytes) || !(o.format === undefined || isStr1(o.format))) return undefined;
  if (!(o.meta === undefined || o.meta === null || isObj(o.meta)) || !(o.docDate === null || isStr(o.docDate))) return undefined;
  if (!isStr(o.pipeline) || !isStr1(o.pipelineHash) || !isStr(o.raw) || !isStr(o.normalized)) return undefined;
  if (!Array.isArray(o.repairs) || !o.repairs.every(repair) || !structure(o.structure) || !isNint(o.tokenCount)) return undefined;
  const st = o.sentenceTokens;
  if (!Array.isArray(st) || !st.every(isStr) || st.length !== (o.structure as { sentences: unknown[] }).sentences.length) return undefined;
  if (!Array.isArray(o.entities) || !o.entities.every(mention)) return undefined;
  if (!Array.isArray(o.figures) || !o.figures.every(figure)) return undefined;
  if (!Array.isArray(o.quotes) || !o.quotes.every(quote)) return undefined;
  if (!Array.isArray(o.relations) || !o.relations.every(relation)) return undefined;
  if (!Array.isArray(o.resolvedEntities) || !o.resolvedEntities.every(resolvedEntity)) return undefined;
  if (!(o.messages === undefined || (Array.isArray(o.messages) && o.messages.every(message)))) return undefined;
  if (!(o.normMessages === undefined || (Array.isArray(o.normMessages) && o.normMessages.every(message)))) return undefined;
  const t = o.timings;
  if (t !== undefined) {
    if (!isObj(t)) return undefined;
    for (const k in t) if (!isNum(t[k])) return undefined;
  }
  // zod's defaults
  if (o.format === undefined) o.format = 'text';
  if (o.messages === undefined) o.messages = [];
  if (t === undefined) o.timings = {};
  return o as unknown as Doc;
}
