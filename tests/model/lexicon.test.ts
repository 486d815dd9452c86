/**
 * The training lists of the entity model (src/model/lexicon.ts): what they
 * collect from annotated sentences, that jackknifed folds never see their
 * own fold's names, and that the features read them (and only with them).
 */
import { describe, expect, it } from 'vitest';
import { collectLexicon, foldOf, jackknife, type LexRow } from '../../src/model/lexicon.js';
import { DEFAULT_TABLE_BITS, DOC_SLOT, FEATURES, compileLexicon, planOf, sentenceFeatures, vocabulary, withLexicon, type Layout } from '../../src/model/features.js';
import type { Span } from '../../src/model/model.js';
import { FpList } from '../../src/model/fingerprint.js';
import { defaultContext as contextFor } from '../../src/pipeline/context.js';

/** A row from a sentence and its names (each name's first occurrence). */
function row(text: string, names: Array<[string, Span['type']]>): LexRow {
  const spans: Span[] = names.map(([name, type]) => {
    const start = text.indexOf(name);
    if (start < 0) throw new Error(`${name} not in ${text}`);
    return { type, start, end: start + name.length };
  });
  spans.sort((a, b) => a.start - b.start);
  return { text, spans, tokens: contextFor(text).tokens };
}

const surname = (c: string): boolean => '王李张刘陈'.includes(c);

const rows: LexRow[] = [
  row('王建国昨天到了深圳。', [['王建国', 'PER'], ['深圳', 'LOC']]),
  row('深圳市政府委员会开会。', [['深圳市政府委员会', 'ORG']]),
  row('李明和建国在深圳见面。', [['李明', 'PER'], ['建国', 'PER'], ['深圳', 'LOC']]),
  row('新中国建国五十年。', []),
];

describe('training lists', () => {
  const lex = collectLexicon(rows, surname);
  const ents = new Map(lex.ents);

  it('keeps names of two characters or more with their majority type and how often they are names where they occur', () => {
    // 深圳 is a LOC twice of the three times it occurs (once inside the ORG): bucket 0.6-0.9
    expect(ents.get('深圳')).toBe(1 + 1 * 4 + 2);
    // 建国 is a name once of its three occurrences: bucket 0.3-0.6
    expect(ents.get('建国')).toBe(1 + 0 * 4 + 1);
    expect(ents.get('深圳市政府委员会')).toBe(1 + 2 * 4 + 3);
    expect(ents.has('新中国')).toBe(false);
  });

  it('cuts given names from three-character people whose first character is a surname', () => {
    expect(lex.given).toEqual(['建国']);
  });

  it('gives jieba words their most frequent entity role', () => {
    const words = new Map(lex.words);
    // the jieba word 深圳 is a whole LOC (role S-LOC) wherever it is a word
    expect(((words.get('深圳') ?? 0) - 1) >> 2).toBe(0 * 3 + 1);
    expect(words.has('开会')).toBe(false);
  });

  it('is the same for the same rows', () => {
    expect(collectLexicon([...rows], surname)).toEqual(lex);
  });
});

describe('jackknifed lists', () => {
  it('gives each fold the names of the other folds only, and all of them to the whole', () => {
    const K = 2;
    const { folds, all } = jackknife(rows, K, surname);
    expect(rows.map((_, k) => foldOf(k, rows.length, K))).toEqual([0, 0, 1, 1]);
    const names = (d: typeof all): string[] => d.ents.map(([w]) => w);
    // 王建国 and the ORG are annotated in fold 0 only, 李明 in fold 1 only
    expect(names(folds[0]!)).not.toContain('王建国');
    expect(names(folds[0]!)).toContain('李明');
    expect(names(folds[1]!)).toContain('王建国');
    expect(names(folds[1]!)).not.toContain('李明');
    expect(all).toEqual(collectLexicon(rows, surname));
  });
});

describe('features with the lists', () => {
  const layout: Layout = { chars: vocabulary(rows.map((r) => r.text), 1), ...DEFAULT_TABLE_BITS };
  const plan = planOf(layout);
  const lexPlan = withLexicon(plan, compileLexicon(collectLexicon(rows, surname)));

  it('mark a known name and leave the slots null without lists', () => {
    const text = '王建国去了深圳。';
    const { tokens } = contextFor(text);
    const bare = new Uint32Array(text.length * FEATURES);
    const withLists = new Uint32Array(text.length * FEATURES);
    sentenceFeatures(text, tokens, plan, bare);
    sentenceFeatures(text, tokens, lexPlan, withLists);
    const slot = DOC_SLOT - 5; // the first of the five list features: the known-name mark by token position
    const at = (ids: Uint32Array, ch: string, k: number): number => ids[text.indexOf(ch) * FEATURES + k]!;
    for (let i = 0; i < text.length; i++) for (let k = slot; k < FEATURES; k++) expect(bare[i * FEATURES + k]).toBe(0);
    expect(at(withLists, '深', slot)).not.toBe(0);
    expect(at(withLists, '王', slot)).not.toBe(0);
    expect(at(withLists, '去', slot)).toBe(0);
    // the jieba word 深圳 has a role in the lists (slot + 2), 去 has none
    expect(at(withLists, '圳', slot + 2)).not.toBe(0);
    expect(at(withLists, '去', slot + 2)).toBe(0);
    // the other features do not change
    for (let i = 0; i < text.length; i++) for (let k = 0; k < slot; k++) expect(withLists[i * FEATURES + k]).toBe(bare[i * FEATURES + k]);
    expect(Math.max(...withLists)).toBeLessThan(plan.size);
  });
});

describe('the lists as fingerprints (model format 4)', () => {
  const lex = collectLexicon(rows, surname);
  const ents = FpList.of(lex.ents, true);
  const codes = (s: string): Int32Array => Int32Array.from(s, (c) => c.charCodeAt(0));

  it('answer like the strings: the longest listed name at a position, with its code', () => {
    const text = codes('他说深圳市政府委员会和深圳');
    // 深圳市政府委员会 (ORG) is longer than 深圳 (LOC) at the same start
    expect(ents.longestAt(text, 2, text.length)).toBe(8);
    expect(ents.val).toBe(new Map(lex.ents).get('深圳市政府委员会'));
    expect(ents.longestAt(text, 11, text.length)).toBe(2);
    expect(ents.val).toBe(new Map(lex.ents).get('深圳'));
    // a prefix of a name is no name; a char no name starts with stops at once
    expect(ents.longestAt(codes('深圳市政府开会'), 0, 7)).toBe(2);
    expect(ents.longestAt(text, 0, text.length)).toBe(0);
    const words = FpList.of(lex.words, false);
    expect(words.valueOf(codes('深圳'), 0, 2)).toBe(new Map(lex.words).get('深圳'));
    expect(words.valueOf(codes('开会'), 0, 2)).toBe(0);
  });

  it('store no string: the parts rebuild the same list and hold none of its names', () => {
    const again = new FpList(ents.parts);
    const text = codes('他说深圳市政府委员会和深圳');
    for (let i = 0; i < text.length; i++) expect(again.longestAt(text, i, text.length)).toBe(ents.longestAt(text, i, text.length));
    const p = ents.parts;
    const bytes = Buffer.concat([p.hi, p.lo, p.val, p.pair].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
    for (const [name] of lex.ents) {
      expect(bytes.includes(Buffer.from(name, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(name, 'utf16le'))).toBe(false);
    }
  });
});
