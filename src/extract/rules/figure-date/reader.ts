/**
 * The date reader: the dates and periods of src/extract/figures/dates.ts (the
 * date grammar is shared with the time expressions attribution reads, so it
 * stays in the figures library); each call reads afresh, so the figures are this rule's own.
 * The time expressions that are no date of dates.ts (昨天, 三年前, 春节) are added by `withTimes`.
 */
import type { FigureHit } from '../../rule.js';
import { scanDates } from '../../figures/dates.js';
import { withTimes } from './times.js';

/** Date and period figures of a text, resolved against the document date. */
export const readDates = (text: string, docDate: string | null): FigureHit[] => withTimes(text, docDate, scanDates(text, docDate));
