/**
 * The date reader: the dates and periods of src/extract/figures/dates.ts (the
 * date grammar is shared with the time expressions attribution reads, so it
 * stays in the figures library), as figures of one object shape.
 */
import type { FigureHit } from '../../rule.js';
import { scanDates } from '../../figures/dates.js';

/**
 * A copy with every field a figure can have, in one order: all figures share
 * one object shape, so the pack and attribution write to them without
 * reshaping each (absent optional fields stay undefined and are not serialized).
 */
function shaped(h: FigureHit): FigureHit {
  return {
    kind: h.kind,
    start: h.start,
    end: h.end,
    value: h.value,
    valueMax: h.valueMax,
    unit: h.unit,
    qualifier: h.qualifier,
    date: h.date,
    dateEnd: h.dateEnd,
    attrs: h.attrs,
    metric: null,
    change: null,
    basis: null,
    subject: null,
    subjectEntity: null,
    time: null,
    period: null,
  };
}

/** Date and period figures of a text, resolved against the document date. */
export const readDates = (text: string, docDate: string | null): FigureHit[] => scanDates(text, docDate).map(shaped);
