/**
 * Worker thread: decodes and processes documents sent by the pool. Loads the
 * pipeline (and so jieba's dictionaries) once. Posts back a ProcessedDoc
 * without its offset map (every span already carries raw offsets).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeDocument } from '../ingest/index.js';
import { errorCode, errorMessage } from '../core/errors.js';
import { loadPipeline } from './config.js';
import { processDocument } from './process.js';
import type { WorkRequest, WorkResult } from './pool.js';

const port = parentPort!;
const pipeline = loadPipeline((workerData as { pipelineFile: string }).pipelineFile);

port.on('message', (req: WorkRequest) => {
  let result: WorkResult;
  try {
    const doc = decodeDocument(req.path, new Uint8Array(req.bytes), req.id);
    const processed = processDocument(doc, pipeline, { docDate: req.docDate });
    // the map is large and not needed past this point
    (processed.norm as { map: unknown }).map = null;
    result = { seq: req.seq, ok: true, doc: processed };
  } catch (err) {
    result = { seq: req.seq, ok: false, code: errorCode(err), message: errorMessage(err) };
  }
  port.postMessage(result);
});
