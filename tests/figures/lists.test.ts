/**
 * The figure vocabulary is data (pipelines/lexicon/figure-*.txt): the scanners
 * read the lists of the folder the pipeline declares, rebuild what they made
 * from them when the folder changes, and name the file and line of a bad row.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON, useLexicon } from '../../src/core/lists.js';
import { attribute } from '../../src/extract/figures/attribution.js';
import { scanQuantities } from '../../src/extract/figures/scan.js';
import { scanTimes } from '../../src/extract/figures/times.js';

const dir = mkdtempSync(join(tmpdir(), 'zhnews-figure-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => useLexicon(DEFAULT_LEXICON));

/** A copy of the package's lists with `extra` appended to list NAME (or the list replaced). */
function lexiconWith(name: string, extra: string, replace = false): string {
  const to = mkdtempSync(join(dir, 'l-'));
  cpSync(DEFAULT_LEXICON.lists, to, { recursive: true });
  const file = join(to, `${name}.txt`);
  writeFileSync(file, replace ? extra : readFileSync(file, 'utf8') + extra);
  return to;
}

const use = (lists: string): void => useLexicon({ lists, gazetteer: DEFAULT_LEXICON.gazetteer });

describe('figure lists come from the pipeline folder', () => {
  it('a classifier added to figure-classifiers.txt makes a count; back on the default folder it does not', () => {
    const text = '共有3坨样品';
    expect(scanQuantities(text)).toEqual([]);
    use(lexiconWith('figure-classifiers', '坨\n'));
    expect(scanQuantities(text).map((f) => [f.kind, text.slice(f.start, f.end), f.value, f.unit])).toEqual([['count', '3坨', 3, '坨']]);
    useLexicon(DEFAULT_LEXICON);
    expect(scanQuantities(text)).toEqual([]);
  });

  it('a measure row gives kind, base unit and factor (a fraction is read as one)', () => {
    use(lexiconWith('figure-measures', '市亩 area m2 2000/3\n'));
    const [f] = scanQuantities('流转3市亩土地');
    expect(f && { kind: f.kind, unit: f.unit, value: f.value }).toEqual({ kind: 'area', unit: 'm2', value: 2000 });
  });

  it('a festival added to figure-festivals.txt resolves against the document date', () => {
    const text = '冬至当天，';
    expect(scanTimes(text, '2025-01-10').some((t) => t.text.startsWith('冬至'))).toBe(false);
    use(lexiconWith('figure-festivals', '冬至 solar 12-22 -\n'));
    const t = scanTimes(text, '2025-01-10').find((x) => x.text.startsWith('冬至'));
    expect(t && { text: t.text, span: t.span }).toEqual({ text: '冬至当天', span: { start: '2025-12-22', end: '2025-12-22' } });
  });

  it('attribution reads its strip words from the folder', () => {
    const run = (): string | null | undefined => {
      const text = '园区累计引进项目120个。';
      const figures = scanQuantities(text);
      attribute({ text, docDate: '2025-01-10', sentences: [], blocks: [], figures, mentions: [] });
      return figures[0]?.metric;
    };
    expect(run()).toBe('园区引进项目');
    use(lexiconWith('figure-lead-strip', '园区\n累计\n'));
    expect(run()).toBe('项目');
  });

  it('a bad row names its file and line', () => {
    use(lexiconWith('figure-measures', '# measures\n米 length m one\n', true));
    expect(() => scanQuantities('3米')).toThrow(/figure-measures\.txt:2: column 4 \(factor\) is not a number: one/);
    use(lexiconWith('figure-prefix-qualifiers', '# prefix qualifiers\n约 about\n', true));
    expect(() => scanQuantities('约3米')).toThrow(/figure-prefix-qualifiers\.txt:2: column 2 \(qualifier\) must be one of/);
  });
});
