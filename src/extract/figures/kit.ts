/**
 * Helpers shared by the figure-* rules. The quantity rules share one linear
 * scan of the text and the date rule one date scan: the runner's per-document
 * memo (ctx.memo) holds the two scans (computed on first use, gone with the
 * document); without a memo a rule scans for itself. No module-level state.
 */
import type { FigureKind } from '../../core/types.js';
import type { FigureHit, RuleContext } from '../rule.js';
import { scanDates } from './dates.js';
import { scanQuantities } from './scan.js';

interface FigureScans {
  quantities(): readonly FigureHit[];
  dates(): readonly FigureHit[];
}

/** The two scans of one text and document date, each made once on first use. */
function figureScans(text: string, docDate: string | null): FigureScans {
  let q: FigureHit[] | null = null;
  let d: FigureHit[] | null = null;
  return {
    quantities: () => (q ??= scanQuantities(text)),
    dates: () => (d ??= scanDates(text, docDate)),
  };
}

/** The scans on the run's per-document memo (the runner gives every rule of a document the same one), else fresh. */
function memoScans(ctx: RuleContext): FigureScans {
  if (!ctx.memo) return figureScans(ctx.text, ctx.docDate);
  const key = `figure-scans:${ctx.docDate ?? ''}`;
  let s = ctx.memo.get(key) as FigureScans | undefined;
  if (!s) {
    s = figureScans(ctx.text, ctx.docDate);
    ctx.memo.set(key, s);
  }
  return s;
}

/** Figures of the given kinds from the shared scans, copied (rules never share objects). */
export function pick(ctx: RuleContext, kinds: readonly FigureKind[]): FigureHit[] {
  const set = new Set(kinds);
  const fromDates = kinds.includes('date') || kinds.includes('period');
  const scans = memoScans(ctx);
  const src = fromDates ? scans.dates() : scans.quantities();
  const out: FigureHit[] = [];
  for (const h of src) if (set.has(h.kind)) out.push(copy(h));
  return out;
}

/**
 * A copy with every field a figure can have, in one order: all figures share
 * one object shape, so the pack and attribution write to them without
 * reshaping each (absent optional fields stay undefined and are not serialized).
 */
function copy(h: FigureHit): FigureHit {
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
    attrs: h.attrs ? { ...h.attrs } : undefined,
    metric: null,
    change: null,
    basis: null,
    subject: null,
    subjectEntity: null,
    time: null,
    period: null,
  };
}
