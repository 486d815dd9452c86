/**
 * PRODUCT: a short name in quotes (“天工”, “慧思开物”) that a product noun
 * follows (机器人, 大模型, 平台, 基金, 芯片, 卫星 …) or that a naming cue
 * precedes (名为, 命名为, 推出, 发布, 品牌).
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { anyOf, perLexicon } from '../../entities/word-lists.js';

/**
 * Built at the first run: product nouns after a quoted name that make it a
 * product alone (entity-product-strong-nouns-after) or with a naming cue
 * before it (entity-product-nouns-after), and the cues
 * (entity-product-cues-before).
 */
const patterns = perLexicon(() => ({
  NOUN_AFTER: new RegExp(`^${anyOf('entity-product-nouns-after')}`, 'u'),
  STRONG_AFTER: new RegExp(`^${anyOf('entity-product-strong-nouns-after')}`, 'u'),
  CUE_BEFORE: new RegExp(`${anyOf('entity-product-cues-before')}$`, 'u'),
}));

export const rule: MentionRule = {
  id: 'entity-product-quoted',
  version: 1,
  purpose: 'named products in quotes followed by a product noun or preceded by a naming cue',
  needs: [],
  emits: 'mention',
  run(ctx) {
    const { NOUN_AFTER, STRONG_AFTER, CUE_BEFORE } = patterns();
    const out: MentionHit[] = [];
    const re = /“([\u4e00-\u9fffA-Za-z0-9·\- ]{2,10})”/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(ctx.text)) !== null) {
      const name = m[1]!;
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 6);
      const before = ctx.text.slice(Math.max(0, m.index - 4), m.index);
      void 0;
      const strongAfter = STRONG_AFTER.test(after);
      const apposition = /(?:平台|系统|模型|大模型|机器人|卫星|火箭|体系|基金|小程序|应用)$/u.test(before);
      if (!(strongAfter || apposition || (CUE_BEFORE.test(before) && NOUN_AFTER.test(after)))) continue;
      if (/^(?:机器人|人工智能|大脑|小脑|肢体|熟练工|打工|顶流|最强大脑)/u.test(name)) continue;
      out.push({ type: 'PRODUCT', start: m.index + 1, end: m.index + 1 + name.length, attrs: { priority: 2, source: 'quoted' } });
    }
    return out;
  },
};
