/** Build expected figures for rule cases: offsets are located in the text (nth occurrence). */
import type { ExpectedFigure } from './tester.js';

export function fig(
  text: string,
  surface: string,
  kind: ExpectedFigure['kind'],
  value: number | null,
  unit: string | null,
  qualifier: ExpectedFigure['qualifier'] = 'exact',
  extra: Partial<ExpectedFigure> & { nth?: number } = {},
): ExpectedFigure {
  let start = -1;
  for (let k = 0; k <= (extra.nth ?? 0); k++) start = text.indexOf(surface, start + 1);
  if (start < 0) throw new Error(`"${surface}" not in "${text}"`);
  const { nth: _nth, ...rest } = extra;
  void _nth;
  const o: ExpectedFigure = { kind, text: surface, start, end: start + surface.length, value, unit, qualifier };
  if (rest.valueMax !== undefined) o.valueMax = rest.valueMax;
  if (rest.date !== undefined) o.date = rest.date;
  if (rest.dateEnd !== undefined) o.dateEnd = rest.dateEnd;
  return o;
}
