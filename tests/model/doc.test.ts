/**
 * Document marks (src/model/doc.ts): a string the first pass tagged in one
 * piece marks its other occurrences, and the given name cut from a
 * three-character name marks the given name alone; a piece's own spans
 * never mark itself; the window bounds the document.
 */
import { describe, expect, it } from 'vitest';
import { docMarks } from '../../src/model/doc.js';
import type { Span } from '../../src/model/model.js';

const PER = (start: number, end: number): Span => ({ type: 'PER', start, end });
const ORG = (start: number, end: number): Span => ({ type: 'ORG', start, end });

// kind PER 0, LOC 1, ORG 2, given name 3; count once 0, twice or more 1; B 0 M 1 E 2
const mark = (kind: number, twice: number, pos: number): number => (kind * 2 + twice) * 3 + pos + 1;

describe('document marks', () => {
  const texts = ['记者采访了作家王晓明。', '晓明说，他写了三年。', '王晓明和华星公司签约。', '华星公司的人来了。'];
  const spans = [[PER(7, 10)], [], [PER(0, 3), ORG(4, 8)], []];

  it('marks a name tagged elsewhere, and its given name alone', () => {
    const m = docMarks(texts, spans);
    // piece 1: 晓明 is the given name of 王晓明 (tagged in two other pieces)
    expect([...m[1]!.slice(0, 3)]).toEqual([mark(3, 1, 0), mark(3, 1, 2), 0]);
    // piece 3: 华星公司 was tagged ORG once, in piece 2
    expect([...m[3]!.slice(0, 5)]).toEqual([mark(2, 0, 0), mark(2, 0, 1), mark(2, 0, 1), mark(2, 0, 2), 0]);
    // piece 0: 王晓明 was tagged in piece 2 only (its own span does not count)
    expect([...m[0]!.slice(7, 10)]).toEqual([mark(0, 0, 0), mark(0, 0, 1), mark(0, 0, 2)]);
  });

  it('keeps to the window and leaves unmarked pieces null', () => {
    const m = docMarks(texts, spans, 1);
    // piece 3 sees pieces 2 and (none after): 华星公司 still marked; piece 0 sees piece 1 only: nothing
    expect(m[3]).not.toBeNull();
    expect(m[0]).toBeNull();
    // a lone piece marks nothing
    expect(docMarks([texts[0]!], [spans[0]!])[0]).toBeNull();
  });
});
