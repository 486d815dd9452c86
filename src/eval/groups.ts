/**
 * Scoring annotated rows through the whole pipeline: rows are joined, one a
 * line, `per` to a document (so that document-level steps see some context),
 * processed, and handed back with each row's raw start in the document.
 */
import type { ProcessedDoc } from '../core/types.js';
import type { Pipeline } from '../pipeline/config.js';
import { processDocument } from '../pipeline/process.js';
import type { Row } from '../model/data.js';
import type { Span } from '../model/model.js';
import { Scorer } from '../model/score.js';

export function processInGroups<R extends { text: string }>(
  rows: readonly R[],
  pipeline: Pipeline,
  idPrefix: string,
  each: (group: R[], starts: number[], doc: ProcessedDoc, raw: string) => void,
  per = 20,
): void {
  for (let k = 0; k < rows.length; k += per) {
    const group = rows.slice(k, k + per);
    const starts: number[] = [];
    let raw = '';
    for (const r of group) {
      starts.push(raw.length);
      raw += r.text.replace(/\n/gu, ' ') + '\n';
    }
    const doc = processDocument({ id: `${idPrefix}${k}`, path: `${idPrefix}${k}`, sha256: '', encoding: 'utf-8', bytes: raw.length, raw }, pipeline);
    each(group, starts, doc, raw);
  }
}

const MENTION_TYPE: Record<string, Span['type'] | undefined> = { PERSON: 'PER', LOC: 'LOC', ORG: 'ORG' };

/**
 * The pipeline's mentions on annotated rows, joined 20 to a document, one
 * row a line, scored by exact span (PERSON counted as PER): what
 * `eval:ner --pipeline` (src/model/eval.ts) and src/eval/halves.ts print.
 */
export function scoreRows(rows: readonly Row[], pipeline: Pipeline): Scorer {
  const sc = new Scorer();
  processInGroups(rows, pipeline, 'dev', (group, starts, doc) => {
    const got: Span[][] = group.map(() => []);
    for (const m of doc.extractions.mentions) {
      const type = MENTION_TYPE[m.type];
      if (!type) continue;
      let g = 0;
      while (g + 1 < group.length && starts[g + 1]! <= m.rawStart) g++;
      got[g]!.push({ type, start: m.rawStart - starts[g]!, end: m.rawEnd - starts[g]! });
    }
    group.forEach((r, i) => sc.add(r.spans, got[i]!));
  });
  return sc;
}
