/**
 * Worker thread: decodes and processes documents sent by the pool. Loads the
 * pipeline (and so jieba's dictionaries) once. Stores each document itself
 * (several jobs) or posts back the rows the main thread stores (store/rows.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from '../ingest/index.js';
import { errorCode, errorMessage } from '../core/errors.js';
import { loadPipeline } from './config.js';
import { processDocument } from './process.js';
import type { WorkRequest, WorkResult } from './pool.js';
import { openDb, type DB } from '../store/db.js';
import { DocWriter, docRows } from '../store/write.js';
import { WriteLock } from './write-lock.js';

const port = parentPort!;
const data = workerData as { pipelineFile: string; writeLock?: SharedArrayBuffer };
const pipeline = loadPipeline(data.pipelineFile);
const writeLock = data.writeLock ? new WriteLock(data.writeLock) : undefined;

let db: DB | undefined;
let writer: DocWriter | undefined;

// the PDF and Word readers are asynchronous; requests are still answered one
// at a time, in the order they came (the pool matches answers by order)
let queue: Promise<void> = Promise.resolve();
port.on('message', (req: WorkRequest) => {
  // a failure outside handle's own try (an answer that cannot be posted) fails this document, never the chain
  queue = queue.then(() => handle(req)).catch((err) => {
    port.postMessage({ seq: req.seq, ok: false, code: 'E_PROCESS', message: `${req.path}: ${errorMessage(err)}` } satisfies WorkResult);
  });
});

async function handle(req: WorkRequest): Promise<void> {
  let result: WorkResult;
  try {
    const doc = await readSource(req.path, new Uint8Array(req.bytes), req.id);
    const processed = processDocument(doc, pipeline, { docDate: req.docDate });
    if (req.store) {
      if (!db) {
        db = openDb(req.store.db);
        writer = new DocWriter(db);
      }
      try {
        const store = () => writer!.store(processed, req.store!.runId, req.store!.force);
        const r = writeLock ? writeLock.run(store) : store();
        port.postMessage({ seq: req.seq, ok: true, stored: { unchanged: r.unchanged } } satisfies WorkResult);
      } catch (err) {
        port.postMessage({ seq: req.seq, ok: false, code: 'E_STORE', message: `${req.path}: could not store: ${errorMessage(err)}` } satisfies WorkResult);
      }
      return;
    }
    // the rows the writer stores, flat: a third of the cloning cost of the
    // ProcessedDoc's span objects (store/rows.ts)
    result = { seq: req.seq, ok: true, rows: docRows(processed) };
  } catch (err) {
    result = { seq: req.seq, ok: false, code: errorCode(err), message: errorMessage(err) };
  }
  port.postMessage(result);
}
