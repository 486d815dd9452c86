/**
 * Encoding detection and decoding for the text that really arrives: UTF-8
 * (with or without BOM), UTF-16 LE/BE (BOM or the NUL pattern of mostly-BMP
 * text), GB18030/GBK and Big5. Non-BOM legacy encodings are told apart by
 * decoding strictly and scoring how much of the result is common Chinese.
 */
import { COMMON_SIMPLIFIED, COMMON_TRADITIONAL } from './common-chars.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type DecodeResult =
  | { ok: true; encoding: Encoding; text: string }
  | { ok: false; reason: 'empty' | 'binary' | 'undecodable'; detail: string };

function strict(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of NULs at even / odd byte positions (UTF-16 text of CJK/ASCII has many at one parity). */
function nulParity(bytes: Uint8Array): { even: number; odd: number } {
  const n = Math.min(bytes.length, 64 * 1024);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  const half = Math.max(1, n / 2);
  return { even: even / half, odd: odd / half };
}

/** Control characters other than tab/newline/CR/FF mark binary data. */
function controlShare(text: string): number {
  const n = Math.min(text.length, 64 * 1024);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / n;
}

/** How plausible a decoding is as Chinese text: common characters count, rare/private-use penalised. */
function chineseScore(text: string): number {
  let score = 0;
  const n = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    const c = ch.charCodeAt(0);
    if (COMMON_SIMPLIFIED.has(ch) || COMMON_TRADITIONAL.has(ch)) score += 2;
    else if (c >= 0x4e00 && c <= 0x9fff) score += 0.2;
    else if (c < 0x80) score += 0.1;
    else if (c >= 0x3000 && c <= 0x303f) score += 1;
    else if (c >= 0xff00 && c <= 0xffef) score += 1;
    else if ((c >= 0xe000 && c <= 0xf8ff) || (c >= 0xd800 && c <= 0xdfff)) score -= 2;
    else score -= 0.5;
  }
  return score;
}

export function decode(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'file is empty (0 bytes)' };

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = strict('utf-8', bytes.subarray(3));
    if (text === null) return { ok: false, reason: 'undecodable', detail: 'UTF-8 BOM but invalid UTF-8 bytes' };
    return finish('utf-8-bom', text);
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = strict('utf-16le', bytes.subarray(2));
    if (text === null) return { ok: false, reason: 'undecodable', detail: 'UTF-16LE BOM but invalid UTF-16' };
    return finish('utf-16le', text);
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = strict('utf-16be', bytes.subarray(2));
    if (text === null) return { ok: false, reason: 'undecodable', detail: 'UTF-16BE BOM but invalid UTF-16' };
    return finish('utf-16be', text);
  }

  const parity = nulParity(bytes);
  // UTF-16 without a BOM: the NULs (high bytes of ASCII) sit almost all at one parity;
  // a CJK character whose low byte is 0 puts a few at the other.
  const nuls = parity.even + parity.odd;
  if (bytes.length >= 4 && bytes.length % 2 === 0 && nuls > 0 && Math.min(parity.even, parity.odd) <= 0.25 * Math.max(parity.even, parity.odd)) {
    const enc: Encoding = parity.odd > parity.even ? 'utf-16le' : 'utf-16be';
    const text = strict(enc, bytes);
    if (text !== null && controlShare(text) < 0.01 && chineseScore(text) > 0) return finish(enc, text);
  }
  if (parity.even + parity.odd > 0) {
    return { ok: false, reason: 'binary', detail: 'contains NUL bytes: not a text file' };
  }

  const utf8 = strict('utf-8', bytes);
  if (utf8 !== null) return finish('utf-8', utf8);

  const candidates: Array<{ enc: Encoding; text: string; score: number }> = [];
  for (const enc of ['gb18030', 'big5'] as const) {
    const text = strict(enc, bytes);
    if (text !== null && controlShare(text) < 0.01) candidates.push({ enc, text, score: chineseScore(text) });
  }
  if (candidates.length === 0) {
    return { ok: false, reason: 'undecodable', detail: 'bytes are not valid UTF-8, UTF-16, GB18030 or Big5' };
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0]!;
  if (best.score <= 0) {
    return { ok: false, reason: 'undecodable', detail: `no encoding gives plausible Chinese text (best guess ${best.enc})` };
  }
  return finish(best.enc, best.text);
}

function finish(encoding: Encoding, text: string): DecodeResult {
  if (controlShare(text) > 0.05) return { ok: false, reason: 'binary', detail: 'mostly control characters: not a text file' };
  if (text.trim().length === 0) return { ok: false, reason: 'empty', detail: 'file holds only whitespace' };
  return { ok: true, encoding, text };
}
