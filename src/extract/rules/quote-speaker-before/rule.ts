/**
 * Quoted speech whose speaker comes first: 刘卫华说：“……” / 邵元欣说：“……”.
 * The speaker is the name right before the speech verb; a pronoun speaker
 * (他说：) gives a quote with speaker null.
 */
import type { QuoteHit, QuoteRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { nameBefore } from '../../entities/person.js';
import { isSpeech, scanQuotes } from '../../entities/quotes.js';
import { indexTokens } from '../../entities/tokens.js';

export const rule: QuoteRule = {
  id: 'quote-speaker-before',
  version: 1,
  purpose: 'quoted speech introduced by speaker and speech verb before a colon',
  needs: ['tokens'],
  emits: 'quote',
  run(ctx) {
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const out: QuoteHit[] = [];
    for (const q of scanQuotes(text)) {
      const content = text.slice(q.open + 1, q.close);
      if (!isSpeech(content)) continue;
      if (!/[：:]$/u.test(text.slice(q.open - 1, q.open))) continue;
      const colon = q.open - 1;
      let verb: string | null = null;
      let vStart = -1;
      for (const v of lexicon().speechVerbs) {
        for (const tail of ['道', '']) {
          const s = colon - v.length - tail.length;
          if (s >= 0 && text.slice(s, colon) === v + tail) {
            verb = v;
            vStart = s;
            break;
          }
        }
        if (verb) break;
      }
      if (!verb) continue;
      const who = nameBefore(text, vStart, ix);
      out.push({
        start: q.open + 1,
        end: q.close,
        speaker: who ? text.slice(who.start, who.end) : null,
        speakerStart: who ? who.start : null,
        speakerEnd: who ? who.end : null,
        cue: verb,
      });
    }
    return out;
  },
};
