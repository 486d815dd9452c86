/**
 * The extracted text of a converted document, built one paragraph per line,
 * with where each line came from. Readers add lines; the builder keeps the
 * raw offsets that every later record points into.
 */

/** Han ideographs and CJK punctuation / full-width forms: no space is ever kept next to them across a break. */
export function isCjk(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.codePointAt(0)!;
  return (
    (c >= 0x3000 && c <= 0x303f) || // CJK symbols and punctuation
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) || // full-width forms
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0x20000 && c <= 0x3134f) ||
    c === 0x2014 || c === 0x2026 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x00b7
  );
}

export class TextBuilder<L> {
  private parts: string[] = [];
  private length = 0;
  readonly lines: Array<{ start: number; end: number; info: L }> = [];

  /** Add one line (a paragraph, heading, list item, table row); empty lines are dropped. */
  add(text: string, info: L): void {
    const t = text.trim();
    if (!t) return;
    if (this.parts.length) {
      this.parts.push('\n');
      this.length += 1;
    }
    this.lines.push({ start: this.length, end: this.length + t.length, info });
    this.parts.push(t);
    this.length += t.length;
  }

  get text(): string {
    return this.parts.length ? this.parts.join('') + '\n' : '';
  }
}

/**
 * HTML's white space rules, with CSS Text's rule for Chinese: a run of white
 * space collapses to one space, except that a run holding a line break between
 * two CJK characters disappears (a source line break inside Chinese text is
 * not a space).
 */
export function collapseSpace(s: string): string {
  return s.replace(/[ \t\n\r\f\u200b]+/g, (ws, at: number, all: string) => {
    if (/[\n\r]/.test(ws) && isCjk(all[at - 1]) && isCjk(all[at + ws.length])) return '';
    return ' ';
  });
}

/** ISO YYYY-MM-DD when y-m-d is a real calendar date, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二四 → 2024, 十二 → 12, 二十一 → 21, 三十 → 30 */
function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零O一二三四五六七八九]{4}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(''));
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return null;
  if (!m[2]) return m[1] || !m[3] ? (m[1] && !m[3] ? CN_DIGIT[m[1]]! : null) : CN_DIGIT[m[3]]!;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

const DATE = /(\d{4}|[〇零O一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*月\s*(\d{1,2}|[一二三]?十?[一二三四五六七八九]?)\s*日/;

/** A written date (2024年9月3日, 二〇二四年九月三日) as ISO, or null. */
export function writtenDate(s: string): string | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const y = cnNumber(m[1]!);
  const mo = cnNumber(m[2]!);
  const d = cnNumber(m[3]!);
  return y === null || mo === null || d === null ? null : isoDate(y, mo, d);
}

/**
 * The date a document states about itself in its own text: a 成文日期 /
 * 发布日期 field, or (policy documents) a closing line that is nothing but a
 * date, among the last lines. Dates inside running text are never taken.
 */
export function statedDate(lines: readonly string[]): { date: string; how: string } | null {
  for (const l of lines) {
    const m = /(成文日期|发布日期|印发日期|发文日期)\s*[:：]?\s*(.{6,16}日)/.exec(l);
    if (m) {
      const d = writtenDate(m[2]!);
      if (d) return { date: d, how: m[1]! };
    }
  }
  const tail = lines.slice(-4);
  for (let i = tail.length - 1; i >= 0; i--) {
    const l = tail[i]!.trim();
    const m = new RegExp(`^[（(]?${DATE.source}[）)]?$`).exec(l);
    if (m) {
      const d = writtenDate(l);
      if (d) return { date: d, how: 'closing date line' };
    }
  }
  return null;
}
