/**
 * Word lists as data: every list a rule reads is a file, one entry per line
 * (a `#` starts a comment; the file begins with a comment saying what the
 * list is for), in the folders the pipeline declares under `lexicon:`
 * (`lists` for word lists, `gazetteer` for gazetteers). The pipeline hash
 * covers their contents (src/pipeline/config.ts). A rule asks for a list by
 * name: `wordSet('person-not-name-end')` reads `<lists>/person-not-name-end.txt`.
 * Lists are read once per thread and folder; `useLexicon` points this thread
 * at a pipeline's folders (the engine calls it before running rules).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LexiconDirs {
  /** folder of word lists (NAME.txt) */
  lists: string;
  /** folder of gazetteers */
  gazetteer: string;
  /** trained model files by name (pipelines' `models:`) */
  models?: Readonly<Record<string, string>>;
}

/** The package's own folders: pipelines/lexicon and pipelines/gazetteer beside src/ (or dist/). */
export const DEFAULT_LEXICON: LexiconDirs = {
  lists: fileURLToPath(new URL('../../pipelines/lexicon/', import.meta.url)),
  gazetteer: fileURLToPath(new URL('../../pipelines/gazetteer/', import.meta.url)),
};

let dirs: LexiconDirs = DEFAULT_LEXICON;
const cache = new Map<string, readonly string[]>();

/** Use a pipeline's folders from now on in this thread (a change empties the cache). */
export function useLexicon(next: LexiconDirs): void {
  if (next.lists === dirs.lists && next.gazetteer === dirs.gazetteer && JSON.stringify(next.models ?? {}) === JSON.stringify(dirs.models ?? {})) return;
  dirs = next;
  cache.clear();
  listeners.forEach((f) => f());
}

export function lexiconDirs(): LexiconDirs {
  return dirs;
}

/** The file of model NAME the pipeline declared, or undefined. */
export function modelFile(name: string): string | undefined {
  return dirs.models?.[name];
}

const listeners: Array<() => void> = [];
/** Called when the folders change: modules that index lists drop their indexes. */
export function onLexiconChange(f: () => void): void {
  listeners.push(f);
}

/** Entries of a list file: lines without comments, split on whitespace. */
export function readList(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const t = line.replace(/#.*$/u, '').trim();
    if (!t) continue;
    for (const w of t.split(/\s+/u)) if (w) out.push(w);
  }
  return out;
}

/** The entries of list NAME, in file order, duplicates kept out. */
export function wordList(name: string): readonly string[] {
  let l = cache.get(name);
  if (!l) {
    const file = join(dirs.lists, `${name}.txt`);
    if (!existsSync(file)) throw new Error(`word list "${name}" not found: ${file}`);
    l = Object.freeze([...new Set(readList(file))]);
    cache.set(name, l);
  }
  return l;
}

const sets = new Map<string, ReadonlySet<string>>();
onLexiconChange(() => sets.clear());
export function wordSet(name: string): ReadonlySet<string> {
  let s = sets.get(name);
  if (!s) {
    s = new Set(wordList(name));
    sets.set(name, s);
  }
  return s;
}

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** The list as a regular-expression alternation, longest entries first: `(?:A|B|…)`. */
export function alternation(name: string): string {
  return `(?:${[...wordList(name)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|')})`;
}
