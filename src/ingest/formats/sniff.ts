/**
 * Which reader a file needs, decided by its content (magic bytes) first and
 * by its extension only when the content says nothing: %PDF is a PDF, a zip
 * holding word/document.xml is a Word file, markup that opens with a doctype
 * or <html> is a web page. A file whose name promises a format its content
 * does not have is read as what its name says, so that the reader names the
 * problem ("not a zip archive") instead of the text decoder.
 */
import { extname } from 'node:path';
import { zipEntries } from './zip.js';

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf';

export const FORMAT_EXTENSIONS: Record<SourceFormat, readonly string[]> = {
  text: ['.txt', '.md'],
  html: ['.html', '.htm', '.xhtml'],
  docx: ['.docx'],
  pdf: ['.pdf'],
};

/** The format names `--formats` accepts (txt and md both mean the text reader's extensions). */
export const FORMAT_NAMES = ['txt', 'md', 'html', 'docx', 'pdf'] as const;

/** Extensions a folder walk takes for the given `--formats` names (all by default). */
export function extensionsFor(names?: readonly string[]): Set<string> {
  const all = names ?? FORMAT_NAMES;
  const out = new Set<string>();
  for (const n of all) {
    if (n === 'txt') out.add('.txt');
    else if (n === 'md') out.add('.md');
    else if (n === 'html') FORMAT_EXTENSIONS.html.forEach((e) => out.add(e));
    else if (n === 'docx') out.add('.docx');
    else if (n === 'pdf') out.add('.pdf');
  }
  return out;
}

export function formatOfExtension(path: string): SourceFormat | null {
  const ext = extname(path).toLowerCase();
  for (const [f, exts] of Object.entries(FORMAT_EXTENSIONS)) if (exts.includes(ext)) return f as SourceFormat;
  return null;
}

function startsWith(bytes: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > bytes.length) return false;
  for (let i = 0; i < s.length; i++) if (bytes[at + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** The format the content shows, or null when it shows none of ours (plain text, or unknown bytes). */
export function sniffContent(bytes: Uint8Array): SourceFormat | null {
  // %PDF-1.x / %PDF-2.0 may follow a little junk (the spec allows it within the first 1024 bytes)
  const head = Math.min(bytes.length, 1024);
  for (let i = 0; i + 6 <= head; i++) {
    if (bytes[i] === 0x25 && startsWith(bytes, i, '%PDF-') && bytes[i + 5]! >= 0x31 && bytes[i + 5]! <= 0x32) return 'pdf';
  }
  if (startsWith(bytes, 0, 'PK\x03\x04')) {
    const entries = zipEntries(bytes);
    if (entries?.some((e) => e.name === 'word/document.xml')) return 'docx';
    return null;
  }
  // markup: skip a BOM and leading whitespace, then <!doctype html, <html, or an XML prolog followed by html
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 2048)).toString('utf8').replace(/^\uFEFF/, '');
  const lead = text.trimStart().slice(0, 600).toLowerCase();
  if (/^<!doctype\s+html/.test(lead) || /^<html[\s>]/.test(lead)) return 'html';
  if (/^<\?xml[^>]*>\s*(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>])/.test(lead)) return 'html';
  if (/^(<!--[\s\S]*?-->\s*)+(<!doctype\s+html|<html[\s>])/.test(lead)) return 'html';
  return null;
}

/** The reader for a file: its content decides; its extension decides only when the content is silent. */
export function detectFormat(path: string, bytes: Uint8Array): SourceFormat {
  return sniffContent(bytes) ?? formatOfExtension(path) ?? 'text';
}
