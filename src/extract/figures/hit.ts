/**
 * The one constructor of figure hits: every field a figure can have, in one
 * order (the order the records are written in), so that all figures share one
 * object shape and the policy and attribution write to them without
 * reshaping any (absent optional fields stay undefined and are not
 * serialized). The quantity readers and the date reader both build through it.
 */
import type { FigureKind, Qualifier } from '../../core/types.js';
import type { FigureHit } from '../rule.js';

export function figureHit(
  kind: FigureKind,
  start: number,
  end: number,
  value: number | null,
  valueMax: number | undefined,
  unit: string | null,
  qualifier: Qualifier,
  date: string | null | undefined,
  dateEnd: string | null | undefined,
  attrs: Record<string, unknown> | undefined,
): FigureHit {
  return {
    kind,
    start,
    end,
    value,
    valueMax,
    unit,
    qualifier,
    date,
    dateEnd,
    attrs,
    metric: null,
    change: null,
    basis: null,
    subject: null,
    subjectEntity: null,
    time: null,
    period: null,
  };
}
