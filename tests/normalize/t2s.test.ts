import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/normalize/index.js';
import { makeT2s, t2s } from '../../src/normalize/t2s.js';

describe('pass: t2s (opencc-js, optional)', () => {
  const sample = '香港特別行政區政府發佈了新聞稿。\n機器人產業發展迅速，臺灣的電腦軟體企業紛紛跟進。';
  it('converts traditional to simplified keeping one map entry per character', () => {
    const r = t2s(sample);
    expect(r.text).toBe('香港特别行政区政府发布了新闻稿。\n机器人产业发展迅速，台湾的电脑软体企业纷纷跟进。');
    expect(r.text.length).toBe(sample.length);
    r.map.assertMonotonic();
    for (let i = 0; i < r.text.length; i++) {
      expect(r.map.from[i]).toBe(i);
      expect(r.map.to[i]).toBe(i + 1);
    }
    expect(r.repairs.every((x) => x.kind === 't' && x.pass === 't2s')).toBe(true);
    expect(r.repairs.length).toBeGreaterThan(5);
  });
  it('taiwan variant converts vocabulary characters too', () => {
    expect(makeT2s('tw')('資訊').text).toBe('资讯');
  });
  it('runs inside normalize only when asked, with offsets into raw', () => {
    const raw = ' 機器人 產業 2024 年,發展迅速。';
    expect(normalize(raw).text).toBe('機器人產業2024年，發展迅速。');
    const d = normalize(raw, { t2s: true });
    expect(d.text).toBe('机器人产业2024年，发展迅速。');
    d.map.assertMonotonic();
    // 产 maps back to 產 in raw
    const i = d.text.indexOf('产');
    const [a, b] = d.map.span(i, i + 1);
    expect(raw.slice(a, b)).toBe('產');
    expect(d.repairs.some((r) => r.pass === 't2s' && raw.slice(r.rawStart, r.rawEnd) === '機')).toBe(true);
  });
  it('leaves simplified text untouched', () => {
    const s = '北京亦庄机器人产业聚链成势';
    const r = t2s(s);
    expect(r.text).toBe(s);
    expect(r.repairs).toHaveLength(0);
  });
});
