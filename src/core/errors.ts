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
  /** a source document (PDF, web page, Word file) holds no text to read: a scan, a page without an article */
  | 'E_NO_TEXT'
  /** a password-protected document */
  | 'E_ENCRYPTED'
  /** a file that is not what its content or name says (a broken PDF, a .docx that is no zip) */
  | 'E_FORMAT'
  /** a model file that cannot be read */
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
