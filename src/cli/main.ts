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

export async function main(argv: string[]): Promise<number> {
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
