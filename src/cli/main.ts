#!/usr/bin/env node
/**
 * zhnews: the command line. Exit codes: 0 success, 1 some documents failed,
 * 2 usage or configuration error.
 */
import { Command, CommanderError } from 'commander';
import { registerNormalize } from './normalize.js';
import { registerRun } from './run.js';
import { registerExtract } from './extract.js';
import { registerStats } from './stats.js';
import { registerQuery } from './query.js';
import { registerRegress } from './regress.js';
import { registerReport } from './report.js';
import { registerLoad } from './load.js';

export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zhnews')
    .description('Turn damaged Chinese news text into clean, queryable data (normalize, segment, extract, store in SQLite).')
    .showHelpAfterError()
    .exitOverride();
  registerRun(program);
  registerNormalize(program);
  registerExtract(program);
  registerLoad(program);
  registerQuery(program);
  registerRegress(program);
  registerReport(program);
  registerStats(program);
  return program;
}

/**
 * A reader that stops early (`zhnews extract … | head`) closes the pipe: the next write fails with
 * EPIPE. That is the reader's choice, not an error of ours, so the command ends quietly as Unix
 * filters do (exit 0: the records the reader took were whole lines), instead of a stack trace on
 * an unhandled 'error' event. Any other stdout error is reported as one.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    process.stderr.write(`zhnews: cannot write output: ${err.message}\n`);
    process.exit(EXIT.usage);
  });
}

export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      return EXIT.usage;
    }
    process.stderr.write(`zhnews: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
}
