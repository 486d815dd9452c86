/**
 * Coded, user-facing errors. Every message names the file (or input) and the
 * problem in one line; `code` is stable for machines and the `errors` table.
 */
export type ErrorCode =
  | 'E_NOT_FOUND'
  | 'E_UNREADABLE'
  | 'E_EMPTY'
  | 'E_BINARY'
  | 'E_DECODE'
  | 'E_PIPELINE'
  | 'E_DICT'
  | 'E_PROCESS'
  | 'E_STORE'
  | 'E_INPUT'
  | 'E_MODEL';

export class NewsError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'NewsError';
  }
}

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

export function errorCode(err: unknown): ErrorCode {
  return err instanceof NewsError ? err.code : 'E_PROCESS';
}
