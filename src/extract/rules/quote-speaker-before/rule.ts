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

/** What may follow the speaker before the frame of the occasion: 在…时, 接受采访时, 出席…时. */
const FRAME_OPEN = /^(?:在|于|接受|出席|参加|做客|会见|视察|考察)/u;
/** The occasion's frame closes right before the speech verb: …时说, 在会上说, 讲话中指出, 期间表示. */
const FRAME_CLOSE = /(?:时|上|中|期间|之际)$/u;

/**
 * The speaker of a clause whose occasion comes between it and the verb:
 * 雷军在武汉大学发表演讲时说：“……”, 李强在会见时表示：“……”. The name must
 * stand right before the clause's first frame opener (在, 接受, 出席 …), and
 * the clause must end in a frame closer right before the verb.
 */
function framedSpeaker(text: string, vStart: number, ix: ReturnType<typeof indexTokens>): { start: number; end: number } | null {
  if (!FRAME_CLOSE.test(text.slice(Math.max(0, vStart - 2), vStart))) return null;
  let cs = vStart;
  while (cs > 0 && !/[，。；！？：\n“”]/u.test(text[cs - 1]!) && vStart - cs < 60) cs--;
  if (vStart - cs >= 60) return null;
  // the first frame opener in the clause with a name right before it (创始人雷军在…)
  for (let k = cs + 2; k < vStart; k++) {
    if (!FRAME_OPEN.test(text.slice(k, k + 2))) continue;
    const who = nameBefore(text, k, ix);
    if (who && who.start >= cs) return who;
    return null;
  }
  return null;
}

export const rule: QuoteRule = {
  id: 'quote-speaker-before',
  version: 2,
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
      const mark = text.slice(q.open - 1, q.open);
      if (mark === '，') {
        // 苗仁涛表示，……，“……”: the speaker spoke earlier in the same sentence
        const lineStart = text.lastIndexOf('\n', q.open) + 1;
        const before = text.slice(Math.max(lineStart, q.open - 80), q.open);
        const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('”')) + 1);
        const base = q.open - sentence.length;
        const v = /(表示|指出|认为|强调|介绍|说)，/u.exec(sentence);
        if (!v) continue;
        const who = nameBefore(text, base + v.index, ix);
        if (!who) continue;
        out.push({ start: q.open + 1, end: q.close, speaker: text.slice(who.start, who.end), speakerStart: who.start, speakerEnd: who.end, cue: v[1]! });
        continue;
      }
      if (!/[：:]$/u.test(mark)) continue;
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
      const who = nameBefore(text, vStart, ix) ?? framedSpeaker(text, vStart, ix);
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
