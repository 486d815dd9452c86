/**
 * Place helpers shared by the LOC rules: what may follow a place name
 * (roads are not places in this project's convention), and the growth of a
 * place by the townships, villages and communities written after it
 * (广西忻城县红渡镇六纳村, 城关镇城南社区).
 */
import type { TokenIndex } from './tokens.js';
import { spanAt } from '../../core/spans.js';
import { wordSet } from '../../core/lists.js';
import { anyOf, perLexicon } from './word-lists.js';

/** Text starting with a road word (place-road-words): a name followed by one is a road, railway or line, not a place. */
export const roadAfter = perLexicon(() => new RegExp(`^${anyOf('place-road-words')}`, 'u'));

const SUB_UNIT = /^[\u4e00-\u9fff]{1,3}?(?:镇|乡|村|屯|社区|街道|嘎查)/u;
const NOT_NAME_PART = /[驻进本该各每全乡村]/u;

/** Grow a place ending at `end` by sub-units written right after it. */
export function growSubUnits(text: string, end: number, ix: TokenIndex): number {
  for (let guard = 0; guard < 4; guard++) {
    const m = SUB_UNIT.exec(text.slice(end, end + 6));
    if (!m) break;
    const unit = m[0];
    const namePart = unit.replace(/(?:镇|乡|村|屯|社区|街道|嘎查)$/u, '');
    if (namePart.length === 0 || NOT_NAME_PART.test(namePart[0]!)) break;
    // nor with a preposition (兴化市 | 在农村: entity-glued-first-chars)
    if (wordSet('entity-glued-first-chars').has(namePart[0]!)) break;
    // nor a common word for a kind of place (郑州市 + 城镇居民: place-generic-words)
    if (genericPlaceWords().has(unit)) break;
    // a single dictionary word that is not a place (驻村, 农村, 乡村) is not a sub-unit
    const t = spanAt(ix.tokens, end);
    if (t && t.start === end && t.end === end + unit.length && t.tag !== 'ns' && t.tag !== 'x') break;
    // nor one whose unit character jieba reads as the end of a common word
    // (孙桥镇 + 现有|农村, 丹东 + 市郊|农村: 村 belongs to 农村): the unit word is its own token or a place's end
    const last = spanAt(ix.tokens, end + unit.length - 1);
    const unitStart = end + namePart.length;
    if (last && last.start < unitStart && last.start > end && last.tag !== 'ns' && last.tag !== 'x') break;
    // nor is one that ends inside a word (榕江县 + 举办乡村: 乡 belongs to 乡村)
    if (ix.tokens.length > 0 && !ix.byEnd.has(end + unit.length)) break;
    if (roadAfter().test(text.slice(end + unit.length))) break;
    end += unit.length;
  }
  return end;
}

/** Words jieba tags ns that are not names of places (place-generic-words). */
export const genericPlaceWords = (): ReadonlySet<string> => wordSet('place-generic-words');
