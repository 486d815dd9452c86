/**
 * One writer at a time among the threads of one `run`, without sleeping.
 *
 * With several jobs every worker stores its own documents, and SQLite lets
 * one write transaction in at a time. A connection that finds the lock taken
 * waits in SQLite's busy handler, which sleeps 1, 2, 5, 10… ms between
 * tries; a document's store takes 2-5 ms, so a worker that collides sleeps
 * well past the moment the lock came free, and its core idles. This lock is
 * a shared Int32 cell: a thread that finds it taken blocks in Atomics.wait
 * and is woken the moment the holder releases it. SQLite's own lock still
 * guards against other processes (a concurrent `run`, a reader's checkpoint).
 *
 * The cell holds the holder's thread id (0: free), so that the pool can
 * release the lock of a worker that died holding it (`releaseFor`).
 */
import { threadId } from 'node:worker_threads';

/** Longest single wait before looking at the cell again (a safety net; release always notifies). */
const WAIT_MS = 200;

export class WriteLock {
  private readonly cell: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer);
  }

  /** Run `f` holding the lock (re-entrant calls from the holder are not supported). */
  run<T>(f: () => T): T {
    const me = threadId + 1; // the main thread's id is 0
    for (;;) {
      const held = Atomics.compareExchange(this.cell, 0, 0, me);
      if (held === 0) break;
      Atomics.wait(this.cell, 0, held, WAIT_MS);
    }
    try {
      return f();
    } finally {
      Atomics.store(this.cell, 0, 0);
      Atomics.notify(this.cell, 0, 1);
    }
  }

  /** Free the lock if the thread `workerThreadId` (a Worker's threadId) died holding it. */
  releaseFor(workerThreadId: number): void {
    if (Atomics.compareExchange(this.cell, 0, workerThreadId + 1, 0) === workerThreadId + 1) Atomics.notify(this.cell, 0, 1);
  }
}
