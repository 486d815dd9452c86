/**
 * Scoring annotated rows through the whole pipeline: rows are joined, one a
 * line, `per` to a document (so that document-level steps see some context),
 * processed, and handed back with each row's raw start in the document.
 */
import type { ProcessedDoc } from '../core/types.js';
import type { Pipeline } from '../pipeline/config.js';
import { processDocument } from '../pipeline/process.js';

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
