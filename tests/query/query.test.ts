import { beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { makeDb, RAW_A } from './fixture.js';
import {
  openQueryDb, queryEntities, queryFigures, queryMentions, queryPeople, queryQuotes, search, ftsMatch, ftsQuery, highlight, locator, tilings, QueryError,
} from '../../src/query/index.js';
import { segment } from '../../src/segment/index.js';
import { runEntities, runFigures, runMentions, runSearch, type CommonOptions } from '../../src/cli/query.js';
import type { DB } from '../../src/store/db.js';

let file: string;
let db: DB;
const seg = (t: string) => segment(t).map((x) => x.text);

beforeAll(() => {
  file = makeDb();
  db = openQueryDb(file);
});

describe('entities', () => {
  it('counts mentions per entity and lists aliases', () => {
    const rows = queryEntities(db);
    const bda = rows.find((r) => r.key === 'ORG:北京经济技术开发区')!;
    expect(bda).toMatchObject({ name: '北京经济技术开发区', type: 'ORG', mentions: 3, docs: 1, aliases: ['北京经开区'] });
    expect(rows[0]!.mentions).toBeGreaterThanOrEqual(rows.at(-1)!.mentions);
  });
  it('finds an entity by any alias', () => {
    const rows = queryEntities(db, { name: '北京经开区' });
    expect(rows.map((r) => r.key)).toContain('ORG:北京经济技术开发区');
  });
  it('filters by type, document and minimum mentions, sorts by name', () => {
    expect(queryEntities(db, { type: 'person' }).map((r) => r.name).sort()).toEqual(['刘卫华', '张三']);
    expect(queryEntities(db, { doc: 'doc-b' }).map((r) => r.name).sort()).toEqual(['上海', '上海市经济和信息化委员会', '张三'].sort());
    expect(queryEntities(db, { doc: 'corpus/doc-b.txt' })).toHaveLength(3);
    expect(queryEntities(db, { minMentions: 2 }).map((r) => r.name).sort()).toEqual(['刘卫华', '北京经济技术开发区']);
    const byName = queryEntities(db, { sort: 'name' }).map((r) => r.name);
    expect(byName).toEqual([...byName].sort());
    expect(queryEntities(db, { limit: 2 })).toHaveLength(2);
  });
  it('treats hostile filter text as data', () => {
    expect(queryEntities(db, { name: "'; DROP TABLE mentions; --" })).toEqual([]);
    expect(queryEntities(db).length).toBeGreaterThan(0);
  });
});

describe('mentions', () => {
  it('gives keyword in context and the raw file:line:column', () => {
    const rows = queryMentions(db, '北京经开区', { context: 5 });
    // the alias finds every mention of the entity, canonical name included
    expect(rows).toHaveLength(3);
    const third = rows[2]!;
    expect(third.mention).toBe('北京经开区');
    // raw line 5: '新 闻 速 递 ， 北京经开区 …'
    expect(third.location).toBe(`corpus/doc-a.txt:5:${RAW_A.split('\n')[4]!.indexOf('北京经开区') + 1}`);
    expect(RAW_A.slice(third.rawStart, third.rawEnd)).toBe('北京经开区');
    expect(third.left.length).toBeLessThanOrEqual(5);
    expect(third.right.length).toBeLessThanOrEqual(5);
    expect(third.left + third.mention + third.right).not.toContain('\n');
  });
  it('falls back to part of a name when nothing matches exactly', () => {
    expect(queryMentions(db, '卫华').map((r) => r.name)).toEqual(['刘卫华', '刘卫华']);
  });
});

describe('figures', () => {
  it('filters by kind, unit and value range in base units', () => {
    expect(queryFigures(db, { kind: 'money' }).map((r) => r.text)).toEqual(['千亿级', '5亿元', '12亿元']);
    expect(queryFigures(db, { unit: '元', min: 1e9 }).map((r) => r.text)).toEqual(['千亿级', '12亿元']);
    expect(queryFigures(db, { unit: '元', max: 2e9 }).map((r) => r.text)).toEqual(['5亿元', '12亿元']);
  });
  it('filters by subject (any alias), metric and year', () => {
    expect(queryFigures(db, { subject: '北京经开区' }).map((r) => r.text)).toEqual(['36.8%', '5亿元']);
    expect(queryFigures(db, { metric: '投资' }).map((r) => r.text)).toEqual(['5亿元', '12亿元']);
    expect(queryFigures(db, { year: 2027 }).map((r) => r.text)).toEqual(['2027年', '千亿级']);
    expect(queryFigures(db, { year: 2024, kind: 'percent' })[0]!.location).toBe(`corpus/doc-a.txt:1:${RAW_A.indexOf('36.8%') + 1}`);
  });
  it('filters by resolved period: overlap with --from/--to at any precision', () => {
    expect(queryFigures(db, { from: '2024-08' }).map((r) => r.text)).toEqual(['12亿元']);
    expect(queryFigures(db, { to: '2024-07-31' }).map((r) => r.text)).toEqual(['36.8%', '12亿元']);
    expect(queryFigures(db, { from: '2024-03', to: '2024-03' }).map((r) => [r.text, r.periodStart, r.periodEnd])).toEqual([
      ['36.8%', '2024-01-01', '2024-07-31'],
      ['12亿元', '2024-01-01', '2024-12-31'],
    ]);
    expect(queryFigures(db, { from: '2025' })).toEqual([]);
    expect(() => queryFigures(db, { from: '2024-13' })).toThrow(/not a date/);
  });
  it('finds a subject by its entity key through any name of the entity', () => {
    const r = queryFigures(db, { subject: '北京经开区', kind: 'percent' });
    expect(r.map((x) => [x.text, x.subjectEntity])).toEqual([['36.8%', 'ORG:北京经济技术开发区']]);
  });
});

describe('quotes and people', () => {
  it('finds quotes by speaker', () => {
    const rows = queryQuotes(db, { speaker: '刘卫华' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.text).toBe('“机器人产业集群正在形成，”');
    expect(queryQuotes(db, { speaker: '张三' })).toEqual([]);
  });
  it('lists person, title, organisation whichever end of the relation the person is', () => {
    const rows = queryPeople(db);
    expect(rows.map((r) => [r.person, r.title, r.org, r.mentions])).toEqual([
      ['刘卫华', '副主任', '北京经开区管委会', 2],
      ['张三', '主任', '上海市经济和信息化委员会', 1],
    ]);
    expect(queryPeople(db, { org: '上海' }).map((r) => r.person)).toEqual(['张三']);
  });
});

describe('search', () => {
  it('quotes every word for FTS5', () => {
    expect(ftsQuery(['机器人', ' ', '，', 'a"b', 'OR', 'NEAR(x'])).toBe('"机器人" AND "a""b" AND "OR" AND "NEAR(x"');
    expect(ftsQuery(['，', '。'])).toBeNull();
  });
  it('tries every segmentation of a part as a phrase', () => {
    expect(tilings('人形机器人', ['人形', '人形机器人', '机器', '机器人'])).toEqual([['人形机器人'], ['人形', '机器人']]);
    expect(tilings('北京亦庄', ['北京', '亦庄'])).toEqual([['北京', '亦庄']]);
    expect(ftsMatch([[['北京', '亦庄'], ['北京亦庄']], [['机器人']]])).toBe('("北京 亦庄" OR "北京亦庄") AND "机器人"');
  });
  it('highlights every matched word, merging overlaps', () => {
    expect(highlight('机器人产业集群', ['机器人', '产业', '产业集群'], '[', ']')).toBe('[机器人产业集群]');
    expect(highlight('AI与ai', ['ai'], '[', ']')).toBe('[AI]与[ai]');
  });
  it('finds sentences containing all words, ranked, highlighted', () => {
    const rows = search(db, '机器人 产业集群', { segmenter: seg });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.text).toContain('机器人');
      expect(r.highlight).toContain('«');
    }
    expect(rows.map((r) => r.score)).toEqual([...rows.map((r) => r.score)].sort((a, b) => a - b));
    expect(search(db, '人工智能 上海', { segmenter: seg }).map((r) => r.docId)).toEqual(['doc-b']);
  });
  it('a part matches as a phrase: its words next to each other', () => {
    // 机器人 and 产业集群 are both in doc-a sentences, but never as 产业集群机器人
    expect(search(db, '产业集群机器人', { segmenter: seg })).toEqual([]);
    expect(search(db, '产业集群 机器人', { segmenter: seg }).length).toBeGreaterThan(0);
  });
  it('finds a part the index cut differently, through its variants', () => {
    // pretend the query segmenter keeps 机器人产业 whole while the index cut it in two
    const whole = (t: string) => (t === '机器人产业' ? ['机器人产业'] : seg(t));
    expect(search(db, '机器人产业', { segmenter: whole })).toEqual([]);
    const rows = search(db, '机器人产业', { segmenter: whole, variants: (p) => tilings(p, ['机器人', '产业', '机器']) });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.highlight).toContain('«机器人产业');
  });
  it('never lets query text act as FTS5 syntax', () => {
    for (const q of ['"', 'NEAR(', '机器人 OR', '* AND -', ')(', 'tokens:机器人', '^机器人']) {
      expect(() => search(db, q, { segmenter: seg })).not.toThrow();
    }
    expect(search(db, '，。', { segmenter: seg })).toEqual([]);
  });
});

describe('locations', () => {
  it('counts lines after \\n, \\r\\n and \\r; columns from 1', () => {
    const at = locator('ab\ncd\r\nef\rg');
    expect([0, 1, 3, 4, 7, 10].map(at)).toEqual(['1:1', '1:2', '2:1', '2:2', '3:1', '4:1']);
  });
});

describe('database errors', () => {
  it('a missing file is a QueryError, and the CLI exits 2 with one line', () => {
    expect(() => openQueryDb('/nonexistent/news.db')).toThrow(QueryError);
    const io = capture();
    const code = runEntities({ ...opts(), db: '/nonexistent/news.db' }, io);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/^zhnews query entities: database not found: \/nonexistent\/news\.db.*\n$/);
    expect(io.err().trim().split('\n')).toHaveLength(1);
  });
});

function capture(tty = false) {
  const out = new PassThrough() as PassThrough & { isTTY?: boolean };
  const err = new PassThrough();
  if (tty) out.isTTY = true;
  let o = '';
  let e = '';
  out.on('data', (c) => (o += String(c)));
  err.on('data', (c) => (e += String(c)));
  return { stdout: out, stderr: err, out: () => o, err: () => e };
}

const opts = (extra: Partial<CommonOptions> = {}): CommonOptions => ({ db: file, limit: 50, ...extra });

describe('CLI output', () => {
  it('prints --json, --jsonl and --csv', () => {
    let io = capture();
    expect(runFigures({ ...opts({ json: true }), kind: 'money' }, io)).toBe(0);
    const rows = JSON.parse(io.out()) as Array<{ text: string; value: number }>;
    expect(rows.map((r) => r.text)).toEqual(['千亿级', '5亿元', '12亿元']);
    io = capture();
    runFigures({ ...opts({ jsonl: true }), kind: 'money' }, io);
    expect(io.out().trim().split('\n').map((l) => (JSON.parse(l) as { value: number }).value)).toEqual([1e11, 5e8, 1.2e9]);
    io = capture();
    runFigures({ ...opts({ csv: true }), kind: 'money' }, io);
    const lines = io.out().split('\r\n');
    expect(lines[0]!.split(',')).toEqual(expect.arrayContaining(['valueMax', 'rawStart', 'sentence']));
    expect(lines).toHaveLength(5);
    io = capture();
    runFigures({ ...opts({ csv: true }), kind: 'no-such-kind' }, io);
    expect(io.out()).toBe('location,text,kind,value,valueMax,unit,qualifier,subject,metric,time,periodStart,periodEnd,rule\r\n');
  });
  it('rejects two formats at once (exit 2)', () => {
    const io = capture();
    expect(runEntities(opts({ json: true, csv: true }), io)).toBe(2);
  });
  it('says when --limit left rows out', () => {
    const io = capture();
    runEntities(opts({ limit: 1, json: true }), io);
    expect(JSON.parse(io.out())).toHaveLength(1);
    expect(io.err()).toMatch(/first 1 rows/);
  });
  it('aligns a table with Chinese text by display width', () => {
    const io = capture();
    runEntities(opts(), io);
    const lines = io.out().trimEnd().split('\n');
    expect(lines[1]).toMatch(/^─+/);
    // the "type" column starts at the same display column on every line
    const col = (l: string) => {
      const m = /(ORG|PERSON|LOC|POLICY|type)/.exec(l)!;
      let w = 0;
      for (const ch of l.slice(0, m.index)) w += /[\u4e00-\u9fff\u3000-\u303f\uff00-\uff60《》]/.test(ch) ? 2 : 1;
      return w;
    };
    const cols = [lines[0]!, ...lines.slice(2)].map(col);
    expect(new Set(cols).size).toBe(1);
  });
  it('colours the keyword only on a TTY table', () => {
    let io = capture(true);
    runMentions('刘卫华', { ...opts(), context: 10 }, io);
    expect(io.out()).toContain('\x1b[1;33m刘卫华\x1b[0m');
    io = capture(true);
    runMentions('刘卫华', { ...opts({ json: true }), context: 10 }, io);
    expect(io.out()).not.toContain('\x1b[');
  });
  it('search prints highlighted sentences', async () => {
    const io = capture();
    expect(await runSearch('机器人 产业集群', { ...opts({ jsonl: true }), pipeline: undefined }, io)).toBe(0);
    const rows = io.out().trim().split('\n').map((l) => JSON.parse(l) as { highlight: string; location: string });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.highlight).toMatch(/«机器人/);
    expect(rows[0]!.location).toMatch(/^corpus\/doc-a\.txt:\d+:\d+$/);
  });
});
