/**
 * A fixed pool of worker threads running the CPU stages. Requests are queued
 * and handed to the next idle worker; each result resolves its own promise.
 * A worker that dies fails its document (never the batch) and is replaced.
 */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { ErrorCode } from '../core/errors.js';
import type { DocRows } from '../store/rows.js';
import type { WriteLock } from './write-lock.js';

export interface WorkRequest {
  seq: number;
  id: string;
  path: string;
  bytes: ArrayBuffer;
  docDate: string | null;
  /** when set, the worker stores the document itself and returns only the outcome */
  store?: { db: string; runId: number; force: boolean };
}

export type WorkResult =
  /** the document as the rows the writer stores (store/rows.ts), for the main thread to store */
  | { seq: number; ok: true; rows: DocRows }
  | { seq: number; ok: true; stored: { unchanged: boolean } }
  | { seq: number; ok: false; code: ErrorCode; message: string };

interface Job {
  req: WorkRequest;
  resolve: (r: WorkResult) => void;
}

interface Slot {
  worker: Worker;
  /** the worker's thread id, kept for releasing its write lock after it died */
  threadId: number;
  /** jobs posted to this worker, oldest first; it answers them in order */
  inFlight: Job[];
}

/**
 * Requests queued per worker. Two keep a worker busy while the main thread
 * is inside a synchronous store and cannot hand it the next document.
 */
const DEPTH = 2;

/**
 * A worker that stores its own documents (several jobs) stores them this many
 * at a time, or fewer when their sources reach `bytes` or when no request is
 * waiting (worker.ts), one transaction and one turn of the write lock a
 * group. It answers a group's documents once the group is stored, so it is
 * handed enough requests to fill one group while the next waits.
 */
export const WORKER_STORE_GROUP = { docs: 16, bytes: 1e6 } as const;
const STORE_DEPTH = WORKER_STORE_GROUP.docs + DEPTH;

/** The compiled worker; the pool runs from dist/ (tests build first). */
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

/**
 * Keep the JS heaps from growing lazily. Where a worker's memory goes
 * (measured over the 10,000 bench files, two workers): each starts at about
 * 135 MB (jieba's trie, native, ~50 MB; the entity model ~40 MB; its JS
 * heap ~50 MB, flat for the whole run). The process then climbs from ~410
 * to ~600 MB, all of it in glibc malloc arenas (one per thread that
 * allocates, each keeping its high-water mark), not in the JS heaps, the
 * tag table or SQLite's page caches (a 2 MB cache_size changed nothing);
 * jieba's cut alone, and one worker processing and storing alone, stay flat.
 * With MALLOC_ARENA_MAX=2 in the environment (read at process start, so
 * it cannot be set from here) the same run peaks at 479 MB.
 */
const RESOURCE_LIMITS = {
  maxYoungGenerationSizeMb: Number(process.env.ZHNEWS_YOUNG_MB ?? 8),
  maxOldGenerationSizeMb: Number(process.env.ZHNEWS_OLD_MB ?? 1024),
};

export class WorkerPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private closed = false;
  private readonly depth: number;

  constructor(
    readonly size: number,
    private readonly pipelineFile: string,
    /** when the workers store their own documents: the lock they take turns by */
    private readonly writeLock?: WriteLock,
  ) {
    if (!existsSync(WORKER_FILE)) {
      throw new Error(`worker script ${WORKER_FILE} not found: run \`npm run build\` first`);
    }
    this.depth = writeLock ? STORE_DEPTH : DEPTH;
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE, { workerData: { pipelineFile: this.pipelineFile, writeLock: this.writeLock?.buffer, storeGroup: WORKER_STORE_GROUP }, resourceLimits: RESOURCE_LIMITS });
    const slot: Slot = { worker, threadId: worker.threadId, inFlight: [] };
    slot.worker.on('message', (r: WorkResult) => {
      const job = slot.inFlight.shift();
      job?.resolve(r);
      this.pump();
    });
    const fail = (why: string) => {
      // a worker that died inside a store must not keep the others waiting
      this.writeLock?.releaseFor(slot.threadId);
      const jobs = slot.inFlight.splice(0);
      for (const job of jobs) job.resolve({ seq: job.req.seq, ok: false, code: 'E_PROCESS', message: `${job.req.path}: worker failed: ${why}` });
      if (!this.closed) {
        const i = this.slots.indexOf(slot);
        if (i >= 0) this.slots[i] = this.spawn();
        this.pump();
      }
    };
    slot.worker.on('error', (err) => fail(err.message));
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(`exited with code ${code}`);
    });
    return slot;
  }

  run(req: WorkRequest): Promise<WorkResult> {
    return new Promise((resolve) => {
      this.queue.push({ req, resolve });
      this.pump();
    });
  }

  private pump(): void {
    // fill the emptiest worker first, so work spreads evenly
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const slot of this.slots) if (slot.inFlight.length < this.depth && (!best || slot.inFlight.length < best.inFlight.length)) best = slot;
      if (!best) return;
      const job = this.queue.shift()!;
      best.inFlight.push(job);
      best.worker.postMessage(job.req, [job.req.bytes]);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
