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

/** A photo caption line (ends in a credit): layout may drop one inside a quote. */
const CAPTION_LINE = /(?:摄|摄影报道|供图|文\/图|图\/文)[）)]?$/u;

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
      if (text[i + 1] === '“') continue;
      // a caption dropped into a quote cut mid-sentence: skip it and read on
      let nextEnd = text.indexOf('\n', i + 1);
      if (nextEnd < 0) nextEnd = text.length;
      const next = text.slice(i + 1, nextEnd);
      const cut = !/[。！？…”]$/u.test(text.slice(Math.max(0, i - 1), i));
      const balanced = (next.match(/“/gu) ?? []).length === (next.match(/”/gu) ?? []).length;
      if (cut && CAPTION_LINE.test(next) && balanced && nextEnd < text.length) {
        i = nextEnd; // the newline after the caption continues the quote
        continue;
      }
      open = -1;
    }
  }
  return out;
}

/** Speech rather than a term in quotes: long, or has clause punctuation. */
export function isSpeech(content: string): boolean {
  return content.length >= 16 || /[，。！？；：]/u.test(content);
}
