/**
 * Quotation scanning shared by the quote rules: “…” spans in normalized
 * text, continued across paragraph breaks when the next paragraph opens with
 * “ (the Chinese convention for a quote running over paragraphs), and the
 * test for speech (not a scare quote).
 */
export interface QuoteSpan {
  /** offset of the opening “ */
  open: number;
  /** offset of the closing ” */
  close: number;
}

export function scanQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“') {
      if (open >= 0 && i > 0 && text[i - 1] === '\n') continue; // continuation paragraph
      open = i;
    } else if (c === '”') {
      if (open >= 0) out.push({ open, close: i });
      open = -1;
    } else if (c === '\n' && open >= 0) {
      if (text[i + 1] !== '“') open = -1;
    }
  }
  return out;
}

/** Speech rather than a term in quotes: long, or has clause punctuation. */
export function isSpeech(content: string): boolean {
  return content.length >= 16 || /[，。！？；：]/u.test(content);
}
