/**
 * Quoted speech whose speaker follows: “……”吴梦康说。 / “……”熊友军表示，…
 * The speaker is the name right before the first speech verb after the
 * closing quote, in the same clause (title and organisation may come between).
 */
import type { QuoteHit, QuoteRule } from '../../rule.js';
import { lexicon } from '../../entities/lexicon.js';
import { nameBefore } from '../../entities/person.js';
import { isSpeech, scanQuotes } from '../../entities/quotes.js';
import { indexTokens } from '../../entities/tokens.js';

const PRONOUN = /(?:他|她|他们|她们|我们)$/u;
/** A speaker named by role only (公司相关负责人说): the quote stands, the speaker is unknown. */
const GENERIC_SPEAKER = /(?:负责人|工作人员|发言人|有关人士|知情人士|业内人士|专家|村民|居民|市民|游客|网友)$/u;

export const rule: QuoteRule = {
  id: 'quote-speaker-after',
  version: 1,
  purpose: 'quoted speech followed by speaker and speech verb',
  needs: ['tokens'],
  emits: 'quote',
  run(ctx) {
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const lex = lexicon();
    const out: QuoteHit[] = [];
    for (const q of scanQuotes(text)) {
      const content = text.slice(q.open + 1, q.close);
      if (!isSpeech(content)) continue;
      // the quote must close a sentence or clause: ” after 。！？ or followed by the attribution
      const tail = text.slice(q.close + 1, q.close + 48);
      const clause = /^[^。！？“\n；]*/u.exec(tail)![0];
      let best: { verb: string; at: number } | null = null;
      for (let k = 0; k < clause.length && !best; k++) {
        for (const v of lex.speechVerbs) {
          if (clause.startsWith(v, k)) {
            const after = clause[k + v.length];
            if (after === undefined || /[，。：]/u.test(after) || v.length >= 2) {
              best = { verb: v, at: q.close + 1 + k };
            }
            break;
          }
        }
      }
      if (!best) {
        // a paragraph ending on the speaker's name, the verb lost (……”北京经开区工委组织人事部常务副部长李冰)
        if (clause.length > 0 && clause.length === tail.length - (tail.length - clause.length) && q.close + 1 + clause.length < text.length && text[q.close + 1 + clause.length] === '\n' || q.close + 1 + clause.length === text.length) {
          const endAt = q.close + 1 + clause.length;
          const who = clause.length > 0 ? nameBefore(text, endAt, ix) : null;
          if (who && lex.titleList.some((t) => text.slice(q.close + 1, who.start).endsWith(t))) {
            out.push({ start: q.open + 1, end: q.close, speaker: text.slice(who.start, who.end), speakerStart: who.start, speakerEnd: who.end, cue: null });
          }
        }
        continue;
      }
      const who = nameBefore(text, best.at, ix);
      const pronoun = PRONOUN.test(text.slice(q.close + 1, best.at)) || GENERIC_SPEAKER.test(text.slice(q.close + 1, best.at));
      if (!who && !pronoun) continue;
      out.push({
        start: q.open + 1,
        end: q.close,
        speaker: who ? text.slice(who.start, who.end) : null,
        speakerStart: who ? who.start : null,
        speakerEnd: who ? who.end : null,
        cue: best.verb,
      });
    }
    return out;
  },
};
