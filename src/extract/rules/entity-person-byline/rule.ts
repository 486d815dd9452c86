/**
 * PERSON from bylines and photo credits: names after 记者/通讯员 labels
 * (本报记者 韩秉志, 新华社记者 涂铭 郭宇靖), a line made only of names
 * (涂铭 郭宇靖 张骁), and names before a credit (陈晓根摄, 张建松 摄,
 * 吉喆 摄影报道, 邱海鹰 周毅 文/图). Names in a list split into persons.
 */
import type { MentionHit, MentionRule } from '../../rule.js';
import { isChineseName } from '../../../core/names.js';
import { lexicon } from '../../entities/lexicon.js';

const LABEL = /(?:记者|通讯员|特约撰稿人|实习生|撰文|摄影|作者)[\s：:]*/gu;
const NAME = /[\u4e00-\u9fff·]{2,4}/uy;
const CREDIT = /(?:摄影报道|摄|文\/图|图\/文|供图)(?=$|[）)\s（(。])/gu;

function isName(s: string, labelled = false): boolean {
  const lex = lexicon();
  // after a byline label a four-character name with a one-character surname is fine (刘春沐阳)
  const four = labelled && s.length === 4 && lex.surnames.has(s[0]!);
  return (isChineseName(s) || lex.persons.has(s) || four) && !lex.loc.has(s) && !lex.titles.has(s) && !lex.orgs.has(s);
}

export const rule: MentionRule = {
  id: 'entity-person-byline',
  version: 2,
  purpose: 'reporters and photographers named in bylines and credits; name lists split into persons',
  needs: [],
  emits: 'mention',
  run(ctx) {
    const text = ctx.text;
    const out: MentionHit[] = [];
    const seen = new Set<number>();
    const push = (s: number, e: number, source: string): void => {
      if (seen.has(s)) return;
      seen.add(s);
      out.push({ type: 'PERSON', start: s, end: e, attrs: { priority: 4, source } });
    };
    let lineStart = 0;
    for (const line of text.split('\n')) {
      // labelled bylines: names after the label, separated by spaces or 、
      LABEL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LABEL.exec(line)) !== null) {
        // 作者 and 撰文 are common words too (工作者相结合, 撰文揭橥): as labels they open the line or follow a mark
        if (/^(?:作者|撰文)/u.test(m[0]) && m.index > 0 && /[\u4e00-\u9fff]/u.test(line[m.index - 1]!)) continue;
        let p = m.index + m[0].length;
        const names: Array<[number, number]> = [];
        for (;;) {
          NAME.lastIndex = p;
          const n = NAME.exec(line);
          if (!n) break;
          // the longest name-shaped prefix that ends at a separator
          let len = 0;
          for (let L = Math.min(4, n[0].length); L >= 2; L--) {
            const after = line[p + L];
            if ((after === undefined || /[\s、，,）)]/u.test(after) || line.startsWith('报道', p + L) || line.startsWith('摄', p + L)) && !line.slice(p, p + L).endsWith('摄') && isName(line.slice(p, p + L), true)) {
              len = L;
              break;
            }
          }
          if (!len) break;
          names.push([p, p + len]);
          p += len;
          const sep = /^[\s、]+/u.exec(line.slice(p));
          if (!sep) break;
          p += sep[0].length;
        }
        for (const [s, e] of names) push(lineStart + s, lineStart + e, 'byline');
      }
      // a line of names only (涂铭 郭宇靖 张骁), optionally in brackets with a credit
      const listOnly = /^[（(]?((?:[\u4e00-\u9fff]{2,3}\s)+[\u4e00-\u9fff]{2,3})(?:\s?(?:文\/图|摄|摄影报道))?[）)]?$/u.exec(line.trim());
      if (listOnly) {
        const body = listOnly[1]!;
        const parts = body.split(/\s+/u);
        if (parts.every((x) => isName(x))) {
          const off = line.indexOf(body);
          let q = off;
          for (const part of parts) {
            const at = line.indexOf(part, q);
            push(lineStart + at, lineStart + at + part.length, 'name-list');
            q = at + part.length;
          }
        }
      }
      // credits: names (space separated) right before 摄 / 摄影报道 / 文/图
      CREDIT.lastIndex = 0;
      while ((m = CREDIT.exec(line)) !== null) {
        let e = m.index;
        const names: Array<[number, number]> = [];
        for (;;) {
          while (e > 0 && line[e - 1] === ' ') e--;
          let found = 0;
          for (const L of [3, 2]) {
            const s = e - L;
            if (s < 0) continue;
            const prev = line[s - 1];
            if ((prev === undefined || /[\s。（(，！？”]/u.test(prev)) && isName(line.slice(s, e))) {
              found = L;
              break;
            }
          }
          if (!found) break;
          names.unshift([e - found, e]);
          e -= found;
          if (line[e - 1] !== ' ') break;
        }
        for (const [s, en] of names) push(lineStart + s, lineStart + en, 'credit');
      }
      lineStart += line.length + 1;
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
