/**
 * The document object's messages: placed in both coordinates (a pass knows
 * raw positions, a rule normalized ones), stored in the messages table, read
 * through message_rows, and listed in the HTML report.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { normalize } from '../../src/normalize/index.js';
import { placeMessages } from '../../src/pipeline/process.js';
import { openDatabase, processFile, processText, storeDocument } from '../../src/index.js';
import { reportDataFromDb, renderReport } from '../../src/report/index.js';
import { CORPUS, tempDir } from './helpers.js';

describe('messages on the document', () => {
  it('fills the normalized side of a raw position and the raw side of a normalized one', () => {
    const raw = '如 今 在 这 里 ，机器人产业聚链成势。';
    const n = normalize(raw);
    expect(n.text.startsWith('如今在这里，机器人')).toBe(true);
    const [a, b] = placeMessages(
      [
        { code: 'I_TEST', severity: 'info', source: 'normalize.spacing', message: 'a raw region', rawStart: 0, rawEnd: 9 },
        { code: 'W_TEST', severity: 'warning', source: 'entity-x', message: 'a normalized span', start: 6, end: 9 },
      ],
      n.map,
    );
    // raw [0, 9) is 如 今 在 这 里: normalized 如今在这里
    expect(n.text.slice(a!.start!, a!.end!)).toBe('如今在这里');
    expect(raw.slice(b!.rawStart!, b!.rawEnd!)).toBe(n.text.slice(6, 9));
  });

  it('a damaged page says why it was repaired, with positions on both sides', async () => {
    const doc = await processFile(join(CORPUS, '000_df42f2bb45961d64.txt'));
    const codes = new Set((doc.messages ?? []).map((m) => m.code));
    expect(codes).toContain('I_HARD_WRAPS');
    expect(codes).toContain('I_JUSTIFIED_SPACING');
    for (const m of doc.messages ?? []) {
      expect(m.source).toMatch(/^normalize\./u);
      expect(m.rawStart).not.toBeNull();
      expect(m.start).not.toBeNull();
      expect(m.start!).toBeLessThanOrEqual(m.end!);
    }
  });

  it('stores them, reads them through message_rows and shows them in the report', () => {
    const doc = processText('天津市南开区固定资产投资同比增长36.8%。', { id: 'm' });
    doc.messages = [...(doc.messages ?? []), { code: 'W_EXAMPLE', severity: 'warning', source: 'entity-example', message: 'an example <warning>', start: 0, end: 3, rawStart: 0, rawEnd: 3 }];
    const db = openDatabase(join(tempDir(), 'm.db'));
    storeDocument(db, doc);
    const rows = db.prepare('SELECT code, severity, source, message, start, end, raw_start, raw_end FROM message_rows').all();
    expect(rows).toContainEqual({ code: 'W_EXAMPLE', severity: 'warning', source: 'entity-example', message: 'an example <warning>', start: 0, end: 3, raw_start: 0, raw_end: 3 });
    const id = (db.prepare('SELECT id FROM documents').get() as { id: number }).id;
    const html = renderReport(reportDataFromDb(db, id));
    expect(html).toContain('<b>W_EXAMPLE</b> an example &lt;warning&gt;');
    expect(html).toMatch(/Messages \(\d+\)/);
  });
});
