/**
 * Worker thread: decodes and processes documents sent by the pool. Loads the
 * pipeline (and so jieba's dictionaries) once. Either posts back the rows the
 * main thread stores (store/rows.ts; one job), or stores its documents itself
 * (several jobs), a group of them per turn at the shared write lock.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readSource } from '../ingest/index.js';
import { errorCode, errorMessage } from '../core/errors.js';
import { loadPipeline } from './config.js';
import { processDocument } from './process.js';
import type { WorkRequest, WorkResult } from './pool.js';
import { openDb, type DB } from '../store/db.js';
import { DocWriter, docRows, type DocRows } from '../store/write.js';
import { WriteLock } from './write-lock.js';

const port = parentPort!;
const data = workerData as { pipelineFile: string; writeLock?: SharedArrayBuffer; storeGroup: { docs: number; bytes: number } };
const pipeline = loadPipeline(data.pipelineFile);
const writeLock = data.writeLock ? new WriteLock(data.writeLock) : undefined;

let db: DB | undefined;
let writer: DocWriter | undefined;

/**
 * Answers not yet posted, in request order: documents processed and waiting
 * to be stored with the next group (`rows`), and outcomes already known.
 * The pool matches answers to requests by order, so an answer never
 * overtakes an earlier document still waiting here.
 */
let held: Array<{ req: WorkRequest; rows?: DocRows; result?: WorkResult }> = [];
let heldDocs = 0;
let heldBytes = 0;
/** requests received and not yet processed: while there are some, a short group waits for them */
let waiting = 0;

// the PDF and Word readers are asynchronous; requests are still processed one
// at a time, in the order they came
let queue: Promise<void> = Promise.resolve();
port.on('message', (req: WorkRequest) => {
  waiting++;
  // a failure outside handle's own try fails this document, never the chain
  queue = queue
    .then(() => handle(req))
    .catch((err) => answer({ req, result: { seq: req.seq, ok: false, code: 'E_PROCESS', message: `${req.path}: ${errorMessage(err)}` } }))
    .finally(afterEach);
});

async function handle(req: WorkRequest): Promise<void> {
  try {
    const doc = await readSource(req.path, new Uint8Array(req.bytes), req.id);
    const processed = processDocument(doc, pipeline, { docDate: req.docDate });
    // the rows the writer stores, flat: a third of the cloning cost of the
    // ProcessedDoc's span objects (store/rows.ts), made outside the write lock
    const rows = docRows(processed);
    if (req.store) {
      held.push({ req, rows });
      heldDocs++;
      heldBytes += req.bytes.byteLength;
    } else {
      answer({ req, result: { seq: req.seq, ok: true, rows } });
    }
  } catch (err) {
    answer({ req, result: { seq: req.seq, ok: false, code: errorCode(err), message: errorMessage(err) } });
  }
}

function answer(a: { req: WorkRequest; result: WorkResult }): void {
  if (held.length === 0) port.postMessage(a.result);
  else held.push(a);
}

/**
 * Store the held group once it is full, or as soon as no request is waiting
 * (looked at again after pending messages had their turn, setImmediate), so
 * that a worker never sits on documents the main thread waits for.
 */
function afterEach(): void {
  waiting--;
  if (heldDocs >= data.storeGroup.docs || heldBytes >= data.storeGroup.bytes) flush();
  else if (held.length > 0 && waiting === 0) setImmediate(() => {
    if (waiting === 0) flush();
  });
}

/**
 * One transaction for the whole group, at one turn of the write lock
 * (DocWriter.storeMany: a group stores with a quarter less CPU than a commit
 * a document; when one fails the others are stored one by one and it fails
 * alone, with its file's name). Then every held answer, in order.
 */
function flush(): void {
  const group = held;
  held = [];
  heldDocs = 0;
  heldBytes = 0;
  const docs = group.filter((g) => g.rows);
  if (docs.length > 0) {
    const { db: file, runId, force } = docs[0]!.req.store!;
    let results: ReturnType<DocWriter['storeMany']>;
    try {
      if (!writer) {
        // the main thread migrated the file; this connection must leave the indexes it deferred alone
        db = openDb(file, { migrate: false });
        writer = new DocWriter(db);
      }
      const store = () => writer!.storeMany(docs.map((g) => g.rows!), runId, force);
      results = writeLock ? writeLock.run(store) : store();
    } catch (err) {
      results = docs.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    docs.forEach((g, k) => {
      const r = results[k]!;
      g.rows = undefined;
      g.result = r instanceof Error
        ? { seq: g.req.seq, ok: false, code: 'E_STORE', message: `${g.req.path}: could not store: ${errorMessage(r)}` }
        : { seq: g.req.seq, ok: true, stored: { unchanged: r.unchanged } };
    });
  }
  for (const g of group) port.postMessage(g.result!);
}
