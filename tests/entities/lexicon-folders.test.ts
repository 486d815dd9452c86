/**
 * The entity lexicon and the rules' word lists follow the pipeline's folders:
 * after `useLexicon` points at other folders, the gazetteer index and the
 * regexes built from lists are rebuilt from them (and back again).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_LEXICON, useLexicon } from '../../src/core/lists.js';
import { lexicon } from '../../src/extract/entities/lexicon.js';
import { roadAfter } from '../../src/extract/entities/places.js';
import { isChineseName } from '../../src/core/names.js';

const temps: string[] = [];
function copyOf(dir: string): string {
  const d = mkdtempSync(join(tmpdir(), 'zhnews-lex-'));
  temps.push(d);
  cpSync(dir, d, { recursive: true });
  return d;
}

afterEach(() => {
  useLexicon(DEFAULT_LEXICON);
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('entity lexicon folders', () => {
  it("reads the gazetteers from the pipeline's gazetteer folder and drops its index when the folder changes", () => {
    expect(lexicon().orgs.has('青柠檬测绘联社')).toBe(false);
    const gaz = copyOf(DEFAULT_LEXICON.gazetteer);
    appendFileSync(join(gaz, 'orgs.txt'), '\n青柠檬测绘联社\n');
    useLexicon({ ...DEFAULT_LEXICON, gazetteer: gaz });
    expect(lexicon().orgs.has('青柠檬测绘联社')).toBe(true);
    useLexicon(DEFAULT_LEXICON);
    expect(lexicon().orgs.has('青柠檬测绘联社')).toBe(false);
  });

  it('shapes names with the surnames of the current gazetteer folder (one helper, src/core/names.ts)', () => {
    expect(isChineseName('张伟')).toBe(true);
    const gaz = copyOf(DEFAULT_LEXICON.gazetteer);
    const surnames = readFileSync(join(gaz, 'surnames.txt'), 'utf8');
    writeFileSync(join(gaz, 'surnames.txt'), surnames.replace(/(^|\s)张(?=\s|$)/gu, '$1'));
    useLexicon({ ...DEFAULT_LEXICON, gazetteer: gaz });
    expect(isChineseName('张伟')).toBe(false);
  });

  it('rebuilds a regex made from a word list when the lists folder changes', () => {
    expect(roadAfter().test('道路')).toBe(true);
    expect(roadAfter().test('巷子')).toBe(true);
    const lists = copyOf(DEFAULT_LEXICON.lists);
    const file = join(lists, 'place-road-words.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^巷\n/mu, ''));
    useLexicon({ ...DEFAULT_LEXICON, lists });
    expect(roadAfter().test('道路')).toBe(true);
    expect(roadAfter().test('巷子')).toBe(false);
  });
});
