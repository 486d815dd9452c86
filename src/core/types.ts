/**
 * The typed interfaces between pipeline stages. Every span carries normalized
 * offsets [start, end) into NormDoc.text and raw offsets [rawStart, rawEnd)
 * into RawDoc.raw, both UTF-16 code units, end exclusive.
 */
import type { OffsetMap } from './offsets.js';

export interface Span {
  start: number;
  end: number;
  rawStart: number;
  rawEnd: number;
}

/** Stage 1, ingest: bytes decoded. */
export interface RawDoc {
  /** Stable document id: file name without extension (or the JSONL id). */
  id: string;
  path: string;
  sha256: string;
  encoding: string;
  bytes: number;
  raw: string;
  /** which reader made `raw`: 'text' (default), 'html', 'docx', 'pdf' */
  format?: string;
  /** what the reader found about the document: title, byline, source, date, … */
  meta?: Record<string, unknown>;
  /**
   * where the characters of `raw` came from in the source (PDF page and box,
   * HTML element path, DOCX paragraph), as the reader records it; stored as
   * JSON in documents.layout
   */
  layout?: unknown;
}

/** One repair a normalize pass made, located in raw coordinates. */
export interface Repair {
  pass: string;
  kind: string;
  rawStart: number;
  rawEnd: number;
  before: string;
  after: string;
}

export type Severity = 'info' | 'warning' | 'error';

/**
 * A coded message on a document (vfile's lesson): why a repair happened, a
 * rule's bad span, a reader's warning. `source` names the stage, pass or rule
 * that said it. Positions are optional; raw positions are what a pass knows,
 * normalized ones what a rule knows; the engine fills the other side where it
 * can. Codes: I_* information (a decision), W_* warning, E_* error.
 */
export interface Message {
  code: string;
  severity: Severity;
  /** stage, pass or rule id: 'normalize.spacing', 'entity-person-name', 'ingest' */
  source: string;
  message: string;
  start?: number | null;
  end?: number | null;
  rawStart?: number | null;
  rawEnd?: number | null;
}

/** Stage 2, normalize. */
export interface NormDoc {
  raw: string;
  text: string;
  /** normalized offset -> raw offset */
  map: OffsetMap;
  repairs: Repair[];
  /** the passes' decisions and warnings (raw positions) */
  messages?: Message[];
}

export type BlockKind =
  | 'headline'
  | 'subheadline'
  | 'kicker'
  | 'byline'
  | 'caption'
  | 'heading'
  | 'paragraph'
  | 'artifact';

export interface Block extends Span {
  index: number;
  kind: BlockKind;
  /** index into Structure.articles, or -1 when the block belongs to none */
  article: number;
}

export interface Article extends Span {
  index: number;
  headline: string | null;
  /** reporters and photographers named by bylines and credits */
  reporters: string[];
  photographers: string[];
}

export interface Sentence extends Span {
  index: number;
  block: number;
}

/** Stage 3, structure. */
export interface Structure {
  blocks: Block[];
  articles: Article[];
  sentences: Sentence[];
}

/** Stage 4, segment: tokens in normalized coordinates. */
export interface Token {
  text: string;
  tag: string;
  start: number;
  end: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'LOC' | 'POLICY' | 'PRODUCT' | 'EVENT';

/** Every extraction names the rule (and its version) that made it. */
export interface RuleStamp {
  rule: string;
  ruleVersion: number;
}

export interface Mention extends Span, RuleStamp {
  type: EntityType;
  /** the raw slice [rawStart, rawEnd) */
  text: string;
  /** the normalized slice [start, end) */
  norm: string;
  sentence: number;
  /** canonical key of the resolved entity, filled by resolve */
  entity?: string;
  attrs?: Record<string, unknown>;
}

export type FigureKind =
  | 'money'
  | 'percent'
  | 'percentagePoint'
  | 'count'
  | 'area'
  | 'length'
  | 'mass'
  | 'power'
  | 'energy'
  | 'compute'
  | 'data'
  | 'duration'
  | 'date'
  | 'period'
  | 'ratio'
  | 'multiple'
  | 'ordinal'
  | 'scale'
  | 'number';

export type Qualifier = 'exact' | 'approx' | 'atLeast' | 'atMost' | 'range';

export interface Figure extends Span, RuleStamp {
  kind: FigureKind;
  text: string;
  norm: string;
  value: number | null;
  valueMax?: number | null;
  unit: string | null;
  qualifier: Qualifier;
  /** ISO 8601 date/start/end for dates and periods, when resolvable */
  date?: string | null;
  dateEnd?: string | null;
  metric?: string | null;
  change?: string | null;
  basis?: string | null;
  subject?: string | null;
  time?: string | null;
  /** `time` resolved against the document date: an inclusive span of ISO dates (2025, 2025-09 or 2025-09-30) */
  period?: { start: string; end: string } | null;
  /** key of the entity the subject names, when the subject is an entity mention */
  subjectEntity?: string | null;
  sentence: number;
  attrs?: Record<string, unknown>;
}

export interface Quote extends Span, RuleStamp {
  text: string;
  norm: string;
  speaker: string | null;
  speakerStart?: number | null;
  speakerEnd?: number | null;
  speakerRawStart?: number | null;
  speakerRawEnd?: number | null;
  /** speech verb (说, 表示, 介绍 ...) */
  cue?: string | null;
}

export interface Relation extends Span, RuleStamp {
  type: string;
  /** indices into the document's mentions */
  head: number;
  /** null when the relation has one end only: a person's title with no organisation named (type person-title) */
  tail: number | null;
  /** e.g. the title in person–title–organisation */
  label?: string | null;
  text: string;
}

export interface Extractions {
  mentions: Mention[];
  figures: Figure[];
  quotes: Quote[];
  relations: Relation[];
}

/** One real thing, as resolve names it; merged across documents by `key`. */
export interface ResolvedEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
}

/** What the CPU stages produce for one document; `store` writes it. */
export interface ProcessedDoc {
  doc: RawDoc;
  norm: NormDoc;
  structure: Structure;
  /** may be emptied once sentenceTokens is filled (workers do, to keep messages small) */
  tokens: Token[];
  /** number of tokens in the normalized text (default: tokens.length) */
  tokenCount?: number;
  /** per sentence, its tokens joined by spaces, for the full-text index (default: built from tokens) */
  sentenceTokens?: string[];
  /**
   * the documents.repairs and documents.repair_counts columns, already JSON
   * (default: built from norm.repairs). Workers fill them and empty
   * norm.repairs: tens of thousands of small objects per MB cost the writer
   * more to receive than one string.
   */
  repairColumns?: { repairs: string; repairCounts: string };
  extractions: Extractions;
  entities: ResolvedEntity[];
  /** ISO date of publication when the text states it */
  docDate: string | null;
  pipeline: string;
  pipelineHash: string;
  timings: Record<string, number>;
  /** the document's coded messages, from every stage (stored in the messages table) */
  messages?: Message[];
}
