/** What a source-format reader returns: the extracted text (RawDoc.raw) and what it knows about it. */
export interface Extracted {
  format: 'html' | 'docx' | 'pdf';
  /** one paragraph per line, ending with a newline */
  text: string;
  meta: Record<string, unknown>;
  layout: unknown;
}
