import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { WriteLock } from '../../src/pipeline/write-lock.js';

// the workers load the built module, as the pool's workers do (tests build first)
const LOCK_JS = fileURLToPath(new URL('../../dist/pipeline/write-lock.js', import.meta.url));

function worker(code: string, data: unknown): Worker {
  return new Worker(`const { workerData, parentPort } = require('node:worker_threads');\n(async () => {\n${code}\n})();`, { eval: true, workerData: data });
}

const exited = (w: Worker) => new Promise<number>((resolve) => w.on('exit', resolve));

describe('the write lock the storing workers take turns by', () => {
  it('lets one thread at a time through: no read-modify-write of a shared cell is lost across three threads', async () => {
    const lock = new WriteLock();
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const code = `
      const { WriteLock } = await import(${JSON.stringify(LOCK_JS)});
      const lock = new WriteLock(workerData.lock);
      const counter = new Int32Array(workerData.counter);
      for (let i = 0; i < 300; i++) {
        lock.run(() => {
          const v = counter[0];
          const until = performance.now() + 0.02;
          while (performance.now() < until);
          counter[0] = v + 1; // plain read and write: only the lock keeps them together
        });
      }
      parentPort.postMessage('done');`;
    const ws = [0, 1, 2].map(() => worker(code, { lock: lock.buffer, counter: counter.buffer }));
    await Promise.all(ws.map(exited));
    expect(counter[0]).toBe(900);
  });

  it('is released for a worker that died holding it, and the next thread gets it', async () => {
    const lock = new WriteLock();
    const w = worker(
      `const { WriteLock } = await import(${JSON.stringify(LOCK_JS)});
       new WriteLock(workerData.lock).run(() => process.exit(3));`,
      { lock: lock.buffer },
    );
    const id = w.threadId;
    expect(await exited(w)).toBe(3);
    // still held by the dead thread
    expect(Atomics.load(new Int32Array(lock.buffer), 0)).toBe(id + 1);
    lock.releaseFor(id + 1000); // another thread's id changes nothing
    expect(Atomics.load(new Int32Array(lock.buffer), 0)).toBe(id + 1);
    lock.releaseFor(id);
    expect(lock.run(() => 'got it')).toBe('got it');
    expect(Atomics.load(new Int32Array(lock.buffer), 0)).toBe(0);
  });
});
