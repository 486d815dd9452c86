/**
 * The date reader: the dates and periods of src/extract/figures/dates.ts (the
 * date grammar is shared with the time expressions attribution reads, so it
 * stays in the figures library); each call reads afresh, so the figures are this rule's own.
 */
import type { FigureHit } from '../../rule.js';
import { scanDates } from '../../figures/dates.js';

/** Date and period figures of a text, resolved against the document date. */
export const readDates = (text: string, docDate: string | null): FigureHit[] => scanDates(text, docDate);
