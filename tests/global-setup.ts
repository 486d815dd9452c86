// The CLI and the worker threads run compiled code: build dist/ once when it
// is missing (`npm test` builds in its pretest step already).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (!existsSync('dist/cli/main.js') || !existsSync('dist/pipeline/worker.js')) {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  }
}
