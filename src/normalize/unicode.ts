/**
 * Pass `unicode`: zero-width characters removed, full-width ASCII letters
 * and digits become half-width. Full-width punctuation is left to the
 * punctuation pass; no-break and ideographic spaces to the spacing pass
 * (their width tells it that a space separates fields on purpose).
 */
import { EditBuilder } from '../core/offsets.js';
import { RepairLog, unchanged, type PassResult } from './pass.js';

const TRIGGER_RE = /[\u200b-\u200d\u2060\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

export function unicode(input: string): PassResult {
  const log = new RepairLog('unicode');
  TRIGGER_RE.lastIndex = 0;
  let m = TRIGGER_RE.exec(input);
  if (!m) return unchanged(input);
  const b = new EditBuilder(input);
  while (m) {
    const i = m.index;
    const c = input.charCodeAt(i);
    b.keepTo(i);
    if (c >= 0xff10) {
      const h = String.fromCharCode(c - 0xfee0);
      b.replace(1, h);
      log.add('u', i, i + 1, input[i]!, h);
    } else {
      b.delete(1);
      log.add('u', i, i + 1, input[i]!, '');
    }
    m = TRIGGER_RE.exec(input);
  }
  const { text, map } = b.finish();
  return { text, map, repairs: log.list };
}
