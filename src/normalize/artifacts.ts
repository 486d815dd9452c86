/**
 * Pass `artifacts`: line endings, BOM, converter bookmarks, markdown heading
 * marks, layout bullets, leading/trailing whitespace. The text these marks
 * decorate stays; whitespace-only lines become empty.
 */
import { EditBuilder } from '../core/offsets.js';
import { RepairLog, type PassResult } from './pass.js';

const BOOKMARK_RE = /\[bookmark:[^\]\n]*\]/y;
const HEADING_RE = /#{1,6}(?=[ \t\u3000]|$)[ \t\u3000]*/y;
const BULLET_RE = /[■□●◆◇▲△○•▪◎★☆▶►][ \t\u3000]*/y;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff;
}

/** Could c start a bullet (BULLET_RE)? */
function maybeBullet(c: number): boolean {
  return (c >= 0x25a0 && c <= 0x25ff) || c === 0x2605 || c === 0x2606 || c === 0x2022;
}

function stickyMatch(re: RegExp, s: string, at: number, end: number): number {
  re.lastIndex = at;
  const m = re.exec(s);
  if (!m || re.lastIndex > end) return 0;
  return m[0].length;
}

export function artifacts(input: string): PassResult {
  const b = new EditBuilder(input);
  const log = new RepairLog('artifacts');
  // the loop in its own function: see readLoop in src/extract/figures/reading.ts (OSR deopts)
  artifactLines(input, b, log);
  const { text, map } = b.finish();
  return { text, map, repairs: log.list };
}

function artifactLines(input: string, b: EditBuilder, log: RepairLog): void {
  const n = input.length;
  let pos = 0;
  nextBookmark.at = -1;
  if (n > 0 && input.charCodeAt(0) === 0xfeff) {
    b.delete(1);
    log.add('g', 0, 1, '\ufeff', '');
    pos = 1;
  }
  while (pos <= n) {
    // find the end of this line (before \r\n, \r or \n)
    let e = pos;
    while (e < n) {
      const c = input.charCodeAt(e);
      if (c === 0x0a || c === 0x0d) break;
      e++;
    }
    cleanLine(input, pos, e, b, log);
    if (e >= n) break;
    if (input.charCodeAt(e) === 0x0d) {
      if (e + 1 < n && input.charCodeAt(e + 1) === 0x0a) {
        b.delete(1).keep(1);
        log.add('g', e, e + 1, '\r', '');
        pos = e + 2;
      } else {
        b.replace(1, '\n');
        log.add('g', e, e + 1, '\r', '\n');
        pos = e + 1;
      }
    } else {
      b.keep(1);
      pos = e + 1;
    }
  }
}

/** Position of the next "[bookmark:" at or after the last search (2^32-1 when none). */
const nextBookmark = { at: -1 };

function cleanLine(s: string, start: number, end: number, b: EditBuilder, log: RepairLog): void {
  let p = start;
  // leading whitespace, heading marks, bullets, in any order, repeatedly
  // (most lines start with none of them: test the first character first)
  const c0 = start < end ? s.charCodeAt(start) : 0;
  const marked = isWs(c0) || c0 === 0x23 || c0 === 0x5b || (c0 >= 0x25a0 && c0 <= 0x25ff) || (c0 >= 0x2605 && c0 <= 0x2606) || c0 === 0x2022 || c0 === 0x25b6 || c0 === 0x25ba;
  // (each pattern is tried only where its first character is: a paragraph
  // indent, the common case, is whitespace alone)
  for (; marked; ) {
    const at = p;
    while (p < end && isWs(s.charCodeAt(p))) p++;
    if (p < end && s.charCodeAt(p) === 0x23) p += stickyMatch(HEADING_RE, s, p, end); // #
    if (p < end && maybeBullet(s.charCodeAt(p))) p += stickyMatch(BULLET_RE, s, p, end);
    if (p < end && s.charCodeAt(p) === 0x5b) p += stickyMatch(BOOKMARK_RE, s, p, end); // [
    if (p === at) break;
  }
  if (p > start) {
    log.add('g', start, p, s.slice(start, p), '');
    b.delete(p - start);
  }
  // trailing whitespace
  let q = end;
  while (q > p && isWs(s.charCodeAt(q - 1))) q--;
  // bookmarks inside the line (the next occurrence is searched once and
  // remembered, so the whole document is scanned once, not once per line)
  let i = p;
  for (;;) {
    if (nextBookmark.at < i) nextBookmark.at = s.indexOf('[bookmark:', i) >>> 0;
    const j = nextBookmark.at;
    if (j >= q) break;
    const k = stickyMatch(BOOKMARK_RE, s, j, q);
    if (!k) {
      i = j + 1;
      continue;
    }
    b.keepTo(j);
    b.delete(k);
    log.add('g', j, j + k, s.slice(j, j + k), '');
    i = j + k;
  }
  b.keepTo(q);
  if (end > q) {
    log.add('g', q, end, s.slice(q, end), '');
    b.delete(end - q);
  }
}
