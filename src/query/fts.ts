/**
 * Safe FTS5 queries. User text never reaches MATCH syntax: the query is split
 * into words (by the caller's segmenter), words without a letter or digit are
 * dropped, and each remaining word becomes a double-quoted FTS5 string with
 * inner quotes doubled. Space-separated strings are ANDed by FTS5.
 */

const WORDLIKE = /[\p{L}\p{N}]/u;

/** The MATCH expression for these words, or null when none is searchable. */
export function ftsQuery(words: readonly string[]): string | null {
  const kept = [...new Set(words.map((w) => w.trim()).filter((w) => WORDLIKE.test(w)))];
  if (kept.length === 0) return null;
  return kept.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
}

/** `text` with every occurrence of any of `words` (case-insensitive) wrapped in open/close; overlapping hits merge. */
export function highlight(text: string, words: readonly string[], open: string, close: string): string {
  const lower = text.toLowerCase();
  const hits: Array<[number, number]> = [];
  for (const w of new Set(words.map((x) => x.trim().toLowerCase()).filter((x) => WORDLIKE.test(x)))) {
    // lower-casing keeps UTF-16 length for the scripts we index; skip words where it would not
    if (w.length === 0) continue;
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + w.length)) hits.push([at, at + w.length]);
  }
  if (hits.length === 0 || lower.length !== text.length) return text;
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = '';
  let pos = 0;
  let cur: [number, number] | undefined;
  const flush = () => {
    if (!cur) return;
    out += text.slice(pos, cur[0]) + open + text.slice(cur[0], cur[1]) + close;
    pos = cur[1];
  };
  for (const h of hits) {
    if (cur && h[0] <= cur[1]) cur[1] = Math.max(cur[1], h[1]);
    else {
      flush();
      cur = [h[0], h[1]];
    }
  }
  flush();
  return out + text.slice(pos);
}
