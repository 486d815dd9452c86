// The CLI and the worker threads run compiled code: build dist/ when a source
// changed (`npm test` builds in its pretest step already; then this is a no-op).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  // builds only when a source is newer than the last build (scripts/build.mjs)
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
