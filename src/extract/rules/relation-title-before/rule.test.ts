import { describe, expect, it } from 'vitest';
import { rule } from './rule.js';
import { runRuleCases } from '../../entities/tester.js';
import { extractEntities } from '../../packs/entities.js';

const a = '主教练普利斯表示，球队下赛季的目标是保级。';
const b = '本报讯（通讯员王东升记者蔡早勤）昨日，市区迎来降雪。';
const c = '党委书记、董事长吕家进介绍了今年的经营情况。';
runRuleCases(
  rule,
  {
    valid: [
      // 村民 says what he is, not a post
      '村民罗耀益说，今年收入增加了。',
      // a body before the title: relation-person-title's
      '北京市经济和信息化局副局长苏国斌说，目前进展顺利。',
      // 其: relation-title-carried's
      '长江公司发布公告，其董事长李某称业绩增长。',
    ],
    invalid: [
      { text: a, expect: [{ type: 'person-title:普利斯|主教练|', text: '主教练普利斯', start: 0, end: 6 }] },
      {
        text: b,
        expect: [
          { type: 'person-title:王东升|通讯员|', text: '通讯员王东升', start: 4, end: 10 },
          { type: 'person-title:蔡早勤|记者|', text: '记者蔡早勤', start: 10, end: 15 },
        ],
      },
      {
        text: c,
        expect: [
          { type: 'person-title:吕家进|党委书记|', text: '党委书记、董事长吕家进', start: 0, end: 11 },
          { type: 'person-title:吕家进|董事长|', text: '党委书记、董事长吕家进', start: 0, end: 11 },
        ],
      },
    ],
    mentions: (ctx) => extractEntities(ctx).mentions,
  },
  { describe, it, expect },
);

it('is the rule its folder names', () => {
  expect(rule.id).toBe('relation-title-before');
});

// a relation with no tail travels through the public record, `zhnews load`'s check and the database writer
it('a person-title relation (tail null) is a valid --jsonl record and is stored', async () => {
  const { extract, openDatabase, storeDocument, processText } = await import('../../../index.js');
  const { parseRecord } = await import('../../../pipeline/records.js');
  const { quickRecord } = await import('../../../load/check.js');
  const text = '主教练普利斯表示，球队下赛季的目标是保级。';
  const rec = JSON.parse(JSON.stringify(extract(text, { id: 'coach' })));
  const rel = rec.relations.find((r: { type: string }) => r.type === 'person-title');
  expect(rel).toMatchObject({ tail: null, tailText: null, headText: '普利斯', label: '主教练', rule: 'relation-title-before' });
  expect(() => parseRecord(rec)).not.toThrow();
  expect(quickRecord(rec)).toBeDefined();
  const db = openDatabase(':memory:');
  storeDocument(db, processText(text, { id: 'coach' }));
  const rows = db.prepare("SELECT label, tail FROM relations WHERE type = 'person-title'").all();
  expect(rows).toEqual([{ label: '主教练', tail: null }]);
  // the views list it: the person's title with no organisation
  const titles = db.prepare("SELECT person, title, org, org_key FROM person_titles WHERE relation = 'person-title'").all();
  expect(titles).toEqual([{ person: '普利斯', title: '主教练', org: null, org_key: null }]);
  expect(db.prepare("SELECT COUNT(*) AS n FROM relation_rows WHERE type = 'person-title' AND tail_type IS NULL").get()).toEqual({ n: 1 });
  db.close();
});
