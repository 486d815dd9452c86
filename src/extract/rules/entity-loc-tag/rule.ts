/**
 * LOC from jieba's place tag (ns), for places no gazetteer lists. jieba tags
 * many common words ns (深度, 城市), so a token counts only with a place
 * shape (ends in 省 市 县 区 镇 村 山 河 湖 …), a division suffix after it, or a
 * place context before it (在, 位于, 来自 …). Division names chain down the
 * hierarchy (安徽芜湖, 福建省厦门市海沧区); a trailing 地区 is dropped (闽东地区 → 闽东); roads are skipped.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { chainsBelow, isDivision, isHan, lexicon } from '../../entities/lexicon.js';
import { genericPlaceWords, growSubUnits, roadAfter } from '../../entities/places.js';
import { indexTokens } from '../../entities/tokens.js';
import { wordSet } from '../../../core/lists.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';

/**
 * Built at the first run: division suffixes jieba writes as their own token
 * (place-division-suffix-words), endings with a place's shape
 * (place-shape-ends), words a place follows (place-before-words).
 */
const lists = perLexicon(() => ({
  SUFFIX: wordSet('place-division-suffix-words'),
  PLACE_END: new RegExp(`${anyOf('place-shape-ends')}$`, 'u'),
  PLACE_BEFORE: wordSet('place-before-words'),
}));

export const rule: MentionRule = {
  id: 'entity-loc-tag',
  version: 6,
  purpose: 'places jieba tags ns, with a place shape, suffix or context; division names chain',
  needs: ['tokens'],
  emits: 'mention',
  run(ctx) {
    const lex = lexicon();
    const { SUFFIX, PLACE_END, PLACE_BEFORE } = lists();
    const GENERIC = genericPlaceWords();
    const text = ctx.text;
    const ix = indexTokens(ctx.tokens);
    const toks = ctx.tokens;
    const out: MentionHit[] = [];
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      // an unknown word shaped like a village or township (上纳屯, 六纳村)
      if (t.tag === 'x' && t.text.length === 3 && isHan(t.text) && /[村屯镇乡寨]$/u.test(t.text) && !roadAfter().test(text.slice(t.end))) {
        out.push({ type: 'LOC', start: t.start, end: growSubUnits(text, t.end, ix), attrs: { priority: 1, source: 'village-shape' } });
        continue;
      }
      if (t.tag !== 'ns' || !isHan(t.text) || t.text.length < 2 || GENERIC.has(t.text) || lex.directions.has(t.text)) continue;
      if (lex.orgs.has(t.text) || lex.persons.has(t.text)) continue;
      // a generic place word after a one-character modifier names no place (大城市, 各乡镇, 深山区, 半山区),
      // unless the whole is a known place (南山区)
      if (t.text.length >= 3 && GENERIC.has(t.text.slice(1)) && !lex.loc.has(t.text)) continue;
      const start = t.start;
      let end = t.end;
      let name = t.text;
      if (name.length > 3 && name.endsWith('地区')) {
        end -= 2;
        name = name.slice(0, -2);
      }
      let j = i + 1;
      /** the last division name in the chain (福建省 厦门市 海沧区 chain one by one) */
      let last = name;
      while (j < toks.length && toks[j]!.start === end) {
        const n = toks[j]!;
        if (SUFFIX.has(n.text) && !/^(?:长|委|政府|民|级|内|外|里|口|庄)/u.test(text.slice(n.end, n.end + 2))) {
          end = n.end;
          last += n.text;
          j++;
          continue;
        }
        if (n.tag === 'ns' && isDivision(lex, n.text) && (isDivision(lex, last) || isDivision(lex, last.replace(/(?:省|市|县|区)$/u, ''))) && chainsBelow(lex, last, n.text) && !lex.directions.has(n.text)) {
          end = n.end;
          last = n.text;
          j++;
          continue;
        }
        break;
      }
      i = j - 1;
      if (roadAfter().test(text.slice(end))) continue;
      const grown = end > t.end;
      // a bare two-character word ending like a place (上市, 夜市) is not enough
      // a token that begins with a known place is a place (上海浦东, 江苏昆山)
      const knownHead = name.length >= 4 && [2, 3].some((L) => lex.divisionShort.has(name.slice(0, L)) || lex.countries.has(name.slice(0, L)));
      const shaped = (PLACE_END.test(name) && name.length >= 3) || lex.loc.has(name) || knownHead;
      const prevText = i > 0 && toks[i - 1] ? toks[i - 1]!.text : '';
      const prevTok = toks[ix.byEnd.get(start) ?? -1] ?? (ix.byEnd.has(start) ? toks[ix.byEnd.get(start)!] : undefined);
      const context = PLACE_BEFORE.has(prevTok?.text ?? prevText) || /^(?:人|籍|等地|一带|境内|当地|市民|省委|市委|县委|政府|方面)/u.test(text.slice(end, end + 2));
      if (!grown && !shaped && !context) continue;
      end = growSubUnits(text, end, ix);
      out.push({ type: 'LOC', start, end, attrs: { priority: 1, source: 'jieba-ns' } });
    }
    return out;
  },
};
