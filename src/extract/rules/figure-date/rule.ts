import type { FigureRule } from '../../rule.js';
import { readDates } from './reader.js';

/** Dates and periods: 2024年10月, 8月25日, 2025—2027年, 1月至7月, 今年前7个月, 上半年, 年底 (ISO 8601, resolved against the document date) */
export const rule: FigureRule = {
  id: 'figure-date',
  version: 13,
  purpose: 'Dates and periods: 2024年10月, 8月25日, 2025—2027年, 1月至7月, 今年前7个月, 上半年, 年底 (ISO 8601, resolved against the document date)',
  needs: [],
  emits: 'figure',
  run: (ctx) => readDates(ctx.text, ctx.docDate),
};

export default rule;
