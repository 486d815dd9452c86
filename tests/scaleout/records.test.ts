import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { processDocument } from '../../src/pipeline/process.js';
import { fromRecord, parseRecord, toRecord, RECORD_SCHEMA_VERSION } from '../../src/pipeline/records.js';

describe('the extract/load record', async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE);
  const doc = await readDocument('corpus/001_ed89191f88b1a850.txt');
  const processed = processDocument(doc, pipeline, { docDate: '2024-05-06' });
  const line = JSON.stringify(toRecord('a', processed));

  it('goes through JSON and back into the same document object, losing nothing the writer stores', () => {
    const parsed = parseRecord(JSON.parse(line));
    expect(parsed.kind).toBe('doc');
    const back = fromRecord((parsed as Extract<typeof parsed, { kind: 'doc' }>).rec);
    // equal content (zod may order an object's keys differently)
    const again = JSON.parse(JSON.stringify(toRecord('a', back)));
    expect(again).toEqual(JSON.parse(line));
    expect(back.doc).toMatchObject({ id: '001_ed89191f88b1a850', path: 'corpus/001_ed89191f88b1a850.txt', sha256: doc.sha256, raw: doc.raw });
    expect(back.docDate).toBe('2024-05-06');
    expect(back.extractions.mentions.length).toBeGreaterThan(50);
    for (const m of back.extractions.mentions) expect(doc.raw.slice(m.rawStart, m.rawEnd)).toBe(m.text);
    expect(back.sentenceTokens).toHaveLength(back.structure.sentences.length);
    expect(back.repairColumns!.repairs).toBe(JSON.stringify(processed.norm.repairs.map((r) => [r.pass, r.kind, r.rawStart, r.rawEnd, r.before, r.after])));
  });

  it('knows every field of the document object (a new one must be added to the record, or load would lose it)', () => {
    const known = {
      processed: ['doc', 'norm', 'structure', 'tokens', 'tokenCount', 'sentenceTokens', 'repairColumns', 'extractions', 'entities', 'docDate', 'pipeline', 'pipelineHash', 'timings', 'messages'],
      doc: ['id', 'path', 'sha256', 'encoding', 'bytes', 'raw', 'format', 'meta', 'layout'],
      norm: ['raw', 'text', 'map', 'repairs', 'messages'],
      extractions: ['mentions', 'figures', 'quotes', 'relations'],
    };
    expect(known.extractions).toEqual(expect.arrayContaining(Object.keys(processed.extractions)));
    expect(known.processed).toEqual(expect.arrayContaining(Object.keys(processed)));
    expect(known.doc).toEqual(expect.arrayContaining(Object.keys(processed.doc)));
    expect(known.norm).toEqual(expect.arrayContaining(Object.keys(processed.norm)));
  });

  it('names the first bad field of a broken record, and refuses newer schema versions', () => {
    const o = JSON.parse(line);
    o.figures[2].rawStart = 'x';
    expect(() => parseRecord(o)).toThrow(/^figures\.2\.rawStart: /);
    const newer = { ...JSON.parse(line), schemaVersion: RECORD_SCHEMA_VERSION + 1 };
    expect(() => parseRecord(newer)).toThrow(/newer than this zhnews reads/);
    const short = JSON.parse(line);
    short.sentenceTokens.pop();
    expect(() => parseRecord(short)).toThrow(/sentenceTokens has \d+ entries for \d+ sentences/);
    expect(parseRecord({ id: 'x', error: 'a.txt: file is empty (0 bytes)', path: 'a.txt', code: 'E_EMPTY' }).kind).toBe('error');
  });
});
