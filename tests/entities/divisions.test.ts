import { describe, expect, it } from 'vitest';
import { chainsBelow, colloquialDivision, lexicon, shortDivision } from '../../src/extract/entities/lexicon.js';

describe('division names', () => {
  it('shortens provinces, prefectures and autonomous areas the way news writes them', () => {
    expect(shortDivision('河北省')).toBe('河北');
    expect(shortDivision('广西壮族自治区')).toBe('广西');
    expect(shortDivision('西双版纳傣族自治州')).toBe('西双版纳');
    expect(shortDivision('黔东南苗族侗族自治州')).toBe('黔东南');
    expect(shortDivision('博尔塔拉蒙古自治州')).toBe('博尔塔拉');
    expect(shortDivision('喀什地区')).toBe('喀什');
    expect(shortDivision('锡林郭勒盟')).toBe('锡林郭勒');
    expect(colloquialDivision('甘孜藏族自治州')).toBe('甘孜州');
    expect(colloquialDivision('峨边彝族自治县')).toBe('峨边县');
    expect(colloquialDivision('石家庄市')).toBeNull();
  });
  it('knows each name’s level and chains only downwards', () => {
    const lex = lexicon();
    expect(lex.divisionLevels.get('云南省')).toBe(1);
    expect(lex.divisionLevels.get('西双版纳州')).toBe(2);
    expect(lex.divisionLevels.get('勐腊县')).toBe(4);
    expect(chainsBelow(lex, '云南省', '西双版纳州')).toBe(true);
    expect(chainsBelow(lex, '西双版纳州', '勐腊县')).toBe(true);
    expect(chainsBelow(lex, '吴中区', '太湖')).toBe(false);
    expect(chainsBelow(lex, '苏州市', '吴中区')).toBe(true);
    // unknown levels keep the old behaviour
    expect(chainsBelow(lex, '浦东', '张江')).toBe(true);
    expect(lex.countiesTwoChar.has('岷县')).toBe(true);
    expect(lex.countiesTwoChar.has('城区')).toBe(false);
  });
});
