import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/index.js';
import { loadPipeline, DEFAULT_PIPELINE } from '../../src/pipeline/config.js';
import { processDocument } from '../../src/pipeline/process.js';
import { fromRecord, parseRecord, toRecord } from '../../src/pipeline/records.js';
import { quickRecord } from '../../src/load/check.js';

type Path = Array<string | number>;

/** Every path into the value, taking the first element of each array. */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(v)) v.slice(0, 1).forEach((x, i) => { out.push([...at, i]); paths(x, [...at, i], out); });
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) { out.push([...at, k]); paths(x, [...at, k], out); }
  return out;
}

/** A fresh parse of the line with the value at `path` replaced (or deleted). */
function mutate(line: string, path: Path, value: unknown): unknown {
  const copy = JSON.parse(line) as Record<string | number, unknown>;
  let o = copy;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === DELETE) {
    if (Array.isArray(o)) o.splice(last as number, 1);
    else delete o[last];
  } else o[last] = value;
  return copy;
}

const DELETE = Symbol('delete');
const BAD = [DELETE, null, undefined, '', 'x', -1, 1.5, 0, 2 ** 60, true, [], {}, ['x'], [1, 2, 3, 4, 5, 6], { start: 'a', end: 'b' }];

describe("load's quick record check", async () => {
  const pipeline = loadPipeline(DEFAULT_PIPELINE);
  const doc = await readDocument('corpus/001_ed89191f88b1a850.txt');
  const processed = processDocument(doc, pipeline, { docDate: '2024-05-06' });
  const line = JSON.stringify(toRecord('a', processed));

  it('passes a real record and gives the document zod gives', () => {
    const quick = quickRecord(JSON.parse(line));
    expect(quick).toBeDefined();
    const viaZod = parseRecord(JSON.parse(line));
    expect(viaZod.kind).toBe('doc');
    expect(fromRecord(quick!)).toEqual(fromRecord((viaZod as Extract<typeof viaZod, { kind: 'doc' }>).rec));
  });

  it("fills zod's defaults (format, messages, timings)", () => {
    const o = JSON.parse(line);
    delete o.format;
    delete o.messages;
    delete o.timings;
    const quick = quickRecord(structuredClone(o));
    expect(quick).toMatchObject({ format: 'text', messages: [], timings: {} });
    expect(quick).toEqual((parseRecord(o) as { rec: unknown }).rec);
  });

  it('never passes a record zod refuses: every field broken in every way', () => {
    // with the optional parts a record may lack filled in, so that they are broken too
    const full = JSON.parse(line);
    const msg = { code: 'W_X', severity: 'warning', source: 's', message: 'm', start: 1, end: 2, rawStart: 1, rawEnd: 2 };
    full.messages = [msg];
    full.normMessages = [msg];
    full.meta = { title: 't' };
    full.timings = { read: 1.5 };
    Object.assign(full.figures[0], { period: { start: '2019-01-01', end: '2019-12-31' }, subjectEntity: 'ORG:x', value: 1, valueMax: 2, unit: 'u', date: 'd', dateEnd: 'd', metric: 'm', change: 'c', basis: 'b', subject: 's', time: 't' });
    Object.assign(full.quotes[0], { speaker: 's', cue: 'c', speakerStart: 1, speakerEnd: 2, speakerRawStart: 1, speakerRawEnd: 2 });
    full.relations[0].label = 'l';
    const fullLine = JSON.stringify(full);
    expect(quickRecord(JSON.parse(fullLine))).toBeDefined();
    const base = JSON.parse(fullLine);
    let refused = 0;
    let tried = 0;
    for (const p of paths(base)) {
      for (const bad of BAD) {
        const o = mutate(fullLine, p, bad);
        tried++;
        let zodOk = true;
        try {
          parseRecord(o);
        } catch {
          zodOk = false;
        }
        // after zod, which does not change its input (the quick check fills defaults in place)
        const quick = quickRecord(o);
        if (!zodOk) {
          refused++;
          // a record zod refuses must not pass the quick check
          expect(quick, `${p.join('.')} = ${String(typeof bad === 'symbol' ? 'deleted' : JSON.stringify(bad))}`).toBeUndefined();
        }
      }
    }
    // the mutations do break records, in numbers
    expect(tried).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(tried / 3);
  });

  it('leaves error lines, old extraction-only records and newer versions to parseRecord', () => {
    expect(quickRecord({ id: 'x', error: 'a.txt: file is empty (0 bytes)', path: 'a.txt', code: 'E_EMPTY' })).toBeUndefined();
    const o = JSON.parse(line);
    expect(quickRecord({ ...o, schemaVersion: undefined })).toBeUndefined();
    expect(quickRecord({ ...o, schemaVersion: o.schemaVersion + 1 })).toBeUndefined();
    expect(quickRecord({ ...o, sentenceTokens: o.sentenceTokens.slice(1) })).toBeUndefined();
  });
});
