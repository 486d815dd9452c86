/**
 * Every quantity of a text at once, outside the runner: the quantity rules'
 * readers over one reading of the text, overlaps resolved by the figure policy
 * `longest-most-specific`. For the peer-spec adapters (which read with spaces
 * inside numerals, `{spaces: true}`) and the word-list tests; the pipeline runs
 * the rules through the runner instead. It sits above the rules (it imports
 * their readers); nothing the rules import comes from here.
 */
import type { FigureHit } from '../rule.js';
import { readText, type ScanOptions } from './reading.js';
import { longestMostSpecific } from './overlap.js';
import { readCount } from '../rules/figure-count/reader.js';
import { readDuration } from '../rules/figure-duration/reader.js';
import { readMagnitude } from '../rules/figure-magnitude/reader.js';
import { readMeasure } from '../rules/figure-measure/reader.js';
import { readMoney } from '../rules/figure-money/reader.js';
import { readOrdinal } from '../rules/figure-ordinal/reader.js';
import { readPercent } from '../rules/figure-percent/reader.js';
import { readRatio } from '../rules/figure-ratio/reader.js';

export type { ScanOptions };

const READERS = [readCount, readDuration, readMagnitude, readMeasure, readMoney, readOrdinal, readPercent, readRatio];

/** The quantities (not dates, not scale readings) of text. */
export function scanQuantities(text: string, opt: ScanOptions = {}): FigureHit[] {
  const rs = readText(text, opt);
  const all: FigureHit[] = [];
  for (const read of READERS) for (const h of read(rs)) all.push(h);
  return longestMostSpecific(all);
}
