/**
 * Safe FTS5 queries. User text never reaches MATCH syntax: the query is split
 * into words (by the caller's segmenter), words without a letter or digit are
 * dropped, and each remaining word becomes a double-quoted FTS5 string with
 * inner quotes doubled. Space-separated strings are ANDed by FTS5.
 */

const WORDLIKE = /[\p{L}\p{N}]/u;

/** The MATCH expression for these words (all must occur), or null when none is searchable. */
export function ftsQuery(words: readonly string[]): string | null {
  return ftsMatch(words.map((w) => [[w]]));
}

/** One FTS5 string: the tokens inside are read by the tokenizer as a phrase (consecutive tokens). */
function phrase(tokens: readonly string[]): string {
  return `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;
}

/**
 * The MATCH expression for a query of parts that must all occur; each part is
 * a list of alternative token sequences (its segmentations), any of which may
 * match as a phrase. Null when no part has a searchable token.
 */
export function ftsMatch(parts: ReadonlyArray<ReadonlyArray<readonly string[]>>): string | null {
  const terms: string[] = [];
  const seen = new Set<string>();
  for (const alternatives of parts) {
    const phrases = [
      ...new Set(
        alternatives
          .map((toks) => toks.map((t) => t.trim()).filter((t) => WORDLIKE.test(t)))
          .filter((toks) => toks.length > 0)
          .map(phrase),
      ),
    ];
    if (phrases.length === 0) continue;
    const term = phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
    if (!seen.has(term)) {
      seen.add(term);
      terms.push(term);
    }
  }
  return terms.length ? terms.join(' AND ') : null;
}

/**
 * Ways to write `word` as a sequence of the given dictionary words (e.g. from
 * jieba's cutAll), longest pieces first, at most `max`. The index may have cut a
 * word differently in context (北京亦庄 as 北京 + 亦庄), so a search tries each.
 */
export function tilings(word: string, pieces: readonly string[], max = 8): string[][] {
  const dict = [...new Set(pieces.filter((p) => p.length > 0 && word.includes(p)))].sort((a, b) => b.length - a.length);
  const out: string[][] = [];
  const walk = (pos: number, acc: string[]) => {
    if (out.length >= max) return;
    if (pos === word.length) {
      out.push([...acc]);
      return;
    }
    for (const p of dict) {
      if (word.startsWith(p, pos)) {
        acc.push(p);
        walk(pos + p.length, acc);
        acc.pop();
      }
    }
  };
  walk(0, []);
  return out;
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
