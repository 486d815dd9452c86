/**
 * The rules share one scan of a text: the first rule to ask scans, the others
 * reuse it (a one-entry cache keyed by the text and document date).
 */
import type { FigureHit } from '../rule.js';
import { scanDates } from './dates.js';
import { scanQuantities } from './scan.js';

let lastText: string | null = null;
let lastQ: FigureHit[] = [];
let lastDateKey: string | null = null;
let lastD: FigureHit[] = [];

export function quantitiesOf(text: string): FigureHit[] {
  if (text !== lastText) {
    lastText = text;
    lastQ = scanQuantities(text);
    lastDateKey = null;
  }
  return lastQ;
}

export function datesOf(text: string, docDate: string | null): FigureHit[] {
  const key = docDate ?? '';
  if (text !== lastText) {
    lastText = text;
    lastQ = scanQuantities(text);
    lastDateKey = null;
  }
  if (lastDateKey !== key) {
    lastDateKey = key;
    lastD = scanDates(text, docDate);
  }
  return lastD;
}
