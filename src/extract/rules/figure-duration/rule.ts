import type { FigureRule } from '../../rule.js';
import { readingsOf } from '../../figures/reading.js';
import { readDuration } from './reader.js';

/** Durations: 18个月, 10年, 半年, 8个多月 (year, month, day, hour …) */
export const rule: FigureRule = {
  id: 'figure-duration',
  version: 7,
  purpose: 'Durations: 18个月, 10年, 半年, 8个多月 (year, month, day, hour …)',
  needs: [],
  emits: 'figure',
  run: (ctx) => readDuration(readingsOf(ctx)),
};

export default rule;
