/**
 * The shape of a Chinese personal name: a surname from the gazetteer's
 * surname list (one character, or a compound surname of two) followed by one
 * or two characters. Used by structure (bylines, credits) and by the entity
 * rules; it says whether a word can be a name, not whether it is one.
 */
import { join } from 'node:path';
import { lexiconDirs, onLexiconChange, readList } from './lists.js';

let surnames: { single: Set<string>; compound: Set<string> } | null = null;
onLexiconChange(() => (surnames = null));

/** The gazetteer's surnames (surnames.txt), one-character and compound. */
export function surnameSets(): { single: ReadonlySet<string>; compound: ReadonlySet<string> } {
  if (!surnames) {
    const all = readList(join(lexiconDirs().gazetteer, 'surnames.txt'));
    surnames = { single: new Set(all.filter((s) => s.length === 1)), compound: new Set(all.filter((s) => s.length === 2)) };
  }
  return surnames;
}

const HAN = /^[\u3400-\u9fff]+$/u;

/** Is `name` shaped like a Chinese personal name (surname + 1–2 characters, or compound surname + 1–2)? */
export function isChineseName(name: string): boolean {
  if (!HAN.test(name)) return false;
  const s = surnameSets();
  if (name.length >= 3 && name.length <= 4 && s.compound.has(name.slice(0, 2))) return true;
  return name.length >= 2 && name.length <= 3 && s.single.has(name[0]!);
}
