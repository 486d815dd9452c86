/** Helpers shared by the figure-* rules. */
import type { FigureKind } from '../../core/types.js';
import type { FigureHit, RuleContext } from '../rule.js';
import { datesOf, quantitiesOf } from './cache.js';

/** Figures of the given kinds from the shared scans, copied (rules never share objects). */
export function pick(ctx: RuleContext, kinds: readonly FigureKind[]): FigureHit[] {
  const set = new Set(kinds);
  const fromDates = kinds.includes('date') || kinds.includes('period');
  const src = fromDates ? datesOf(ctx.text, ctx.docDate) : quantitiesOf(ctx.text);
  const out: FigureHit[] = [];
  for (const h of src) if (set.has(h.kind)) out.push(h.attrs ? { ...h, attrs: { ...h.attrs } } : { ...h });
  return out;
}
