import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { corpusDocs, naturalSentences } from './helpers.js';

describe('normalize messages: each repair region says why', () => {
  const docs = new Map(corpusDocs().map((d) => [d.id, d.raw]));
  it('damaged pages carry the evidence found, with raw positions and line numbers', () => {
    const raw = docs.get('000_df42f2bb45961d64')!;
    const d = normalize(raw);
    const codes = new Set(d.messages!.map((m) => m.code));
    expect(codes).toEqual(new Set(['I_HARD_WRAPS', 'I_JUSTIFIED_SPACING', 'I_FAKE_BOLD', 'I_STRAY_SPACES']));
    for (const m of d.messages!) {
      expect(m.severity).toBe('info');
      expect(m.source).toMatch(/^normalize\.(reflow|spacing|dedup|numbering)$/);
      expect(m.message).toMatch(/ lines? \d+(–\d+)? /);
      expect(m.message).not.toContain('{lines}');
      expect(m.rawStart!).toBeGreaterThanOrEqual(0);
      expect(m.rawEnd!).toBeLessThanOrEqual(raw.length);
      expect(m.rawStart!).toBeLessThan(m.rawEnd!);
    }
    // the fake-bold region holds the doubled captions (raw lines 8–20)
    const fb = d.messages!.find((m) => m.code === 'I_FAKE_BOLD')!;
    expect(fb.message).toContain('lines 8–20');
    expect(raw.slice(fb.rawStart!, fb.rawEnd!)).toContain('在日前举办的在日前举办的');
    // the justified headline on line 1
    const js = d.messages!.find((m) => m.code === 'I_JUSTIFIED_SPACING')!;
    expect(js.message).toContain('line 1 ');
  });
  it('the renumbered heading of the policy document', () => {
    const d = normalize(docs.get('003_68ba46f9a76749d4')!);
    expect(d.messages!.some((m) => m.code === 'I_MISNUMBERED_HEADING' && m.source === 'normalize.numbering')).toBe(true);
    expect(d.messages!.some((m) => m.code === 'I_HARD_WRAPS')).toBe(false);
  });
  it('clean text gets no decision: nothing to repair, no evidence', () => {
    const clean = ['习近平会见中国女排代表', '', '\u3000\u3000新华社北京9月30日电\u00a0\u00a0（记者）中共中央总书记习近平会见女排代表，同大家合影留念。', '\u3000\u3000“你们打出了风格、赛出了水平。”', '\u3000\u3000他说。'].join('\n');
    const d = normalize(clean);
    expect(d.messages).toEqual([]);
    expect(d.text.split('\n')).toHaveLength(4);
    expect(normalize(naturalSentences().join('\n')).messages).toEqual([]);
  });
});
