/**
 * What every processing command does before its work: load the pipeline and
 * open the database, or say what is wrong on one line and set exit code 2
 * (a usage or configuration error). Each returns null after reporting.
 */
import { loadPipeline, type Pipeline } from '../pipeline/config.js';
import { openDb, type DB } from '../store/db.js';
import { NewsError, errorMessage } from '../core/errors.js';

/** One line on stderr and exit code 2. */
export function usageError(message: string): null {
  process.stderr.write(`zhnews: ${message}\n`);
  process.exitCode = 2;
  return null;
}

/** The pipeline, or null after reporting why it cannot be loaded (an unexpected error is rethrown). */
export function pipelineOrFail(file: string): Pipeline | null {
  try {
    return loadPipeline(file);
  } catch (err) {
    if (err instanceof NewsError) return usageError(err.message);
    throw err;
  }
}

/** The database, created and migrated, or null after reporting why it cannot be opened. */
export function databaseOrFail(file: string): DB | null {
  try {
    return openDb(file);
  } catch (err) {
    return usageError(`${file}: cannot open database: ${errorMessage(err)}`);
  }
}
