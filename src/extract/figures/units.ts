/**
 * The unit vocabulary, as data. Each entry maps a surface form that follows a
 * numeral to a figure kind, a base unit and a factor into that base unit.
 * See ./README.md for the vocabulary and its conventions.
 */
import type { FigureKind } from '../../core/types.js';

export interface UnitDef {
  kind: FigureKind;
  /** base unit code: ISO 4217 for money, SI-ish symbols, or the classifier itself */
  unit: string;
  /** multiply the numeral by this to get the value in `unit` */
  factor: number;
  /** spec-facing name (peer vocabulary), for the conformance adapter only */
  name?: string;
}

const money = (iso: string, name: string, factor = 1): UnitDef => ({ kind: 'money', unit: iso, factor, name });
const m = (kind: FigureKind, unit: string, factor: number, name?: string): UnitDef =>
  name === undefined ? { kind, unit, factor } : { kind, unit, factor, name };

/** Currency words after a numeral. 元 and 人民币 are CNY. */
export const MONEY_SUFFIX: Readonly<Record<string, UnitDef>> = {
  元人民币: money('CNY', 'Chinese yuan'),
  元: money('CNY', 'Chinese yuan'),
  人民币: money('CNY', 'Chinese yuan'),
  块钱: money('CNY', 'Chinese yuan'),
  圆: money('CNY', 'Chinese yuan'),
  毛钱: { ...money('CNY', 'Chinese yuan'), factor: 0.1 },
  角钱: { ...money('CNY', 'Chinese yuan'), factor: 0.1 },
  分钱: { ...money('CNY', 'Chinese yuan'), factor: 0.01 },
  美元: money('USD', 'United States dollar'),
  美金: money('USD', 'United States dollar'),
  美圆: money('USD', 'United States dollar'),
  美刀: money('USD', 'United States dollar'),
  港元: money('HKD', 'Hong Kong dollar'),
  港币: money('HKD', 'Hong Kong dollar'),
  欧元: money('EUR', 'Euro'),
  日元: money('JPY', 'Japanese yen'),
  日圆: money('JPY', 'Japanese yen'),
  英镑: money('GBP', 'British pound'),
  澳元: money('AUD', 'Australian dollar'),
  加元: money('CAD', 'Canadian dollar'),
  瑞士法郎: money('CHF', 'Swiss franc'),
  卢布: money('RUB', 'Russian ruble'),
  韩元: money('KRW', 'South Korean won'),
  新台币: money('TWD', 'New Taiwan dollar'),
  台币: money('TWD', 'New Taiwan dollar'),
  新加坡元: money('SGD', 'Singapore dollar'),
  澳门元: money('MOP', 'Macanese pataca'),
  泰铢: money('THB', 'Thai baht'),
  卢比: money('INR', 'Indian rupee'),
  越南盾: money('VND', 'Vietnamese dong'),
  奈拉: money('NGN', 'Nigerian naira'),
  比特币: money('XBT', 'Bitcoin'),
  个比特币: money('XBT', 'Bitcoin'),
};

/** Currency symbols before a numeral. */
export const MONEY_PREFIX: Readonly<Record<string, UnitDef>> = {
  'US$': money('USD', 'United States dollar'),
  'HK$': money('HKD', 'Hong Kong dollar'),
  '￥': money('CNY', 'Chinese yuan'),
  '¥': money('CNY', 'Chinese yuan'),
  '€': money('EUR', 'Euro'),
  '£': money('GBP', 'British pound'),
  '$': money('USD', 'Dollar'),
  人民币: money('CNY', 'Chinese yuan'),
  港币: money('HKD', 'Hong Kong dollar'),
  港元: money('HKD', 'Hong Kong dollar'),
  美元: money('USD', 'United States dollar'),
  欧元: money('EUR', 'Euro'),
  日元: money('JPY', 'Japanese yen'),
  英镑: money('GBP', 'British pound'),
};

/** Measures: area, length, mass, power, energy, compute, data. Longest surface wins. */
export const MEASURE: Readonly<Record<string, UnitDef>> = {
  立方米: m('number', 'm3', 1, 'Cubic meter'),
  毫升: m('number', 'm3', 1e-6, 'Milliliter'),
  升: m('number', 'm3', 0.001, 'Liter'),
  摄氏度: m('number', '°C', 1, 'Degree Celsius'),
  '℃': m('number', '°C', 1, 'Degree Celsius'),
  公里每小时: m('number', 'km/h', 1, 'Kilometer per hour'),
  '公里/小时': m('number', 'km/h', 1, 'Kilometer per hour'),
  千米每小时: m('number', 'km/h', 1, 'Kilometer per hour'),
  'km/h': m('number', 'km/h', 1, 'Kilometer per hour'),
  平方公里: m('area', 'm2', 1e6, 'Square kilometer'),
  平方千米: m('area', 'm2', 1e6, 'Square kilometer'),
  平方米: m('area', 'm2', 1, 'Square meter'),
  平方厘米: m('area', 'm2', 1e-4, 'Square centimeter'),
  平方英尺: m('area', 'm2', 0.09290304, 'Square foot'),
  平米: m('area', 'm2', 1, 'Square meter'),
  '㎡': m('area', 'm2', 1, 'Square meter'),
  亩: m('area', 'm2', 2000 / 3, 'Mu'),
  公顷: m('area', 'm2', 1e4, 'Hectare'),
  公里: m('length', 'm', 1000, 'Kilometer'),
  千米: m('length', 'm', 1000, 'Kilometer'),
  厘米: m('length', 'm', 0.01, 'Centimeter'),
  公分: m('length', 'm', 0.01, 'Centimeter'),
  毫米: m('length', 'm', 0.001, 'Millimeter'),
  微米: m('length', 'm', 1e-6, 'Micrometer'),
  纳米: m('length', 'm', 1e-9, 'Nanometer'),
  海里: m('length', 'm', 1852, 'Nautical mile'),
  英里: m('length', 'm', 1609.344, 'Mile'),
  米: m('length', 'm', 1, 'Meter'),
  KM: m('length', 'm', 1000, 'Kilometer'),
  CM: m('length', 'm', 0.01, 'Centimeter'),
  KG: m('mass', 'kg', 1, 'Kilogram'),
  赫兹: m('number', 'Hz', 1, 'Hertz'),
  千赫兹: m('number', 'Hz', 1e3, 'Kilohertz'),
  兆赫兹: m('number', 'Hz', 1e6, 'Megahertz'),
  吉赫兹: m('number', 'Hz', 1e9, 'Gigahertz'),
  千卡: m('energy', 'Wh', 1.163, 'Kilocalorie'),
  km: m('length', 'm', 1000, 'Kilometer'),
  cm: m('length', 'm', 0.01, 'Centimeter'),
  mm: m('length', 'm', 0.001, 'Millimeter'),
  nm: m('length', 'm', 1e-9, 'Nanometer'),
  m: m('length', 'm', 1, 'Meter'),
  万吨: m('mass', 'kg', 1e7, 'Ton'),
  吨: m('mass', 'kg', 1000, 'Ton'),
  千克: m('mass', 'kg', 1, 'Kilogram'),
  公斤: m('mass', 'kg', 1, 'Kilogram'),
  毫克: m('mass', 'kg', 1e-6, 'Milligram'),
  微克: m('mass', 'kg', 1e-9, 'Microgram'),
  克: m('mass', 'kg', 0.001, 'Gram'),
  斤: m('mass', 'kg', 0.5, 'Jin'),
  kg: m('mass', 'kg', 1, 'Kilogram'),
  千瓦时: m('energy', 'Wh', 1e3, 'Kilowatt hour'),
  兆瓦时: m('energy', 'Wh', 1e6, 'Megawatt hour'),
  吉瓦时: m('energy', 'Wh', 1e9, 'Gigawatt hour'),
  瓦时: m('energy', 'Wh', 1, 'Watt hour'),
  kWh: m('energy', 'Wh', 1e3, 'Kilowatt hour'),
  千瓦: m('power', 'W', 1e3, 'Kilowatt'),
  兆瓦: m('power', 'W', 1e6, 'Megawatt'),
  吉瓦: m('power', 'W', 1e9, 'Gigawatt'),
  瓦: m('power', 'W', 1, 'Watt'),
  kW: m('power', 'W', 1e3, 'Kilowatt'),
  MW: m('power', 'W', 1e6, 'Megawatt'),
  GW: m('power', 'W', 1e9, 'Gigawatt'),
  PFLOPS: m('compute', 'FLOPS', 1e15),
  EFLOPS: m('compute', 'FLOPS', 1e18),
  TFLOPS: m('compute', 'FLOPS', 1e12),
  P: m('compute', 'FLOPS', 1e15),
  字节: m('data', 'B', 1, 'Byte'),
  千字节: m('data', 'B', 1e3, 'Kilobyte'),
  兆字节: m('data', 'B', 1e6, 'Megabyte'),
  吉字节: m('data', 'B', 1e9, 'Gigabyte'),
  比特: m('data', 'B', 0.125, 'Bit'),
  KB: m('data', 'B', 1e3, 'Kilobyte'),
  MB: m('data', 'B', 1e6, 'Megabyte'),
  GB: m('data', 'B', 1e9, 'Gigabyte'),
  TB: m('data', 'B', 1e12, 'Terabyte'),
  PB: m('data', 'B', 1e15, 'Petabyte'),
};

/** Durations: numeral + one of these. 年 needs a non-year numeral (see scan.ts). */
export const DURATION: Readonly<Record<string, UnitDef>> = {
  个多小时: m('duration', 'hour', 1),
  个小时: m('duration', 'hour', 1),
  小时: m('duration', 'hour', 1),
  个多月: m('duration', 'month', 1),
  个月: m('duration', 'month', 1),
  个星期: m('duration', 'day', 7),
  星期: m('duration', 'day', 7),
  周年: m('duration', 'year', 1),
  多年: m('duration', 'year', 1),
  年: m('duration', 'year', 1),
  天: m('duration', 'day', 1),
  周: m('duration', 'day', 7),
  日内: m('duration', 'day', 1),
  个工作日: m('duration', 'day', 1),
  工作日: m('duration', 'day', 1),
  日以内: m('duration', 'day', 1),
  分钟: m('duration', 'minute', 1),
  秒钟: m('duration', 'second', 1),
  秒: m('duration', 'second', 1),
};

/** Count classifiers: the unit of a count is the classifier itself. Longest wins (人次 before 人). */
export const CLASSIFIERS: readonly string[] = [
  '万人次', '人次', '架次', '辆次', '艘次', '户次', '批次', '场次', '台套',
  '家', '个', '项', '款', '台', '人', '名', '所', '条', '件', '座', '套', '架', '辆', '颗', '次',
  '处', '份', '批', '种', '类', '位', '户', '只', '头', '张', '本', '部', '篇', '场', '届', '轮',
  '宗', '笔', '栋', '幢', '艘', '枚', '首', '门', '例', '株', '棵', '亿人', '支', '根', '块',
  '片', '间', '层', '票', '卡', '列', '趟', '班', '组', '对', '双', '卷', '册', '岁', '起', '章', '家次',
];

/** Characters that, right after a classifier, show the numeral is part of a word or name. */
export const CLASSIFIER_BLOCKERS: Readonly<Record<string, string>> = {
  // 个体, 个人, 个性 …: 一个人 is ambiguous, but 3个人 is fine; only blocks lone 一/单
  个: '体性别案',
  人: '民工才气员类生们文口士为',
  名: '义字单称胜额誉片',
  次: '要序日年',
  件: '事',
  条: '件例款约',
  部: '门分署长委',
  家: '庭乡长属里园电具居族用',
  支: '柱持付撑援部队出',
  本: '地土质身次届领科部',
  头: '部号条脑等',
  门: '户槛类诊口',
  首: '都府次先批创发届个家款位位',
  期: '间待望限货末初中刊',
  场: '景所地合面馆景次域',
  级: '别',
  位: '于置列',
  起: '来步点源草飞诉',
  组: '织成建合团',
  单: '位元一个独',
  届: '时',
  块: '钱',
  班: '组子长车',
  种: '子植类',
  类: '似型别',
  片: '区',
  口: '岸',
  对: '于外接标话象比照口应',
  双: '方边向赢碳创循',
};

/** Percent-like suffixes. */
export const PERCENT_SIGNS = ['%', '％'];
export const PERMILLE_SIGNS = ['‰'];
