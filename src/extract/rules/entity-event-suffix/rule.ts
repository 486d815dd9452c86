/**
 * EVENT named by its suffix (大会, 博览会, 论坛, 峰会, 运动会, 马拉松 …),
 * grown left over the name (with a year or 第N届 in front), e.g.
 * 2024世界机器人大会, 中关村论坛, 北京亦庄半程马拉松.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { firstTokenFrom } from '../../entities/tokens.js';
import { spanAt } from '../../../core/spans.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';
import { wordSet } from '../../../core/lists.js';

/**
 * EVENT: a year and 第N届 (both optional), a lazy head of name characters and
 * a suffix (entity-event-suffixes); SUFFIX: the suffixes alone (where none
 * occurs, EVENT cannot match). BAD_HEAD: words a name never starts with
 * (entity-event-bad-heads); GENERIC: event words naming no event
 * (entity-event-generic); NOT_NAME_TAGS: tags of tokens that cannot sit in a
 * name (entity-event-not-name-tags). Built at the first run.
 */
const patterns = perLexicon(() => {
  const suffixes = anyOf('entity-event-suffixes');
  return {
    EVENT: new RegExp(`((?:(?:19|20)\\d{2}(?:年)?)?(?:第[一二三四五六七八九十百\\d]+届)?[\\u4e00-\\u9fffA-Za-z]{0,14}?)(${suffixes})`, 'gu'),
    SUFFIX: new RegExp(`(${suffixes})`, 'gu'),
    BAD_HEAD: new RegExp(`^${anyOf('entity-event-bad-heads')}`, 'u'),
    GENERIC: new RegExp(`^${anyOf('entity-event-generic')}$`, 'u'),
    NOT_NAME_TAGS: wordSet('entity-event-not-name-tags'),
  };
});
/** Every character EVENT can match lies in this class, so a match never crosses a character outside it. */
const IN_NAME = /[\u4e00-\u9fffA-Za-z0-9]/u;

/** names of standing bodies that end in an event word */
const BODY = /人民代表大会$/u;

export const rule: MentionRule = {
  id: 'entity-event-suffix',
  version: 3,
  purpose: 'named events ending in 大会, 博览会, 论坛, 峰会, 马拉松 …, with a year or 第N届 before',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const { EVENT, SUFFIX, BAD_HEAD, GENERIC, NOT_NAME_TAGS } = patterns();
    const out: MentionHit[] = [];
    const text = ctx.text;
    const toks = ctx.tokens;
    // EVENT's lazy head tries up to ~20 lengths at every position; start it
    // only at the run of name characters holding the next suffix. No match
    // can start before that run (it would need a suffix of its own run).
    let from = 0;
    for (;;) {
      SUFFIX.lastIndex = from;
      const s = SUFFIX.exec(text);
      if (!s) break;
      let runStart = s.index;
      while (runStart > from && IN_NAME.test(text[runStart - 1]!)) runStart--;
      EVENT.lastIndex = runStart;
      const m = EVENT.exec(text);
      if (!m) break;
      from = m.index + m[0].length;
      // the suffix is the start of a longer word (大会 of 大会堂, a hall: 北京人民大会堂): no event ends there
      if (ctx.tokens.length > 0) {
        const sufStart = m.index + m[0].length - m[2]!.length;
        const sufEnd = m.index + m[0].length;
        const t = spanAt(toks, sufEnd - 1);
        if (t && t.start <= sufStart && t.end > sufEnd) continue;
      }
      let start = m.index;
      let name = m[0];
      // strip leading function words the lazy head swallowed
      for (;;) {
        const b = BAD_HEAD.exec(name);
        if (!b) break;
        start += b[0].length;
        name = name.slice(b[0].length);
      }
      const cut = Math.max(name.lastIndexOf('的'), name.lastIndexOf('在'), name.lastIndexOf('届') > 0 && !/第[一二三四五六七八九十百\d]+届/u.test(name) ? name.lastIndexOf('届') : -1);
      if (cut >= 0) {
        start += cut + 1;
        name = name.slice(cut + 1);
      }
      // start after the last token that cannot sit in a name (verbs, prepositions, adverbs: 依托|举办|通过)
      if (ctx.tokens.length > 0) {
        const suffixStart = m.index + m[0].length - m[2]!.length;
        for (let k = firstTokenFrom(toks, start); k < toks.length && toks[k]!.start < suffixStart; k++) {
          const t = toks[k]!;
          if (t.start < start || t.end > suffixStart) continue;
          if (NOT_NAME_TAGS.has(t.tag) || (t.tag === 'x' && !/^[\u4e00-\u9fffA-Za-z0-9]+$/u.test(t.text)) || (t.tag === 'm' && !/^(?:(?:19|20)\d{2}年?|第.+届)$/u.test(t.text))) {
            start = t.end;
          }
        }
        name = text.slice(start, m.index + m[0].length);
      }
      if (GENERIC.test(name) || name.length < 4) continue;
      // a people's congress is a standing body, not an event (全国人民代表大会 及其常委会; its sessions are the events)
      if (BODY.test(name)) continue;
      out.push({ type: 'EVENT', start, end: start + name.length, attrs: { priority: 2, source: 'event-suffix' } });
    }
    return out;
  },
};
