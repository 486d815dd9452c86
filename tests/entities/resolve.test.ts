/**
 * Resolution: deterministic keys, aliases from pipelines/aliases.yaml and
 * division short forms, one entity per real thing whichever alias is used.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../src/core/types.js';
import { ALIASES_URL, resolveMentions } from '../../src/resolve/index.js';

function m(type: Mention['type'], norm: string, attrs?: Record<string, unknown>): Mention {
  return { type, text: norm, norm, start: 0, end: norm.length, rawStart: 0, rawEnd: norm.length, sentence: 0, rule: 't', ruleVersion: 1, ...(attrs ? { attrs } : {}) };
}

describe('resolveMentions', () => {
  it('finds the alias table two levels above src/ (and dist/)', () => {
    expect(existsSync(fileURLToPath(ALIASES_URL))).toBe(true);
    expect(fileURLToPath(ALIASES_URL).endsWith('/pipelines/aliases.yaml')).toBe(true);
  });
  it('merges aliases of one place under one key', () => {
    const ms = ['北京经济技术开发区', '北京经开区', '北京亦庄', '亦庄'].map((s) => m('LOC', s));
    const ents = resolveMentions(ms);
    expect(ms.map((x) => x.entity)).toEqual(Array(4).fill('LOC:北京经济技术开发区'));
    expect(ents).toEqual([{ key: 'LOC:北京经济技术开发区', type: 'LOC', name: '北京经济技术开发区', aliases: ['亦庄', '北京亦庄', '北京经开区'] }]);
  });
  it('division short forms resolve to the full name', () => {
    const ms = [m('LOC', '北京'), m('LOC', '北京市'), m('LOC', '河北')];
    resolveMentions(ms);
    expect(ms.map((x) => x.entity)).toEqual(['LOC:北京市', 'LOC:北京市', 'LOC:河北省']);
  });
  it('persons with the same name and different affiliations stay apart', () => {
    const ms = [m('PERSON', '王伟', { affiliation: '经济日报' }), m('PERSON', '王伟', { affiliation: '南开区投资促进局' }), m('PERSON', '王伟')];
    resolveMentions(ms);
    expect(ms.map((x) => x.entity)).toEqual(['PERSON:王伟@经济日报', 'PERSON:王伟@南开区投资促进局', 'PERSON:王伟']);
  });
  it('keys are deterministic and sorted', () => {
    const a = resolveMentions([m('ORG', '新华社'), m('ORG', '新华通讯社'), m('LOC', '中国')]);
    expect(a.map((e) => e.key)).toEqual(['LOC:中华人民共和国', 'ORG:新华通讯社']);
  });
});
