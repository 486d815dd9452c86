/**
 * Place helpers shared by the LOC rules: what may follow a place name
 * (roads are not places in this project's convention), and the growth of a
 * place by the townships, villages and communities written after it
 * (广西忻城县红渡镇六纳村, 城关镇城南社区).
 */
import type { TokenIndex } from './tokens.js';
import { tokenAt } from './person.js';

/** A name followed by one of these is a road, railway or line, not a place. */
export const ROAD_AFTER = /^(?:高速|公路|铁路|高铁|大道|大街|路|街|道|巷|胡同|线|隧道|大桥|桥)/u;

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
    // a single dictionary word that is not a place (驻村, 农村, 乡村) is not a sub-unit
    const t = tokenAt(ix.tokens, end);
    if (t && t.start === end && t.end === end + unit.length && t.tag !== 'ns' && t.tag !== 'x') break;
    // nor is one that ends inside a word (榕江县 + 举办乡村: 乡 belongs to 乡村)
    if (ix.tokens.length > 0 && !ix.byEnd.has(end + unit.length)) break;
    if (ROAD_AFTER.test(text.slice(end + unit.length))) break;
    end += unit.length;
  }
  return end;
}

/** Words jieba tags ns that are not names of places. */
export const GENERIC_PLACE_WORDS = new Set(['开发区', '经开区', '高新区', '新区', '园区', '市区', '城区', '郊区', '县城', '城乡', '乡村', '农村', '山区', '社区', '小区', '地区', '国家', '全国', '全省', '全市', '本市', '本地', '当地', '各地', '外地', '异地', '境内', '境外', '海外', '国内', '国外', '东部', '西部', '南部', '北部', '中部', '沿海', '内地', '边境', '中华', '华夏', '神州', '故乡', '家乡', '老家', '人间', '世界', '全球', '天下', '地球', '南方', '北方', '东方', '西方', '中外', '中西', '省市', '市县', '县区', '江山', '河山', '山河', '大地', '祖国', '长城', '高原', '平原', '东北部', '西南部', '东南部', '西北部', '中东部', '中西部', '两岸', '海峡', '城市', '都市', '大海', '星辰大海', '海洋', '江湖', '湖泊', '山川', '河流', '崇山峻岭', '深山', '高山', '名山', '大山', '青山', '冰山', '火山', '靠山', '江河', '内河', '城镇', '乡镇', '村镇', '村庄', '县市', '省区', '市州', '口岸', '海关', '港口', '码头', '湾区', '市场', '现场', '会场', '广场', '商场', '机场', '农场', '牧场', '战场', '片区', '景区', '街区', '库区', '矿山', '上游', '下游', '周边', '附近', '一带', '区域', '领域', '全区', '全县', '全镇', '该市', '该县', '该区', '该省', '我省', '我市', '我区', '我县', '本省', '本区', '本县', '外省', '外市', '各省', '各市', '各县', '各区', '北京时间', '首都', '省城', '上市', '股市', '夜市', '超市', '县域', '市域', '城郊', '东西部', '南北方']);
